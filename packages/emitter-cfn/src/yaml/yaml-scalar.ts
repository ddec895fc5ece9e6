/**
 * YAML scalars that every reader takes the same way.
 *
 * CloudFormation and cfn-lint (PyYAML) read YAML 1.1, most JavaScript tools read YAML 1.2, and the two
 * disagree about plain scalars such as `yes`, `0123`, `1:20` or `2012-10-17`. A string is therefore written
 * plain only when it is made of a conservative set of ASCII characters, starts with a letter or one of
 * `_ / ^ $ ( \`, and is none of the words YAML 1.1 turns into booleans or null; everything else is quoted.
 * Quoted strings are single-quoted when every character can appear raw, double-quoted with escapes
 * otherwise. Nothing is ever folded over several lines.
 */

const PLAIN = /^[A-Za-z_/^$(\\][A-Za-z0-9 _./:*@+=()^$;,~<>!?%&'\\-]*$/;
const YAML11_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);
/** The length of the longest of {@link YAML11_WORDS}: longer strings need no look-up (nor a lower-cased copy). */
const LONGEST_YAML11_WORD = 5;
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/;
/** Printable ASCII only: raw-safe everywhere, the common case that needs no per-character look. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export { numberText as yamlNumber } from '../template/number-text.js';

/** The scalar as YAML text: plain when unambiguous, otherwise single- or double-quoted. */
export function yamlString(value: string): string {
  if (isPlainSafe(value)) return value;
  if (isAllRawSafe(value)) return `'${value.replaceAll("'", "''")}'`;
  return doubleQuoted(value);
}

/** True when the string can be written without quotes and still reads as this same string in YAML 1.1 and 1.2. */
export function isPlainSafe(value: string): boolean {
  const last = value.charCodeAt(value.length - 1);
  return (
    PLAIN.test(value) &&
    last !== 0x20 &&
    last !== 0x3a &&
    !value.includes(': ') &&
    (value.length > LONGEST_YAML11_WORD || !YAML11_WORDS.has(value.toLowerCase()))
  );
}

/** The string as a double-quoted YAML scalar, escaping everything that is not printed raw. */
export function doubleQuoted(value: string): string {
  let text = '"';
  for (const char of value) {
    if (char === '"') text += '\\"';
    else if (char === '\\') text += '\\\\';
    else if (char === '\n') text += '\\n';
    else if (char === '\t') text += '\\t';
    else if (char === '\r') text += '\\r';
    else if (isRawSafe(char)) text += char;
    else text += escapeCodeUnits(char);
  }
  return `${text}"`;
}


/**
 * Text as the bodies of comment lines (without the `# `): one per line of the text, long lines wrapped at
 * spaces to `width` characters, and characters YAML does not allow raw written as `\uXXXX`.
 */
export function commentLines(text: string, width = 100): string[] {
  const lines = LINE_BREAKS.test(text) ? text.split(LINE_BREAKS) : [text];
  return lines.flatMap((line) => wrapWords(escapeCommentCharacters(line, false), width));
}

function wrapWords(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const lines: string[] = [];
  let current = '';
  line.split(' ').forEach((word) => {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  });
  lines.push(current);
  return lines;
}

/** Text as the body of one comment line: line breaks and characters YAML does not allow raw written as escapes (`\n`, `\u2028`). */
export function commentText(text: string): string {
  return escapeCommentCharacters(text, true);
}

/**
 * Text with the characters a comment may not hold raw written as escapes; tabs stay raw, and line breaks
 * are `\n` / `\r` when `namedBreaks`. Text that needs no escape is returned as it is.
 */
function escapeCommentCharacters(text: string, namedBreaks: boolean): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let escaped = '';
  for (const char of text) {
    if (namedBreaks && char === '\n') escaped += '\\n';
    else if (namedBreaks && char === '\r') escaped += '\\r';
    else escaped += char === '\t' || isRawSafe(char) ? char : escapeCodeUnits(char);
  }
  return escaped;
}

/** True when every character of the string may appear raw inside a quoted scalar (see {@link isRawSafe}). */
function isAllRawSafe(value: string): boolean {
  if (PRINTABLE_ASCII.test(value)) return true;
  for (let index = 0; index < value.length; index++) {
    const code = value.codePointAt(index)!;
    if (!isRawSafeCode(code)) return false;
    if (code > 0xffff) index++;
  }
  return true;
}

/** True when a character may appear raw inside a quoted scalar (printable, not a line break, not a BOM). */
function isRawSafe(char: string): boolean {
  return isRawSafeCode(char.codePointAt(0)!);
}

function isRawSafeCode(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code < 0xa0) return false;
  if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return true;
}

function escapeCodeUnits(char: string): string {
  let text = '';
  for (let index = 0; index < char.length; index++) {
    const unit = char.charCodeAt(index);
    text += unit < 0x100 ? `\\x${hex(unit, 2)}` : `\\u${hex(unit, 4)}`;
  }
  return text;
}

function hex(value: number, width: number): string {
  return value.toString(16).toUpperCase().padStart(width, '0');
}
