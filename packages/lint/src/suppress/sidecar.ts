/**
 * Suppressions for raw JSON policies, which cannot hold comments (and IAM rejects unknown fields): a
 * sidecar file `<policy file>.deputyignore` beside the policy, one `DPT001 reason…` per line (an optional
 * leading `deputy:ignore` is accepted; `#` starts a comment line). Each line covers the whole policy file.
 */
import { directiveText, parseDirective, suppressionFrom, type Suppression } from './suppression.js';

/** The suffix of a sidecar file. */
export const SIDECAR_SUFFIX = '.deputyignore';

/** The suppressions of a sidecar file; `file` is the sidecar as displayed. */
export function sidecarSuppressions(text: string, file: string): Suppression[] {
  const suppressions: Suppression[] = [];
  text.split('\n').forEach((content, index) => {
    const line = content.trim();
    if (line === '' || line.startsWith('#')) return;
    const directive = directiveText(line) ?? line;
    suppressions.push(suppressionFrom(parseDirective(directive), file, { line: index + 1, column: content.length - content.trimStart().length + 1 }, 'sidecar'));
  });
  return suppressions;
}
