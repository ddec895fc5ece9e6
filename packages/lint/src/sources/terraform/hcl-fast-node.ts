/**
 * The nodes the fast HCL reader (hcl-fast-reader.ts) builds: the {@link SyntaxNode} interface with the values
 * web-tree-sitter gives, made as cheaply as a node can be. A node keeps its offsets and finds its row and
 * column from the file's line starts only when asked; its named children are listed on first use.
 */
import { lineIndexOf, type LineIndex } from '../../located/position.js';
import { descendantsOfType, type SyntaxNode, type SyntaxPoint } from './syntax-node.js';

/** The text being read and where its lines start, shared by every node of one tree. */
export class FastSource {
  /** The file's line index; built on the first question. */
  private lines: LineIndex | undefined;

  constructor(readonly text: string) {}

  /** The zero-based row and column (UTF-16 code units, as web-tree-sitter counts them for a JS string) of an offset. */
  pointAt(offset: number): SyntaxPoint {
    const { line, column } = (this.lines ??= lineIndexOf(this.text)).position(offset);
    return { row: line - 1, column: column - 1 };
  }
}

/** The children of a leaf: one shared empty list. */
const NONE: readonly FastNode[] = Object.freeze([]);

/** One node of a tree the fast reader built. */
export class FastNode implements SyntaxNode {
  parent: FastNode | null = null;
  children: readonly FastNode[] = NONE;
  /** The `key` and `val` children of an `object_elem`. */
  key: FastNode | null = null;
  val: FastNode | null = null;
  private named: readonly FastNode[] | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    public endIndex: number,
    private readonly source: FastSource,
  ) {}

  get startPosition(): SyntaxPoint {
    return this.source.pointAt(this.startIndex);
  }

  get text(): string {
    return this.source.text.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): readonly FastNode[] {
    return (this.named ??= this.children.length === 0 ? NONE : this.children.filter((child) => child.isNamed));
  }

  /** Makes `children` this node's children (in order) and this node their parent. */
  adopt(children: FastNode[]): this {
    for (const child of children) child.parent = this;
    this.children = children;
    this.named = undefined;
    return this;
  }

  childForFieldName(name: string): SyntaxNode | null {
    return name === 'key' ? this.key : name === 'val' ? this.val : null;
  }

  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    return descendantsOfType(this, types);
  }
}
