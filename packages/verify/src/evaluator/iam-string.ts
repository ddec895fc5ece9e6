/**
 * IAM strings in policies: `*` and `?` wildcards and `${…}` policy variables.
 *
 * A policy variable (`${aws:username}`, `${aws:PrincipalTag/team, 'default'}`) is replaced by the request's
 * single value for that key (an empty value included), else by the default; without either it cannot be
 * resolved and the comparison fails. `${*}`, `${?}` and `${$}` stand for the literal characters.
 * Policy version 2008-10-17 (or no Version) disables variables: `${…}` is then ordinary text.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
import type { RequestContext } from './request.js';
import { contextValueOf } from './request.js';

/** A piece of an IAM string after variables are resolved: literal text, or a wildcard. */
export type PatternPiece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'any' } | { readonly kind: 'one' };

/** An IAM string resolved against a request, or the variable that could not be resolved. */
export type ResolvedPattern = { readonly ok: true; readonly pieces: readonly PatternPiece[] } | { readonly ok: false; readonly unresolved: string };

/** How to read an IAM string. */
export interface PatternOptions {
  /** Whether `${…}` is a policy variable (policy version 2012-10-17). */
  readonly variables: boolean;
  /** Whether `*` and `?` are wildcards (StringLike, ARN operators, Action, Resource) or literal (StringEquals). */
  readonly wildcards: boolean;
}

const ESCAPES: Readonly<Record<string, string>> = { '${*}': '*', '${?}': '?', '${$}': '$' };

/** Resolves the variables of `value` against `context` and splits it into text and wildcards. */
export function resolvePattern(value: string, context: RequestContext, options: PatternOptions): ResolvedPattern {
  const pieces: PatternPiece[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') pieces.push({ kind: 'text', text });
    text = '';
  };
  let index = 0;
  while (index < value.length) {
    const character = value[index]!;
    if (options.variables && character === '$' && value[index + 1] === '{') {
      const end = value.indexOf('}', index + 2);
      if (end !== -1) {
        const token = value.slice(index, end + 1);
        const replacement = ESCAPES[token] ?? resolveVariable(token, context);
        if (replacement === undefined) return { ok: false, unresolved: token };
        text += replacement;
        index = end + 1;
        continue;
      }
    }
    if (options.wildcards && (character === '*' || character === '?')) {
      flush();
      pieces.push({ kind: character === '*' ? 'any' : 'one' });
    } else {
      text += character;
    }
    index++;
  }
  flush();
  return { ok: true, pieces };
}

/** The literal text of a pattern without wildcards (wildcards read as their characters). */
export function patternText(pieces: readonly PatternPiece[]): string {
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'any' ? '*' : '?')).join('');
}

/**
 * Whether `text` matches the pattern: `*` any run of characters (also empty), `?` exactly one UTF-16 code unit.
 * `ignoreCase` compares letters case-insensitively.
 */
export function matchesPattern(pieces: readonly PatternPiece[], text: string, ignoreCase = false): boolean {
  const units: ('any' | 'one' | string)[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'text') for (const unit of piece.text.split('')) units.push(ignoreCase ? fold(unit) : unit);
    else units.push(piece.kind);
  }
  const subject = ignoreCase ? text.split('').map(fold) : text.split('');
  let p = 0;
  let s = 0;
  let starAt = -1;
  let starMatch = 0;
  while (s < subject.length) {
    const unit = units[p];
    if (unit !== undefined && unit !== 'any' && (unit === 'one' || unit === subject[s])) {
      p++;
      s++;
    } else if (unit === 'any') {
      starAt = p++;
      starMatch = s;
    } else if (starAt !== -1) {
      p = starAt + 1;
      s = ++starMatch;
    } else {
      return false;
    }
  }
  while (units[p] === 'any') p++;
  return p === units.length;
}

function fold(unit: string): string {
  return unit.toLowerCase();
}

/** The replacement text for `${name}` or `${name, 'default'}`, or undefined when it has no value. */
function resolveVariable(token: string, context: RequestContext): string | undefined {
  const inside = token.slice(2, -1);
  const parts = inside.split(', ');
  const name = parts[0]!.trim();
  const fallback = parts.length === 2 && parts[1]!.length >= 2 && parts[1]!.startsWith("'") && parts[1]!.endsWith("'") ? parts[1]!.slice(1, -1) : undefined;
  const value = contextValueOf(context, name);
  return typeof value === 'string' ? value : fallback;
}
