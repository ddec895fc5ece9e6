/**
 * cdktf (and its fork cdktn, which keeps the same encoding) scans every string it synthesizes for its own
 * token encodings and replaces them: `${TfToken[KEY]}` by the token's value, `#{TfToken[KEY]}` and
 * `&{TfToken[KEY]}` (list and map tokens) by an error in a string, the exact strings
 * `String Map Token Value` / `Any Map Token Value` by an error, and any number written in text whose
 * IEEE-754 bits carry the token tag by the token's value. Text that reaches cdktf must therefore never
 * contain these shapes; this file recognises them. Measured against cdktf 0.21 and cdktn 0.24
 * (`lib/tokens/private/encoding.js`, `lib/tokens/private/resolve.js`).
 */

/** The openings of cdktf's string, list and map token markers. */
export const TOKEN_MARKER_OPENINGS: readonly string[] = ['${TfToken[', '#{TfToken[', '&{TfToken['];

/** Strings cdktf rejects outright when a whole string equals them. */
export const MAP_TOKEN_VALUES: readonly string[] = ['String Map Token Value', 'Any Map Token Value'];

/** cdktf's pattern for numbers written in text (kept character for character, `|` included). */
const NUMBER_IN_TEXT = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;

const STRING_OR_COLLECTION_MARKER = /[$#&]\{TfToken\[[a-zA-Z0-9:._-]+\]\}/;

/** The tag cdktf stores in the top 16 bits of a number token (string-valued and list-valued). */
const NUMBER_TOKEN_TAGS: readonly number[] = [0xfdff0000, 0xfbff0000];

/** True when cdktf would read this number as one of its encoded number tokens. */
export function isTokenNumber(value: number): boolean {
  const bits = new Uint32Array(new Float64Array([value]).buffer);
  const high = (bits[1] as number) & 0xffff0000;
  return NUMBER_TOKEN_TAGS.some((tag) => tag >>> 0 === high >>> 0);
}

/** A number written in text that cdktf would replace: where it starts, and where its exponent `e` is. */
export interface TokenNumberSpan {
  /** Index of the first character of the number. */
  readonly start: number;
  /** Index of the `e` that starts the exponent. */
  readonly exponent: number;
}

/** The first number in `text`, from `from` on, that cdktf would read as a number token; undefined when none. */
export function firstTokenNumber(text: string, from = 0): TokenNumberSpan | undefined {
  NUMBER_IN_TEXT.lastIndex = from;
  for (let match = NUMBER_IN_TEXT.exec(text); match !== null; match = NUMBER_IN_TEXT.exec(text)) {
    if (isTokenNumber(parseFloat(match[0]))) {
      return { start: match.index, exponent: match.index + match[0].length - (match[1] as string).length };
    }
  }
  return undefined;
}

/** True when cdktf would change or reject this text: a token marker, a map-token value or a token number. */
export function hasCdktfTokenShape(text: string): boolean {
  return STRING_OR_COLLECTION_MARKER.test(text) || MAP_TOKEN_VALUES.includes(text) || firstTokenNumber(text) !== undefined;
}

/** The marker opening at `index`, or undefined. */
export function markerOpeningAt(text: string, index: number): string | undefined {
  return TOKEN_MARKER_OPENINGS.find((opening) => text.startsWith(opening, index));
}
