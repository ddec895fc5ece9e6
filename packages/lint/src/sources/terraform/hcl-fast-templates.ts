/**
 * Templates as tree-sitter-hcl's external scanner reads them: quoted strings (a `string_lit` without
 * interpolation, else a `quoted_template`) and heredocs, their literal text one `template_literal` from its first
 * non-whitespace character to its last, `${…}` interpolations with strip markers, escapes checked as the scanner
 * checks them, and `%{…}` directives (hcl-fast-template-parts.ts).
 */
import type { FastNode } from './hcl-fast-node.js';
import { HclCursor, isIdentifierPart, isLineSpace, isSpace, StandAside } from './hcl-fast-cursor.js';
import { DIRECTIVE_HEADS, TemplateParts } from './hcl-fast-template-parts.js';

const HEX_DIGITS_4 = /[0-9a-fA-F]{4}/y;
const HEX_DIGITS_8 = /[0-9a-fA-F]{8}/y;

/** Reads templates at a cursor; `expression` reads the expression of an interpolation. */
export class TemplateReader {
  constructor(
    private readonly cursor: HclCursor,
    private readonly expression: () => FastNode,
  ) {}

  /** A quoted string: a `string_lit` without interpolation or directive, else a `quoted_template`. */
  quoted(): FastNode {
    const cursor = this.cursor;
    const start = cursor.position;
    cursor.position++;
    const parts = new TemplateParts(cursor.source, [cursor.leaf('quoted_template_start', start)]);
    const text = cursor.text;
    for (;;) {
      while (isSpace(text.charCodeAt(cursor.position))) cursor.position++;
      const at = cursor.position;
      const code = text.charCodeAt(at);
      if (at >= text.length) throw new StandAside('syntax');
      if (code === 34) break;
      if (code === 36 || code === 37) {
        this.templateMarker(code, parts);
      } else {
        cursor.position = code === 92 ? at + this.escapeLength(at) : plainEnd(text, at + 1);
        parts.literal(at, cursor.position);
      }
    }
    const end = cursor.position++;
    const children = parts.finish(cursor.leaf('quoted_template_end', end));
    return cursor.wrap(parts.templated ? 'quoted_template' : 'string_lit', children);
  }

  /** The length of the escape sequence at `at` in a quoted string (the scanner's: `\n \r \t \" \\ \uXXXX \UXXXXXXXX`). */
  private escapeLength(at: number): number {
    const next = this.cursor.text.charCodeAt(at + 1);
    if (next === 34 || next === 110 || next === 114 || next === 116 || next === 92) return 2;
    const digits = next === 117 ? HEX_DIGITS_4 : next === 85 ? HEX_DIGITS_8 : undefined;
    if (digits === undefined) throw new StandAside('syntax');
    digits.lastIndex = at + 2;
    if (!digits.test(this.cursor.text)) throw new StandAside('syntax');
    return digits.lastIndex - at;
  }

  /**
   * `$` or `%` in a template, as the scanner reads them: `${` starts an interpolation, `%{` a directive;
   * `$${` / `%%{` are literal, and so are `$`, `$$`, `%`, `%%` before anything else.
   */
  private templateMarker(code: number, parts: TemplateParts): void {
    const at = this.cursor.position;
    const text = this.cursor.text;
    if (text.charCodeAt(at + 1) === 123) {
      if (code === 36) parts.interpolation(this.interpolation());
      else this.directive(parts);
      return;
    }
    let end = at + 1;
    if (text.charCodeAt(end) === code) end = text.charCodeAt(end + 1) === 123 ? end + 2 : end + 1;
    this.cursor.position = end;
    parts.literal(at, end);
  }

  /** A directive's head `%{ if x }`, `%{ else }`, `%{ endif }`, `%{ for k, v in m }` or `%{ endfor }`, given to `parts`. */
  private directive(parts: TemplateParts): void {
    const cursor = this.cursor;
    const start = cursor.position;
    cursor.position += 2;
    const children = [cursor.leaf('template_directive_start', start)];
    if (cursor.at('~')) children.push(this.stripMarker());
    const word = cursor.word() ?? '';
    const type = DIRECTIVE_HEADS.get(word);
    if (type === undefined) throw new StandAside('syntax');
    children.push(cursor.expect(word));
    if (word === 'if') children.push(this.expression());
    if (word === 'for') {
      children.push(cursor.identifier());
      if (cursor.at(',')) children.push(cursor.expect(','), cursor.identifier());
      children.push(cursor.keyword('in'), this.expression());
    }
    if (cursor.at('~')) children.push(this.stripMarker());
    if (!cursor.at('}')) throw new StandAside('syntax');
    const end = cursor.position++;
    children.push(cursor.leaf('template_directive_end', end));
    parts.directive(word, cursor.wrap(type, children));
  }

