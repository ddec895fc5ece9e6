/**
 * The parts of a template being read (literal text, interpolations, directives) and the template directives
 * still open: `%{ if }` … `%{ else }` … `%{ endif }` and `%{ for }` … `%{ endfor }` become one
 * `template_directive` holding a `template_if` / `template_for` and the parts between, as tree-sitter builds them.
 */
import { FastNode, type FastSource } from './hcl-fast-node.js';
import { StandAside } from './hcl-fast-cursor.js';

/** The words that start a directive, and the node each directive's head becomes. */
export const DIRECTIVE_HEADS = new Map([
  ['if', 'template_if_intro'],
  ['else', 'template_else_intro'],
  ['endif', 'template_if_end'],
  ['for', 'template_for_start'],
  ['endfor', 'template_for_end'],
]);

/** A directive whose end has not come yet: its kind and its children so far. */
interface OpenDirective {
  readonly kind: 'if' | 'for';
  readonly children: FastNode[];
  hasElse: boolean;
}

/** Collects a template's parts; the literal chunks since the last other part become one `template_literal`. */
export class TemplateParts {
  private readonly top: FastNode[];
  private readonly open: OpenDirective[] = [];
  private literalStart = -1;
  private literalEnd = -1;
  /** True once an interpolation or a directive was read (the string is then a `quoted_template`). */
  templated = false;

  constructor(
    private readonly source: FastSource,
    opening: FastNode[],
  ) {
    this.top = opening;
  }

  /** Whether a directive is open (then a heredoc's identifier on its own line is literal text, as tree-sitter reads it). */
  get inDirective(): boolean {
    return this.open.length > 0;
  }

  /** Adds a literal chunk from `start` to `end`. */
  literal(start: number, end: number): void {
    if (this.literalStart === -1) this.literalStart = start;
    this.literalEnd = end;
  }

  /** Adds an interpolation. */
  interpolation(node: FastNode): void {
    this.templated = true;
    this.add(node);
  }

  /** Adds a directive's head (`word` is `if`, `else`, `endif`, `for` or `endfor`); stands aside when it does not fit. */
  directive(word: string, head: FastNode): void {
    this.templated = true;
    this.flush();
    if (word === 'if' || word === 'for') {
      this.open.push({ kind: word, children: [head], hasElse: false });
      return;
    }
    const current = this.open[this.open.length - 1];
    const kind = word === 'endfor' ? 'for' : 'if';
    if (current === undefined || current.kind !== kind || (word === 'else' && current.hasElse)) throw new StandAside('syntax');
    current.children.push(head);
    if (word === 'else') {
      current.hasElse = true;
      return;
    }
    this.open.pop();
    this.add(wrap('template_directive', [wrap(kind === 'if' ? 'template_if' : 'template_for', current.children, this.source)], this.source));
  }

  /** The template's children, `last` included; stands aside when a directive is still open. */
  finish(last: FastNode): FastNode[] {
    if (this.open.length > 0) throw new StandAside('syntax');
    this.flush();
    this.top.push(last);
    return this.top;
  }

  private add(node: FastNode): void {
    this.flush();
    (this.open[this.open.length - 1]?.children ?? this.top).push(node);
  }

  private flush(): void {
    if (this.literalStart === -1) return;
    const node = new FastNode('template_literal', true, this.literalStart, this.literalEnd, this.source);
    (this.open[this.open.length - 1]?.children ?? this.top).push(node);
    this.literalStart = this.literalEnd = -1;
  }
}

function wrap(type: string, children: FastNode[], source: FastSource): FastNode {
  return new FastNode(type, true, children[0]!.startIndex, children[children.length - 1]!.endIndex, source).adopt(children);
}
