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
 * It stands aside ({@link StandAsideReason}) on every syntax error and on what it does not read: an object
 * as the whole file, identifiers spelled like keywords or
 * with non-ASCII letters, control characters and non-ASCII whitespace (a carriage return is read: it is
 * whitespace to tree-sitter, part of a line comment, and no line break for rows), a heredoc whose identifier is not
 * followed by the end of its line, and text nested deeper than the stack allows.
 */
import { FastNode } from './hcl-fast-node.js';
import { placeComments } from './hcl-fast-comments.js';
import { HclCursor, isDigit, StandAside, type StandAsideReason } from './hcl-fast-cursor.js';
import { TemplateReader } from './hcl-fast-templates.js';
import type { SyntaxTree } from './syntax-node.js';

export type { StandAsideReason } from './hcl-fast-cursor.js';

/** The reader's answer: the tree, or why it stood aside. */
export type FastHclReading = { readonly tree: SyntaxTree } | { readonly standsAside: StandAsideReason; readonly at: number };

/** Characters the reader never reads: control characters, non-ASCII whitespace, a byte order mark (lone surrogates are ruled out apart). */
const UNUSUAL_CHARACTER = /[\0-\x08\v\f\x0e-\x1f\x7f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Any surrogate, paired or not: most texts have none, and then none is lone. */
const SURROGATE = /[\ud800-\udfff]/;

/** Where the first lone surrogate is, or -1 (the reader stands aside on one). */
function loneSurrogateAt(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xd800 || code > 0xdfff) continue;
    if (code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) index++;
    else return index;
  }
  return -1;
}

/** Binary operators and their precedence in the grammar (all left-associative). */
const BINARY_PRECEDENCE = new Map<string, number>([
  ['*', 6], ['/', 6], ['%', 6], ['+', 5], ['-', 5], ['>', 4], ['>=', 4], ['<', 4], ['<=', 4], ['==', 3], ['!=', 3], ['&&', 2], ['||', 1],
]);

const HEX_NUMBER = /0x[0-9a-zA-Z]+/y;
const DECIMAL_NUMBER = /[0-9]+(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?)?/y;

/** Reads a Terraform file to the tree tree-sitter would give, or says why it stands aside. */
export function readHclExactly(text: string): FastHclReading {
  const unusual = UNUSUAL_CHARACTER.exec(text);
  if (unusual !== null) return { standsAside: 'unusual-character', at: unusual.index };
  const surrogate = SURROGATE.test(text) ? loneSurrogateAt(text) : -1;
  if (surrogate !== -1) return { standsAside: 'unusual-character', at: surrogate };
  const reader = new HclFastReader(text);
  try {
    return { tree: reader.readFile() };
  } catch (error) {
    if (error instanceof StandAside) return { standsAside: error.reason, at: reader.position };
    if (error instanceof RangeError) return { standsAside: 'too-deep', at: reader.position };
    throw error;
  }
}

/** The children of a hidden `_expr_term`: they go straight into the node that holds the term. */
type Term = FastNode[];

/** The grammar: a file's body, blocks, attributes and expressions, read over the tokens of {@link HclCursor}. */
class HclFastReader extends HclCursor {
  private readonly templates = new TemplateReader(this, () => this.expression());

  /** The `config_file`: its `body` of attributes and blocks, with every comment in its place. */
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

  // ── body ────────────────────────────────────────────────────────────────

  /** An `attribute` (`name = expression`) or a `block` (`type "label" label { body }`). */
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
    const quoted = this.templates.quoted();
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

  /** `.name`, or a legacy index `.0` (whose digits tree-sitter keeps in an invisible token). */
  private getAttr(): FastNode {
    const dot = this.expect('.');
    this.skip();
    if (!isDigit(this.peek())) return this.wrap('get_attr', [dot, this.identifier()]);
    while (isDigit(this.peek())) this.position++;
    const legacy = new FastNode('legacy_index', true, dot.startIndex, this.position, this.source).adopt([dot]);
    return this.wrap('index', [legacy]);
  }

  /** `[expression]`: an `index` over a `new_index`. */
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

  /** What a term starts with: a literal, template, collection, `for` expression, parenthesis, call or variable. */
  private primary(): Term {
    this.skip();
    const code = this.peek();
    if (code === 34) {
      const quoted = this.templates.quoted();
      return [quoted.type === 'string_lit' ? this.wrap('literal_value', [quoted]) : this.wrap('template_expr', [quoted])];
    }
    if (code === 60) return [this.wrap('template_expr', [this.templates.heredoc()])];
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

  /** A `numeric_lit`: the longer of the grammar's two patterns (hexadecimal, decimal with fraction and exponent). */
  private number(): FastNode {
    const start = this.position;
    HEX_NUMBER.lastIndex = DECIMAL_NUMBER.lastIndex = start;
    const hex = HEX_NUMBER.test(this.text) ? HEX_NUMBER.lastIndex : start;
    const decimal = DECIMAL_NUMBER.test(this.text) ? DECIMAL_NUMBER.lastIndex : start;
    this.position = Math.max(hex, decimal);
    return this.leaf('numeric_lit', start);
  }

  /** `name(args)`: a trailing comma or `...` after the last argument. */
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

  /** `...` (a named leaf). */
  private ellipsis(): FastNode {
    const start = this.position;
    this.position += 3;
    return this.leaf('ellipsis', start);
  }

  /** `[a, b,]`: commas between the elements, one after the last allowed. */
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

  /** `{ k = v, k2: v2 }`: elements separated by commas or nothing (new lines are whitespace to the grammar). */
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

  /** `key = val` or `key: val`, both expressions, in the `key` and `val` fields. */
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

  /** `for k, v in collection :`. */
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

  /** `[for … : value if condition]`. */
  private forTuple(): FastNode {
    const children = [this.wrapped('tuple_start', '['), this.forIntro(), this.expression()];
    this.forCondition(children);
    children.push(this.wrapped('tuple_end', ']'));
    return this.wrap('for_tuple_expr', children);
  }

  /** `{for … : key => value... if condition}`. */
  private forObject(): FastNode {
    const children = [this.wrapped('object_start', '{'), this.forIntro(), this.expression(), this.expect('=>'), this.expression()];
    if (this.at('...')) children.push(this.ellipsis());
    this.forCondition(children);
    children.push(this.wrapped('object_end', '}'));
    return this.wrap('for_object_expr', children);
  }
}