  /** `${ expression }`, with strip markers `~` on either side; the expression may be missing (`${}`). */
  private interpolation(): FastNode {
    const start = this.cursor.position;
    this.cursor.position += 2;
    const children = [this.cursor.leaf('template_interpolation_start', start)];
    if (this.cursor.at('~')) children.push(this.stripMarker());
    if (!this.cursor.at('}') && !this.cursor.at('~')) children.push(this.expression());
    if (this.cursor.at('~')) children.push(this.stripMarker());
    if (!this.cursor.at('}')) throw new StandAside('syntax');
    const end = this.cursor.position++;
    children.push(this.cursor.leaf('template_interpolation_end', end));
    return this.cursor.wrap('template_interpolation', children);
  }

  /** A strip marker `~` (a named leaf: the grammar uses `~` nowhere else). */
  private stripMarker(): FastNode {
    const start = this.cursor.position++;
    return this.cursor.leaf('strip_marker', start);
  }

  /** A heredoc `<<ID` / `<<-ID` … `ID`, read line by line as the scanner reads it. */
  heredoc(): FastNode {
    const cursor = this.cursor;
    const text = cursor.text;
    const opening = [cursor.wrapped('heredoc_start', text.startsWith('<<-', cursor.position) ? '<<-' : '<<')];
    const identifierStart = cursor.position;
    let identifierEnd = identifierStart;
    while (isIdentifierPart(text.charCodeAt(identifierEnd))) identifierEnd++;
    let lineEnd = identifierEnd;
    while (isLineSpace(text.charCodeAt(lineEnd))) lineEnd++;
    if (identifierEnd === identifierStart || text.charCodeAt(lineEnd) !== 10) throw new StandAside('heredoc-form');
    const identifier = text.slice(identifierStart, identifierEnd);
    cursor.position = identifierEnd;
    opening.push(cursor.leaf('heredoc_identifier', identifierStart));
    const parts = new TemplateParts(cursor.source, opening);
    for (;;) {
      let newLine = false;
      for (let code = text.charCodeAt(cursor.position); isSpace(code); code = text.charCodeAt(++cursor.position)) if (code === 10) newLine = true;
      const at = cursor.position;
      if (at >= text.length) throw new StandAside('syntax');
      const code = text.charCodeAt(at);
      if (code === 36 || code === 37) {
        this.templateMarker(code, parts);
        continue;
      }
      if (newLine && !parts.inDirective) {
        const matched = matchedLength(text, at, identifier);
        if (matched === identifier.length) {
          let after = at + matched;
          while (isLineSpace(text.charCodeAt(after))) after++;
          if (text.charCodeAt(after) === 10) {
            cursor.position = at + matched;
            return cursor.wrap('heredoc_template', parts.finish(cursor.leaf('heredoc_identifier', at)));
          }
          cursor.position = Math.min(after + 1, text.length);
        } else {
          cursor.position = at + matched;
        }
      } else {
        cursor.position = plainEnd(text, at + 1);
      }
      parts.literal(at, cursor.position);
    }
  }
}

/**
 * The end of the plain characters from `at`: up to whitespace, a quote, `$`, `%`, a backslash or the end.
 * The scanner takes them one chunk each; together they extend the same `template_literal`.
 */
function plainEnd(text: string, at: number): number {
  for (let end = at; ; end++) {
    const code = text.charCodeAt(end);
    if (code === 34 || code === 36 || code === 37 || code === 92 || isSpace(code) || end >= text.length) return end;
  }
}

/** How many characters of `expected` the text at `at` matches, from its start. */
function matchedLength(text: string, at: number, expected: string): number {
  let length = 0;
  while (length < expected.length && text.charCodeAt(at + length) === expected.charCodeAt(length)) length++;
  return length;
}
