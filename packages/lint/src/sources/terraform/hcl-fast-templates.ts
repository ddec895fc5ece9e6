/**
 * Templates as tree-sitter-hcl's external scanner reads them: quoted strings (a `string_lit` without
 * interpolation, else a `quoted_template`) and heredocs, their literal text one `template_literal` from its first
 * non-whitespace character to its last, `${…}` interpolations with strip markers, escapes checked as the scanner
 * checks them. A template directive `%{…}` stands aside.
 */
import { FastNode } from './hcl-fast-node.js';
import { HclCursor, isIdentifierPart, isSpace, StandAside } from './hcl-fast-cursor.js';

const HEX_DIGITS_4 = /[0-9a-fA-F]{4}/y;
const HEX_DIGITS_8 = /[0-9a-fA-F]{8}/y;

/** Reads templates at a cursor; `expression` reads the expression of an interpolation. */
export class TemplateReader {
  constructor(
    private readonly cursor: HclCursor,
    private readonly expression: () => FastNode,
  ) {}

  /** A quoted string: a `string_lit` without interpolation, else a `quoted_template`. */
  quoted(): FastNode {
    const start = this.cursor.position;
    this.cursor.position++;
    const children = [this.cursor.leaf('quoted_template_start', start)];
    const literal = new LiteralRun();
    let interpolated = false;
    const text = this.cursor.text;
    for (;;) {
      while (isSpace(text.charCodeAt(this.cursor.position))) this.cursor.position++;
      const at = this.cursor.position;
      const code = text.charCodeAt(at);
      if (at >= text.length) throw new StandAside('syntax');
      if (code === 34) break;
      if (code === 36 || code === 37) {
        if (this.templateMarker(code, literal, children)) interpolated = true;
      } else if (code === 92) {
        this.cursor.position = at + this.escapeLength(at);
        literal.add(at, this.cursor.position);
      } else {
        this.cursor.position = at + 1;
        literal.add(at, this.cursor.position);
      }
    }
    literal.flush(children, this.cursor);
    const end = this.cursor.position;
    this.cursor.position++;
    children.push(this.cursor.leaf('quoted_template_end', end));
    return this.cursor.wrap(interpolated ? 'quoted_template' : 'string_lit', children);
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
   * `$` or `%` in a template, as the scanner reads them: `${` starts an interpolation (true is returned),
   * `%{` a directive (not read); `$${` / `%%{` are literal, and so are `$`, `$$`, `%`, `%%` before anything else.
   */
  private templateMarker(code: number, literal: LiteralRun, children: FastNode[]): boolean {
    const at = this.cursor.position;
    const text = this.cursor.text;
    if (text.charCodeAt(at + 1) === 123) {
      if (code === 37) throw new StandAside('template-directive');
      literal.flush(children, this.cursor);
      children.push(this.interpolation());
      return true;
    }
    let end = at + 1;
    if (text.charCodeAt(end) === code) end = text.charCodeAt(end + 1) === 123 ? end + 2 : end + 1;
    this.cursor.position = end;
    literal.add(at, end);
    return false;
  }

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

  private stripMarker(): FastNode {
    const start = this.cursor.position++;
    return this.cursor.leaf('strip_marker', start);
  }

  /** A heredoc `<<ID` / `<<-ID` … `ID`, read line by line as the scanner reads it. */
  heredoc(): FastNode {
    const token = this.cursor.text.startsWith('<<-', this.cursor.position) ? '<<-' : '<<';
    const children = [this.cursor.wrapped('heredoc_start', token)];
    const text = this.cursor.text;
    const identifierStart = this.cursor.position;
    let identifierEnd = identifierStart;
    while (isIdentifierPart(text.charCodeAt(identifierEnd))) identifierEnd++;
    let lineEnd = identifierEnd;
    while (text.charCodeAt(lineEnd) === 32 || text.charCodeAt(lineEnd) === 9) lineEnd++;
    if (identifierEnd === identifierStart || text.charCodeAt(lineEnd) !== 10) throw new StandAside('heredoc-form');
    const identifier = text.slice(identifierStart, identifierEnd);
    this.cursor.position = identifierEnd;
    children.push(this.cursor.leaf('heredoc_identifier', identifierStart));
    const literal = new LiteralRun();
    for (;;) {
      let newLine = false;
      for (let code = text.charCodeAt(this.cursor.position); isSpace(code); code = text.charCodeAt(++this.cursor.position)) if (code === 10) newLine = true;
      const at = this.cursor.position;
      if (at >= text.length) throw new StandAside('syntax');
      const code = text.charCodeAt(at);
      if (code === 36 || code === 37) {
        this.templateMarker(code, literal, children);
      } else if (newLine) {
        const matched = matchedLength(text, at, identifier);
        if (matched === identifier.length) {
          let after = at + matched;
          while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
          if (text.charCodeAt(after) === 10) {
            literal.flush(children, this.cursor);
            this.cursor.position = at + matched;
            children.push(this.cursor.leaf('heredoc_identifier', at));
            return this.cursor.wrap('heredoc_template', children);
          }
          this.cursor.position = Math.min(after + 1, text.length);
        } else {
          this.cursor.position = at + matched;
        }
        literal.add(at, this.cursor.position);
      } else {
        this.cursor.position = at + 1;
        literal.add(at, this.cursor.position);
      }
    }
  }
}

/** How many characters of `expected` the text at `at` matches, from its start. */
function matchedLength(text: string, at: number, expected: string): number {
  let length = 0;
  while (length < expected.length && text.charCodeAt(at + length) === expected.charCodeAt(length)) length++;
  return length;
}

/** The literal chunks of a template since the last interpolation: one `template_literal` from the first chunk's start to the last one's end. */
class LiteralRun {
  private start = -1;
  private end = -1;

  add(start: number, end: number): void {
    if (this.start === -1) this.start = start;
    this.end = end;
  }

  flush(children: FastNode[], cursor: HclCursor): void {
    if (this.start === -1) return;
    children.push(new FastNode('template_literal', true, this.start, this.end, cursor.source));
    this.start = this.end = -1;
  }
}
