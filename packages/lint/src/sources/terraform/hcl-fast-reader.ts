/**
 * A fast reader for the common subset of Terraform's HCL native syntax. web-tree-sitter and the copy of its
 * tree into plain objects cost about half of `deputy lint`'s CPU on Terraform; this reader builds the very
 * tree {@link copySyntaxTree} builds (the same node types, named flags, offsets, rows and columns, comments,
 * punctuation and `key` / `val` fields) in a small fraction of that time, or stands aside and leaves the text
 * to tree-sitter, which stays the reference and the reporter of syntax errors.
 *
 * It follows tree-sitter-hcl's Terraform grammar and its external scanner, quirks included: whitespace (new
 * lines too) separates tokens anywhere; a template literal starts and ends at non-whitespace; comments belong
 * to the innermost node with a token before and after them ({@link placeComments}); the conditional is
 * left-associative; unary operators bind tighter than binary ones and looser than `.attr` / `[i]`.
 *
 * It stands aside ({@link StandAsideReason}) on every syntax error and on what it does not read: template
 * directives `%{…}`, legacy indexes `x.0`, an object as the whole file, identifiers spelled like keywords or
 * with non-ASCII letters, control characters and non-ASCII whitespace, a heredoc whose identifier is not
 * followed by the end of its line, and text nested deeper than the stack allows.
 */
import { FastNode, FastSource } from './hcl-fast-node.js';
import { placeComments } from './hcl-fast-comments.js';
import type { SyntaxTree } from './syntax-node.js';

/** Why the fast reader left a text to tree-sitter. */
export type StandAsideReason =
  /** Not valid HCL as far as the reader can tell (tree-sitter reports it), or a form the reader does not know. */
  | 'syntax'
  /** A control character, a carriage return, non-ASCII whitespace or a lone surrogate somewhere in the text. */
  | 'unusual-character'
  /** An identifier with a non-ASCII letter (tree-sitter reads Unicode identifiers). */
  | 'non-ascii-identifier'
  /** A word spelled like a keyword (`for`, `in`, `if`) where an expression starts, or `true` / `false` / `null` called as a function. */
  | 'keyword-name'
  /** A template directive `%{ if }` / `%{ for }`. */
  | 'template-directive'
  /** A legacy index `x.0`. */
  | 'legacy-index'
  /** A heredoc whose opening identifier is not followed by the end of its line. */
  | 'heredoc-form'
  /** A file that is one object (`.tfvars` JSON style). */
  | 'object-file'
  /** Nesting deeper than the stack allows. */
  | 'too-deep';

/** The reader's answer: the tree, or why it stood aside. */
export type FastHclReading = { readonly tree: SyntaxTree } | { readonly standsAside: StandAsideReason; readonly at: number };

/** Text the reader never reads: control characters, carriage returns, non-ASCII whitespace, a byte order mark, lone surrogates. */
const UNUSUAL_CHARACTER = /[\0-\x08\v\f\r\x0e-\x1f\x7f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Words the grammar also has as keywords: where an expression starts, the reader does not guess which one tree-sitter takes. */
const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'endif', 'endfor', 'true', 'false', 'null']);

/** Binary operators and their precedence in the grammar (all left-associative). */
const BINARY_PRECEDENCE = new Map<string, number>([
  ['*', 6], ['/', 6], ['%', 6], ['+', 5], ['-', 5], ['>', 4], ['>=', 4], ['<', 4], ['<=', 4], ['==', 3], ['!=', 3], ['&&', 2], ['||', 1],
]);

/** Thrown to stand aside; caught once, in {@link readHclExactly}. */
class StandAside {
  /** Where the reader was (offset), for tests and diagnosis. */
  at = 0;

  constructor(readonly reason: StandAsideReason) {}
}

