/**
 * The one place where text becomes HCL string syntax.
 *
 * Inside an HCL quoted string, Terraform reads `${` as the start of an interpolation and `%{` as the start
 * of a directive, so both are doubled (`$${`, `%%{`) to reach AWS literally: an IAM policy variable such as
 * `${aws:username}` is written `$${aws:username}`. Quotes, backslashes and the usual control characters get
 * their short escapes; every other character that is invisible or breaks a line (C0/C1 controls, format
 * characters such as bidirectional overrides or zero-width joiners, line and paragraph separators, spaces
 * other than U+0020) is written as `\uNNNN` or `\UNNNNNNNN`, so a reviewer sees it. Other non-ASCII text is
 * kept as it is (files are UTF-8).
 */

const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '\\"'],
  ['\\', '\\\\'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Zs}]$/u;
const COMBINING_MARK = /^\p{M}$/u;

/** Options of {@link escapeHclStringText}. */
export interface HclStringEscapeOptions {
  /**
   * Also write combining marks as escapes. Object keys need this: `terraform fmt` aligns `=` by counting
   * grapheme clusters with Unicode 15.0 tables, which group marks differently from newer Unicode versions
   * (Indic conjuncts since 15.1, marks of scripts added since), so a key whose clusters could be counted
   * differently is written without raw marks.
   */
  readonly escapeCombiningMarks?: boolean;
}

/**
 * Escapes text for the inside of an HCL quoted string (without the quotes). The result, read back by
 * Terraform, is exactly `text` (in the Unicode form Terraform holds strings in; see
 * `unicode-normalization.ts`). Throws on a lone UTF-16 surrogate, which no UTF-8 file can carry.
 */
export function escapeHclStringText(text: string, options?: HclStringEscapeOptions): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  if (PRINTABLE_ASCII.test(text)) return text.replace(ASCII_ESCAPES, asciiEscape);
  let escaped = '';
  const characters = Array.from(text);
  for (let index = 0; index < characters.length; index++) {
    const character = characters[index] as string;
    const next = characters[index + 1];
    if ((character === '$' || character === '%') && next === '{') {
      escaped += character + character;
      continue;
    }
    escaped += options?.escapeCombiningMarks && COMBINING_MARK.test(character) ? codePointEscape(character) : escapeCharacter(character);
  }
  return escaped;
}

/** Printable ASCII: the only escapes it can need are `\"`, `\\`, `$${` and `%%{` (the common, fast case). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_ESCAPES = /[$%](?=\{)|["\\]/g;

/**
 * Anything outside printable ASCII, a quote or backslash, or a `$` or `%` (which may open `${` or `%{`): most
 * text has none and is written as it is. One character class, so the scan is a single pass.
 */
const NEEDS_ESCAPING = /[^\x20\x21\x23\x26-\x5b\x5d-\x7e]/;

function asciiEscape(match: string): string {
  return match === '"' || match === '\\' ? `\\${match}` : match + match;
}

/** Text as a complete HCL quoted string literal, e.g. `"$${aws:username}"`. */
export function hclQuotedString(text: string, options?: HclStringEscapeOptions): string {
  return `"${escapeHclStringText(text, options)}"`;
}

function escapeCharacter(character: string): string {
  const short = SHORT_ESCAPES.get(character);
  if (short !== undefined) return short;
  if (isLoneSurrogate(character)) {
    throw new Error(`invariant: lone surrogate ${codePointEscape(character)} cannot be written to a UTF-8 Terraform file`);
  }
  return character === ' ' || !INVISIBLE.test(character) ? character : codePointEscape(character);
}

function codePointEscape(character: string): string {
  const codePoint = character.codePointAt(0) as number;
  const digits = codePoint.toString(16).toUpperCase();
  return codePoint > 0xffff ? `\\U${digits.padStart(8, '0')}` : `\\u${digits.padStart(4, '0')}`;
}

function isLoneSurrogate(character: string): boolean {
  const codePoint = character.codePointAt(0) as number;
  return codePoint >= 0xd800 && codePoint <= 0xdfff;
}

/**
 * Text for a `#` comment line: line breaks and invisible characters are shown as escapes so a comment
 * always stays one line and hides nothing; a lone surrogate becomes U+FFFD. Trailing spaces are dropped.
 */
export function commentText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.trimEnd();
  return Array.from(text).map(commentCharacter).join('').trimEnd();
}

function commentCharacter(character: string): string {
  if (isLoneSurrogate(character)) return '\uFFFD';
  if (character === ' ' || character === '"' || character === '\\') return character;
  return SHORT_ESCAPES.get(character) ?? (INVISIBLE.test(character) ? codePointEscape(character) : character);
}
