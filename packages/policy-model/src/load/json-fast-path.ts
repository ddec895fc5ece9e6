/**
 * A fast path for JSON input. The YAML reader keeps every node's source range so that problems can be
 * reported at `file:line:column`, and costs ~0.5 ms per small policy; `JSON.parse` costs a fraction of that.
 * For JSON text that the YAML reader is certain to read to the same data, the data comes from `JSON.parse`
 * and the YAML reader runs only if a location is asked for (a problem or a warning).
 *
 * The JSON reader is used only when nothing could read differently: the text must be an object or array
 * that `JSON.parse` accepts, and it falls back to the YAML reader for a duplicate key (YAML refuses it,
 * `JSON.parse` keeps the last), a number not in canonical form (the YAML reader keeps `1e3` or `-0` as its
 * text), a key longer than 1,000 characters (YAML limits implicit keys to 1,024), a lone surrogate (refused
 * with its location), and a carriage return without a line feed after it (white space to JSON, not to YAML).
 * Text exactly as `JSON.stringify` writes it can hold none of these but a long key or a lone surrogate, so it
 * is decided without reading it token by token.
 */

import { skipSpace, stringEnd } from './json-text.js';
import { hasLoneSurrogate } from './well-formed-text.js';

const LONGEST_KEY = 1000;
/** White space to JSON, but not a line break to YAML (the located reader refuses `[]\r`). */
const LONE_CARRIAGE_RETURN = /\r(?!\n)/;

/** The data of `text` when it is JSON that reads the same whichever reader reads it; otherwise undefined. */
export function parseJsonExactly(text: string): { readonly value: unknown } | undefined {
  const start = text.charCodeAt(skipSpace(text, 0));
  if (start !== OPEN_BRACE && start !== OPEN_BRACKET) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isCanonicalJson(text, value) && !hasNothingSpecial(text, value)) return undefined;
  return MAY_HOLD_SURROGATE.test(text) && holdsLoneSurrogate(value) ? undefined : { value };
}

/**
 * True when the text is what `JSON.stringify` writes for its value, at the indentation of its first indented
 * line (with or without a final line break), and no line is long enough to hold a key past {@link LONGEST_KEY}:
 * such text repeats no key (the written value would lack it), writes every number as JavaScript prints it,
 * and holds no carriage return. Machine-written JSON is decided by one native write and compare.
 */
function isCanonicalJson(text: string, value: unknown): boolean {
  const canonical = JSON.stringify(value, null, indentationOf(text));
  const same = text === canonical || (text.length === canonical.length + 1 && text.endsWith('\n') && text.startsWith(canonical));
  return same && linesWithin(text, LONGEST_KEY);
}

/** The white space that starts the second line, or nothing when there is one line. */
function indentationOf(text: string): string {
  const lineBreak = text.indexOf('\n');
  if (lineBreak === -1) return '';
  let end = lineBreak + 1;
  for (let code = text.charCodeAt(end); code === 0x20 || code === 0x09; code = text.charCodeAt(++end));
  return text.slice(lineBreak + 1, end);
}

/** True when no line of the text is longer than `limit` characters. */
function linesWithin(text: string, limit: number): boolean {
  if (text.length <= limit) return true;
  let lineStart = 0;
  for (let lineBreak = text.indexOf('\n'); lineBreak !== -1; lineBreak = text.indexOf('\n', lineStart)) {
    if (lineBreak - lineStart > limit) return false;
    lineStart = lineBreak + 1;
  }
  return text.length - lineStart <= limit;
}

/** Any JSON text: no lone carriage return, no key repeated or too long, every number as JavaScript prints it. */
function hasNothingSpecial(text: string, value: unknown): boolean {
  if (LONE_CARRIAGE_RETURN.test(text)) return false;
  const keys = plainKeyCount(text);
  return keys !== undefined && keys === keyCount(value);
}

const QUOTE = 0x22;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;

/**
 * The number of keys written in valid JSON text, or undefined when a key (from its opening quote to its
 * colon) is longer than {@link LONGEST_KEY} or a number is not written as JavaScript prints it. One pass:
 * string contents are skipped with `indexOf`, and only the text between strings is read character by character.
 */
function plainKeyCount(text: string): number | undefined {
  let keys = 0;
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      const end = stringEnd(text, index);
      const next = skipSpace(text, end);
      if (text.charCodeAt(next) !== COLON) {
        index = end;
        continue;
      }
      if (next + 1 - index > LONGEST_KEY) return undefined;
      keys += 1;
      index = next + 1;
    } else if (code === MINUS || (code >= ZERO && code <= NINE)) {
      const end = numberEnd(text, index);
      const token = text.slice(index, end);
      if (String(Number(token)) !== token) return undefined;
      index = end;
    } else {
      index += 1;
    }
  }
  return keys;
}

/** The offset just after the number starting at `at` (its digits, `.`, `e`, `E`, `+` and `-`). */
function numberEnd(text: string, at: number): number {
  let index = at + 1;
  for (let code = text.charCodeAt(index); (code >= ZERO && code <= NINE) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === MINUS; code = text.charCodeAt(++index));
  return index;
}

/** A surrogate, raw or escaped: without one, no string of the data can hold a lone surrogate. */
const MAY_HOLD_SURROGATE = /[\ud800-\udfff]|\\u[dD][89a-fA-F]/;

/** The number of properties of every object inside a parsed JSON value (fewer than its key tokens when a key repeats). */
function keyCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += keyCount(item);
    return count;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) count += 1 + keyCount(record[key]);
  return count;
}

function holdsLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return hasLoneSurrogate(value);
  if (Array.isArray(value)) return value.some(holdsLoneSurrogate);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => hasLoneSurrogate(key) || holdsLoneSurrogate(item));
  return false;
}