const HEX_NUMBER = /0x[0-9a-zA-Z]+/y;
const DECIMAL_NUMBER = /[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?/y;
const HEX_DIGITS_4 = /[0-9a-fA-F]{4}/y;
const HEX_DIGITS_8 = /[0-9a-fA-F]{8}/y;

/** Reads a Terraform file to the tree tree-sitter would give, or says why it stands aside. */
export function readHclExactly(text: string): FastHclReading {
  const unusual = UNUSUAL_CHARACTER.exec(text);
  if (unusual !== null) return { standsAside: 'unusual-character', at: unusual.index };
  const reader = new HclFastReader(text);
  try {
    return { tree: reader.readFile() };
  } catch (error) {
    if (error instanceof StandAside) return { standsAside: error.reason, at: reader.offset };
    if (error instanceof RangeError) return { standsAside: 'too-deep', at: reader.offset };
    throw error;
  }
}

function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57) || code === 45;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Space, tab and new line: the only whitespace left once {@link UNUSUAL_CHARACTER} is ruled out. */
function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9;
}

/** The children of a hidden `_expr_term`: they go straight into the node that holds the term. */
type Term = FastNode[];

class HclFastReader {
  private position = 0;
  private readonly source: FastSource;
  private readonly comments: FastNode[] = [];

  constructor(private readonly text: string) {
    this.source = new FastSource(text);
  }

  /** Where the reader is. */
  get offset(): number {
    return this.position;
  }

  readFile(): SyntaxTree {
    const root = new FastNode('config_file', true, 0, this.text.length, this.source);
    this.skip();
    if (this.peek() === 123) throw new StandAside('object-file');
    const items: FastNode[] = [];
    while (this.position < this.text.length) {
      items.push(this.bodyItem());
      this.skip();
    }
    if (items.length > 0) root.adopt([this.wrap('body', items)]);
    placeComments(root, this.comments);
    return { rootNode: root };
  }

  // ── tokens ──────────────────────────────────────────────────────────────

  private peek(offset = 0): number {
    return this.text.charCodeAt(this.position + offset);
  }

  /** Skips whitespace and comments (kept for {@link placeComments}). */
  private skip(): void {
    const text = this.text;
    for (;;) {
      const code = text.charCodeAt(this.position);
      if (isSpace(code)) {
        this.position++;
      } else if (code === 35 || (code === 47 && text.charCodeAt(this.position + 1) === 47)) {
        const end = text.indexOf('\n', this.position);
        this.comment(end === -1 ? text.length : end);
      } else if (code === 47 && text.charCodeAt(this.position + 1) === 42) {
        const close = text.indexOf('*/', this.position + 2);
        if (close === -1) throw new StandAside('syntax');
        this.comment(close + 2);
      } else {
        return;
      }
    }
  }

  private comment(end: number): void {
    this.comments.push(new FastNode('comment', true, this.position, end, this.source));
    this.position = end;
  }

  /** Whether `token` comes next (after whitespace and comments). */
  private at(token: string): boolean {
    this.skip();
    return this.text.startsWith(token, this.position);
  }

  /** The anonymous token `token`, which must come next. */
  private expect(token: string): FastNode {
    if (!this.at(token)) throw new StandAside('syntax');
    const start = this.position;
    this.position += token.length;
    return new FastNode(token, false, start, this.position, this.source);
  }

  /** A named node over the token `token` (`block_start` over `{`). */
  private wrapped(type: string, token: string): FastNode {
    return this.wrap(type, [this.expect(token)]);
  }

  /** A named leaf from `start` to the current position. */
  private leaf(type: string, start: number): FastNode {
    return new FastNode(type, true, start, this.position, this.source);
  }

  /** A named node over `children`, from the first one's start to the last one's end. */
  private wrap(type: string, children: FastNode[]): FastNode {
    return new FastNode(type, true, children[0]!.startIndex, children[children.length - 1]!.endIndex, this.source).adopt(children);
  }

  /** The end of the identifier at the current position (after whitespace and comments), or -1. */
  private identifierEnd(): number {
    this.skip();
    const text = this.text;
    let index = this.position;
    const first = text.charCodeAt(index);
    if (first > 127) throw new StandAside('non-ascii-identifier');
    if (!isIdentifierStart(first)) return -1;
    for (index++; ; index++) {
      const code = text.charCodeAt(index);
      if (isIdentifierPart(code)) continue;
      if (code === 58 && text.charCodeAt(index + 1) === 58) {
        index++;
        continue;
      }
      if (code > 127) throw new StandAside('non-ascii-identifier');
      return index;
    }
  }

