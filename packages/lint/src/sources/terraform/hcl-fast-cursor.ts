/**
 * The token level of the fast HCL reader (hcl-fast-reader.ts): a position in the text, whitespace and comments
 * skipped between tokens (the comments kept for their place in the tree), tokens and identifiers read as
 * tree-sitter-hcl's lexer reads them, and the one way to stand aside.
 */
import { FastNode, FastSource } from './hcl-fast-node.js';

/** Why the fast reader left a text to tree-sitter. */
export type StandAsideReason =
  /** Not valid HCL as far as the reader can tell (tree-sitter reports it), or a form the reader does not know. */
  | 'syntax'
  /** A control character, non-ASCII whitespace or a lone surrogate somewhere in the text. */
  | 'unusual-character'
  /** An identifier with a non-ASCII letter (tree-sitter reads Unicode identifiers). */
  | 'non-ascii-identifier'
  /** A word spelled like a keyword (`for`, `in`, `if`) where an expression starts, or `true` / `false` / `null` called as a function. */
  | 'keyword-name'
  /** A heredoc whose opening identifier is not followed by the end of its line. */
  | 'heredoc-form'
  /** A file that is one object (`.tfvars` JSON style). */
  | 'object-file'
  /** Nesting deeper than the stack allows. */
  | 'too-deep';

/** Thrown to stand aside; caught once, in `readHclExactly`. */
export class StandAside {
  constructor(readonly reason: StandAsideReason) {}
}

/** Words the grammar also has as keywords: where an expression starts, the reader does not guess which one tree-sitter takes. */
const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'endif', 'endfor', 'true', 'false', 'null']);

/** An ASCII letter or `_`: where an identifier may start (a non-ASCII letter stands aside). */
export function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** A character that may continue an identifier (besides `::`): a letter, digit, `_` or `-`. */
export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57) || code === 45;
}

/** An ASCII digit. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Space, tab, new line and carriage return: the only whitespace in a text the reader reads (it stands aside on any other). */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Whitespace that does not end a line (after a heredoc's identifier). */
export function isLineSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** A position in the text being read, and the tokens there. */
export class HclCursor {
  /** The offset where reading continues. */
  position = 0;
  readonly source: FastSource;
  /** The comments skipped so far, in document order. */
  readonly comments: FastNode[] = [];

  constructor(readonly text: string) {
    this.source = new FastSource(text);
  }

  /** The character code `offset` after the position (NaN past the end). */
  peek(offset = 0): number {
    return this.text.charCodeAt(this.position + offset);
  }

  /** Skips whitespace and comments (kept for {@link placeComments}). */
  skip(): void {
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
  at(token: string): boolean {
    this.skip();
    return this.text.startsWith(token, this.position);
  }

  /** The anonymous token `token`, which must come next. */
  expect(token: string): FastNode {
    if (!this.at(token)) throw new StandAside('syntax');
    const start = this.position;
    this.position += token.length;
    return new FastNode(token, false, start, this.position, this.source);
  }

  /** A named node over the token `token` (`block_start` over `{`). */
  wrapped(type: string, token: string): FastNode {
    return this.wrap(type, [this.expect(token)]);
  }

  /** A named leaf from `start` to the current position. */
  leaf(type: string, start: number): FastNode {
    return new FastNode(type, true, start, this.position, this.source);
  }

  /** A named node over `children`, from the first one's start to the last one's end. */
  wrap(type: string, children: FastNode[]): FastNode {
    return new FastNode(type, true, children[0]!.startIndex, children[children.length - 1]!.endIndex, this.source).adopt(children);
  }

  /** The end of the identifier at the current position (after whitespace and comments), or -1. */
  identifierEnd(): number {
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
  word(): string | undefined {
    const end = this.identifierEnd();
    return end === -1 ? undefined : this.text.slice(this.position, end);
  }

  /**
   * An `identifier`. Where only a name can come (an attribute or block name, a label, after `.`, a `for`
   * variable) tree-sitter reads a keyword's spelling as a name too; where an expression starts it may read
   * the keyword, and the reader stands aside.
   */
  identifier(where: 'name' | 'expression' = 'name'): FastNode {
    const end = this.identifierEnd();
    if (end === -1) throw new StandAside('syntax');
    if (where === 'expression' && KEYWORDS.has(this.text.slice(this.position, end))) throw new StandAside('keyword-name');
    const start = this.position;
    this.position = end;
    return this.leaf('identifier', start);
  }

  /** The keyword `keyword` (`for`, `in`, `if`) as an anonymous token. */
  keyword(keyword: string): FastNode {
    if (this.word() !== keyword) throw new StandAside('syntax');
    return this.expect(keyword);
  }
}
