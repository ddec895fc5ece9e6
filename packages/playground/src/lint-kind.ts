/** The lint input kind a file name implies. */
import type { LintKind } from './playground-state.js';

/** The kind a file name implies, when it implies one. */
export function lintKindOfFile(file: string): LintKind | undefined {
  const name = file.toLowerCase();
  if (name.endsWith('.tf.json')) return 'tf-json';
  if (name.endsWith('.tf')) return 'terraform';
  if (name.endsWith('.json')) return 'json';
  if (/\.(ya?ml|template)$/.test(name)) return 'yaml';
  return undefined;
}