  /** The word at the current position when it is one, without consuming it. */
  private word(): string | undefined {
    const end = this.identifierEnd();
    return end === -1 ? undefined : this.text.slice(this.position, end);
  }

  /**
   * An `identifier`. Where only a name can come (an attribute or block name, a label, after `.`, a `for`
   * variable) tree-sitter reads a keyword's spelling as a name too; where an expression starts it may read
   * the keyword, and the reader stands aside.
   */
  private identifier(where: 'name' | 'expression' = 'name'): FastNode {
    const end = this.identifierEnd();
    if (end === -1) throw new StandAside('syntax');
    if (where === 'expression' && KEYWORDS.has(this.text.slice(this.position, end))) throw new StandAside('keyword-name');
    const start = this.position;
    this.position = end;
    return this.leaf('identifier', start);
  }

  /** The keyword `keyword` (`for`, `in`, `if`) as an anonymous token. */
  private keyword(keyword: string): FastNode {
    if (this.word() !== keyword) throw new StandAside('syntax');
    return this.expect(keyword);
  }

  // ── body ────────────────────────────────────────────────────────────────

  private bodyItem(): FastNode {
    const name = this.identifier();
    if (this.at('=')) {
      if (this.at('==') || this.at('=>')) throw new StandAside('syntax');
      return this.wrap('attribute', [name, this.expect('='), this.expression()]);
    }
    const children = [name];
    for (;;) {
      this.skip();
      const code = this.peek();
      if (code === 34) children.push(this.stringLiteral());
      else if (code === 123) break;
      else children.push(this.identifier());
    }
    children.push(this.wrapped('block_start', '{'));
    const items: FastNode[] = [];
    while (!this.at('}')) {
      if (this.position >= this.text.length) throw new StandAside('syntax');
      items.push(this.bodyItem());
    }
    if (items.length > 0) children.push(this.wrap('body', items));
    children.push(this.wrapped('block_end', '}'));
    return this.wrap('block', children);
  }

  /** A block label: a quoted string without interpolation. */
  private stringLiteral(): FastNode {
    const quoted = this.quoted();
    if (quoted.type !== 'string_lit') throw new StandAside('syntax');
    return quoted;
  }

  // ── expressions ─────────────────────────────────────────────────────────

  /** An `expression`: a term, operation or left-associative conditional. */
  private expression(): FastNode {
    let expression = this.wrap('expression', this.binary(1));
    while (this.at('?')) {
      const question = this.expect('?');
      const whenTrue = this.expression();
      const colon = this.expect(':');
      const whenFalse = this.wrap('expression', this.binary(1));
      expression = this.wrap('expression', [this.wrap('conditional', [expression, question, whenTrue, colon, whenFalse])]);
    }
    return expression;
  }

  /** Binary operations of at least `minimum` precedence, left-associative. */
  private binary(minimum: number): Term {
    let left = this.unary();
    for (;;) {
      const operator = this.binaryOperator();
      const precedence = operator === undefined ? 0 : BINARY_PRECEDENCE.get(operator)!;
      if (precedence < minimum) return left;
      const token = this.expect(operator!);
      const right = this.binary(precedence + 1);
      left = [this.wrap('operation', [this.wrap('binary_operation', [...left, token, ...right])])];
    }
  }

