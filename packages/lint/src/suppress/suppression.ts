/**
 * Suppressions: `deputy:ignore DPT001[,DPT002] reason…` in a comment (HCL, YAML), a CloudFormation resource's
 * `Metadata.deputy.ignore` list, a `.tf.json` `"//"` comment, or a `<file>.deputyignore` sidecar for raw JSON
 * policies. A suppression without a reason, or naming no known rule, suppresses nothing and is reported.
 */
import type { Position } from '../located/position.js';
import { isRuleId } from '../rules/rule-catalog.js';

/** Where a suppression is written. */
export type SuppressionOrigin = 'comment' | 'metadata' | 'tf-json-comment' | 'sidecar';

/** One suppression. */
export interface Suppression {
  /** The rule ids it names. */
  readonly rules: readonly string[];
  /** Why the findings are acceptable; empty when missing. */
  readonly reason: string;
  /** The file it is written in, as displayed. */
  readonly file: string;
  /** Where it is written. */
  readonly at: Position;
  /** What kind of suppression it is. */
  readonly origin: SuppressionOrigin;
  /** For comments: the lines whose findings it covers (its own line and the line it stands above). */
  readonly lines?: readonly number[];
  /** Why it is invalid and suppresses nothing; absent when valid. */
  readonly problem?: string;
}

/** The parts of a `deputy:ignore` directive. */
export interface Directive {
  /** The rule ids named. */
  readonly rules: readonly string[];
  /** The reason; empty when missing. */
  readonly reason: string;
  /** Why the directive is invalid; absent when valid. */
  readonly problem?: string;
}

const DIRECTIVE = 'deputy:ignore';

/** Parses the text after `deputy:ignore`: rule ids separated by commas, then the reason. */
export function parseDirective(text: string): Directive {
  const trimmed = text.replace(/\*\/\s*$/, '').trim();
  const match = /^((?:DPT\d{3}\s*,\s*)*DPT\d{3})\b(.*)$/i.exec(trimmed);
  if (!match) {
    return { rules: [], reason: trimmed, problem: 'names no rule (write deputy:ignore DPT001 <reason>)' };
  }
  const rules = match[1]!.split(',').map((rule) => rule.trim().toUpperCase());
  const reason = match[2]!.replace(/^[\s:—–-]+/, '').trim();
  const unknown = rules.filter((rule) => !isRuleId(rule));
  if (unknown.length > 0) return { rules, reason, problem: `names unknown rule ${unknown.join(', ')}` };
  if (reason === '') return { rules, reason, problem: 'has no reason (write why the finding is acceptable after the rule id)' };
  return { rules, reason };
}

/** Builds a suppression from a directive. */
export function suppressionFrom(directive: Directive, file: string, at: Position, origin: SuppressionOrigin, lines?: readonly number[]): Suppression {
  return {
    rules: directive.rules,
    reason: directive.reason,
    file,
    at,
    origin,
    ...(lines ? { lines } : {}),
    ...(directive.problem ? { problem: directive.problem } : {}),
  };
}

/** The text after `deputy:ignore` when `text` holds the directive, else undefined. */
export function directiveText(text: string): string | undefined {
  const index = text.indexOf(DIRECTIVE);
  return index < 0 ? undefined : text.slice(index + DIRECTIVE.length);
}

/**
 * Finds `deputy:ignore` comments line by line. `markers` are the comment openers of the syntax (`#` for
 * YAML; `#`, `//` and `/*` for HCL). A comment alone on its line covers the next line that is not a
 * comment; a trailing comment covers its own line.
 */
export function commentSuppressions(text: string, file: string, markers: readonly string[]): Suppression[] {
  if (!text.includes(DIRECTIVE)) return [];
  const lines = text.split('\n');
  const opener = markers.map((marker) => marker.replace(/[/*]/g, '\\$&')).join('|');
  const directivePattern = new RegExp(`(^|\\s)(?:${opener})\\s*${DIRECTIVE}(.*)$`);
  const commentOnly = new RegExp(`^\\s*(?:${opener})`);
  const suppressions: Suppression[] = [];
  lines.forEach((content, index) => {
    const match = directivePattern.exec(content);
    if (!match) return;
    const line = index + 1;
    const covered = [line];
    if (commentOnly.test(content)) {
      let next = index + 1;
      while (next < lines.length && commentOnly.test(lines[next]!)) next++;
      if (next < lines.length && lines[next]!.trim() !== '') covered.push(next + 1);
    }
    const column = content.indexOf(DIRECTIVE) + 1;
    suppressions.push(suppressionFrom(parseDirective(match[2] ?? ''), file, { line, column }, 'comment', covered));
  });
  return suppressions;
}