  private binaryOperator(): string | undefined {
    this.skip();
    const two = this.text.slice(this.position, this.position + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||') return two;
    const one = two.charAt(0);
    return BINARY_PRECEDENCE.has(one) ? one : undefined;
  }

  private unary(): Term {
    this.skip();
    const code = this.peek();
    if (code === 45 || code === 33) {
      const operator = this.expect(code === 45 ? '-' : '!');
      return [this.wrap('operation', [this.wrap('unary_operation', [operator, ...this.unary()])])];
    }
    return this.postfix(this.primary());
  }

  /** `.attr`, `[index]`, `.*` and `[*]` after a term. */
  private postfix(term: Term): Term {
    for (;;) {
      this.skip();
      const code = this.peek();
      if (code === 46 && !this.text.startsWith('...', this.position)) {
        if (this.peek(1) === 42) term.push(this.splat('attr_splat', '.*'));
        else term.push(this.getAttr());
      } else if (code === 91) {
        if (this.text.startsWith('[*]', this.position)) term.push(this.splat('full_splat', '[*]'));
        else term.push(this.index());
      } else {
        return term;
      }
    }
  }

  private getAttr(): FastNode {
    const dot = this.expect('.');
    this.skip();
    if (isDigit(this.peek())) throw new StandAside('legacy-index');
    return this.wrap('get_attr', [dot, this.identifier()]);
  }

  private index(): FastNode {
    return this.wrap('index', [this.wrap('new_index', [this.expect('['), this.expression(), this.expect(']')])]);
  }

  /** A splat and the attributes and indexes that follow it. */
  private splat(type: string, token: string): FastNode {
    const children = [this.expect(token)];
    for (;;) {
      this.skip();
      const code = this.peek();
      if (code === 46 && this.peek(1) !== 42 && !this.text.startsWith('...', this.position)) children.push(this.getAttr());
      else if (code === 91 && !this.text.startsWith('[*]', this.position)) children.push(this.index());
      else return this.wrap('splat', [this.wrap(type, children)]);
    }
  }

  private primary(): Term {
    this.skip();
    const code = this.peek();
    if (code === 34) {
      const quoted = this.quoted();
      return [quoted.type === 'string_lit' ? this.wrap('literal_value', [quoted]) : this.wrap('template_expr', [quoted])];
    }
    if (code === 60) return [this.wrap('template_expr', [this.heredoc()])];
    if (isDigit(code)) return [this.wrap('literal_value', [this.number()])];
    if (code === 91) return [this.forStartsAfter(1) ? this.wrap('for_expr', [this.forTuple()]) : this.wrap('collection_value', [this.tuple()])];
    if (code === 123) return [this.forStartsAfter(1) ? this.wrap('for_expr', [this.forObject()]) : this.wrap('collection_value', [this.object()])];
    if (code === 40) return [this.expect('('), this.expression(), this.expect(')')];
    const word = this.word();
    if (word === 'true' || word === 'false') return this.literalWord([this.wrap('bool_lit', [this.expect(word)])]);
    if (word === 'null') {
      const start = this.position;
      this.position += 4;
      return this.literalWord([this.leaf('null_lit', start)]);
    }
    const name = this.identifier('expression');
    if (this.at('(')) return [this.functionCall(name)];
    return [this.wrap('variable_expr', [name])];
  }

  /** `true`, `false` or `null` (tree-sitter reads `null(…)` as an error). */
  private literalWord(children: FastNode[]): Term {
    if (this.at('(')) throw new StandAside('syntax');
    return [this.wrap('literal_value', children)];
  }

  private number(): FastNode {
    const start = this.position;
    HEX_NUMBER.lastIndex = DECIMAL_NUMBER.lastIndex = start;
    const hex = HEX_NUMBER.test(this.text) ? HEX_NUMBER.lastIndex : start;
    const decimal = DECIMAL_NUMBER.test(this.text) ? DECIMAL_NUMBER.lastIndex : start;
    this.position = Math.max(hex, decimal);
    return this.leaf('numeric_lit', start);
  }

  private functionCall(name: FastNode): FastNode {
    const children = [name, this.expect('(')];
    if (!this.at(')')) {
      const args = [this.expression()];
      while (this.at(',')) {
        args.push(this.expect(','));
        if (this.at(')')) break;
        args.push(this.expression());
      }
      if (this.at('...') && args[args.length - 1]!.type !== ',') args.push(this.ellipsis());
      children.push(this.wrap('function_arguments', args));
    }
    children.push(this.expect(')'));
    return this.wrap('function_call', children);
  }

  private ellipsis(): FastNode {
    const start = this.position;
    this.position += 3;
    return this.leaf('ellipsis', start);
  }

  private tuple(): FastNode {
    const children = [this.wrapped('tuple_start', '[')];
    if (!this.at(']')) {
      children.push(this.expression());
      while (this.at(',')) {
        children.push(this.expect(','));
        if (this.at(']')) break;
        children.push(this.expression());
      }
    }
    children.push(this.wrapped('tuple_end', ']'));
    return this.wrap('tuple', children);
  }

  private object(): FastNode {
    const children = [this.wrapped('object_start', '{')];
    while (!this.at('}')) {
      if (this.position >= this.text.length) throw new StandAside('syntax');
      children.push(this.objectElement());
      if (this.at(',')) children.push(this.expect(','));
    }
    children.push(this.wrapped('object_end', '}'));
    return this.wrap('object', children);
  }

  private objectElement(): FastNode {
    const key = this.expression();
    this.skip();
    if (this.at('==') || this.at('=>')) throw new StandAside('syntax');
    const separator = this.expect(this.peek() === 58 ? ':' : '=');
    const val = this.expression();
    const element = this.wrap('object_elem', [key, separator, val]);
    element.key = key;
    element.val = val;
    return element;
  }

  /** Whether `for` and a name follow the bracket at the current position (a `for` expression). */
  private forStartsAfter(bracket: number): boolean {
    const saved = this.position;
    const commentCount = this.comments.length;
    this.position += bracket;
    const isFor = this.word() === 'for' && ((this.position += 3), this.identifierEnd() !== -1);
    this.position = saved;
    this.comments.length = commentCount;
    return isFor;
  }

  private forIntro(): FastNode {
    const children = [this.keyword('for'), this.identifier()];
    if (this.at(',')) children.push(this.expect(','), this.identifier());
    children.push(this.keyword('in'), this.expression(), this.expect(':'));
    return this.wrap('for_intro', children);
  }

  /** `if condition` when it comes next. */
  private forCondition(children: FastNode[]): void {
    if (this.word() === 'if') children.push(this.wrap('for_cond', [this.keyword('if'), this.expression()]));
  }

  private forTuple(): FastNode {
    const children = [this.wrapped('tuple_start', '['), this.forIntro(), this.expression()];
    this.forCondition(children);
    children.push(this.wrapped('tuple_end', ']'));
    return this.wrap('for_tuple_expr', children);
  }

  private forObject(): FastNode {
    const children = [this.wrapped('object_start', '{'), this.forIntro(), this.expression(), this.expect('=>'), this.expression()];
    if (this.at('...')) children.push(this.ellipsis());
    this.forCondition(children);
    children.push(this.wrapped('object_end', '}'));
    return this.wrap('for_object_expr', children);
  }

  // ── templates ───────────────────────────────────────────────────────────

  /** A quoted string: a `string_lit` without interpolation, else a `quoted_template`. */
  private quoted(): FastNode {
    const start = this.position;
    this.position++;
    const children = [this.leaf('quoted_template_start', start)];
    const literal = new LiteralRun();
    let interpolated = false;
    const text = this.text;
    for (;;) {
      while (isSpace(text.charCodeAt(this.position))) this.position++;
      const at = this.position;
      const code = text.charCodeAt(at);
      if (at >= text.length) throw new StandAside('syntax');
      if (code === 34) break;
      if (code === 36 || code === 37) {
        if (this.templateMarker(code, literal, children)) interpolated = true;
      } else if (code === 92) {
        this.position = at + this.escapeLength(at);
        literal.add(at, this.position);
      } else {
        this.position = at + 1;
        literal.add(at, this.position);
      }
    }
    literal.flush(children, this);
    const end = this.position;
    this.position++;
    children.push(this.leaf('quoted_template_end', end));
    return this.wrap(interpolated ? 'quoted_template' : 'string_lit', children);
  }

  /** The length of the escape sequence at `at` in a quoted string (the scanner's: `\n \r \t \" \\ \uXXXX \UXXXXXXXX`). */
  private escapeLength(at: number): number {
    const next = this.text.charCodeAt(at + 1);
    if (next === 34 || next === 110 || next === 114 || next === 116 || next === 92) return 2;
    const digits = next === 117 ? HEX_DIGITS_4 : next === 85 ? HEX_DIGITS_8 : undefined;
    if (digits === undefined) throw new StandAside('syntax');
    digits.lastIndex = at + 2;
    if (!digits.test(this.text)) throw new StandAside('syntax');
    return digits.lastIndex - at;
  }

  /**
   * `$` or `%` in a template, as the scanner reads them: `${` starts an interpolation (true is returned),
   * `%{` a directive (not read); `$${` / `%%{` are literal, and so are `$`, `$$`, `%`, `%%` before anything else.
   */
  private templateMarker(code: number, literal: LiteralRun, children: FastNode[]): boolean {
    const at = this.position;
    const text = this.text;
    if (text.charCodeAt(at + 1) === 123) {
      if (code === 37) throw new StandAside('template-directive');
      literal.flush(children, this);
      children.push(this.interpolation());
      return true;
    }
    let end = at + 1;
    if (text.charCodeAt(end) === code) end = text.charCodeAt(end + 1) === 123 ? end + 2 : end + 1;
    this.position = end;
    literal.add(at, end);
    return false;
  }

  private interpolation(): FastNode {
    const start = this.position;
    this.position += 2;
    const children = [this.leaf('template_interpolation_start', start)];
    if (this.at('~')) children.push(this.stripMarker());
    if (!this.at('}') && !this.at('~')) children.push(this.expression());
    if (this.at('~')) children.push(this.stripMarker());
    if (!this.at('}')) throw new StandAside('syntax');
    const end = this.position++;
    children.push(this.leaf('template_interpolation_end', end));
    return this.wrap('template_interpolation', children);
  }

  private stripMarker(): FastNode {
    const start = this.position++;
    return this.leaf('strip_marker', start);
  }

  /** A heredoc `<<ID` / `<<-ID` … `ID`, read line by line as the scanner reads it. */
  private heredoc(): FastNode {
    const token = this.text.startsWith('<<-', this.position) ? '<<-' : '<<';
    const children = [this.wrapped('heredoc_start', token)];
    const text = this.text;
    const identifierStart = this.position;
    let identifierEnd = identifierStart;
    while (isIdentifierPart(text.charCodeAt(identifierEnd))) identifierEnd++;
    let lineEnd = identifierEnd;
    while (text.charCodeAt(lineEnd) === 32 || text.charCodeAt(lineEnd) === 9) lineEnd++;
    if (identifierEnd === identifierStart || text.charCodeAt(lineEnd) !== 10) throw new StandAside('heredoc-form');
    const identifier = text.slice(identifierStart, identifierEnd);
    this.position = identifierEnd;
    children.push(this.leaf('heredoc_identifier', identifierStart));
    const literal = new LiteralRun();
    for (;;) {
      let newLine = false;
      for (let code = text.charCodeAt(this.position); isSpace(code); code = text.charCodeAt(++this.position)) if (code === 10) newLine = true;
      const at = this.position;
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
            literal.flush(children, this);
            this.position = at + matched;
            children.push(this.leaf('heredoc_identifier', at));
            return this.wrap('heredoc_template', children);
          }
          this.position = Math.min(after + 1, text.length);
        } else {
          this.position = at + matched;
        }
        literal.add(at, this.position);
      } else {
        this.position = at + 1;
        literal.add(at, this.position);
      }
    }
  }

  /** Makes a `template_literal` leaf (used by {@link LiteralRun}). */
  literalNode(start: number, end: number): FastNode {
    return new FastNode('template_literal', true, start, end, this.source);
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

  flush(children: FastNode[], reader: { literalNode(start: number, end: number): FastNode }): void {
    if (this.start === -1) return;
    children.push(reader.literalNode(this.start, this.end));
    this.start = this.end = -1;
  }
}
