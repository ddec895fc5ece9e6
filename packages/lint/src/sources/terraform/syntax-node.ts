/**
 * A parsed Terraform file as plain JavaScript objects, copied once from the web-tree-sitter tree. Every
 * property of a web-tree-sitter `Node` (its type, end, parent, text) is a call into WebAssembly, repeated on
 * each access, and the readers ask for them many times per node; the copy costs about three calls a node and
 * then every reading is a property access. It has the parts of the `Node` interface the readers use, with
 * the same values (a test compares both over the corpus), for a tree without syntax errors.
 */
import type { Language, Node, Tree } from 'web-tree-sitter';

/** Where a node starts: zero-based row and column, as web-tree-sitter gives them. */
export interface SyntaxPoint {
  readonly row: number;
  readonly column: number;
}

/** One node of a {@link SyntaxTree}. */
export interface SyntaxNode {
  /** The grammar's node type (`block`, `object`, `"{"` …). */
  readonly type: string;
  /** True for named nodes (grammar rules), false for punctuation and keywords. */
  readonly isNamed: boolean;
  /** The offset where the node starts in the parsed text. */
  readonly startIndex: number;
  /** The offset where the node ends. */
  readonly endIndex: number;
  /** Where the node starts. */
  readonly startPosition: SyntaxPoint;
  /** The node's text. */
  readonly text: string;
  /** The enclosing node; null for the root. */
  readonly parent: SyntaxNode | null;
  /** Every child, named or not, in order. */
  readonly children: readonly SyntaxNode[];
  /** The named children, in order. */
  readonly namedChildren: readonly SyntaxNode[];
  /** The child in a grammar field (`key`, `val` of an object element), or null. */
  childForFieldName(name: string): SyntaxNode | null;
  /** This node and its descendants of the given types, in document order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[];
}

/** A parsed file: its root node. */
export interface SyntaxTree {
  readonly rootNode: SyntaxNode;
}

/** Node types whose children are reached by field name (only object elements, `key` and `val`, are asked). */
const FIELDED_TYPES = new Set(['object_elem']);

/** The children of a leaf (most nodes): one shared empty list. */
const NONE: readonly CopiedNode[] = Object.freeze([]);

class CopiedNode implements SyntaxNode {
  children: readonly CopiedNode[] = NONE;
  namedChildren: readonly CopiedNode[] = NONE;
  fields: Map<string, CopiedNode> | undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    readonly startPosition: SyntaxPoint,
    readonly parent: CopiedNode | null,
    private readonly source: string,
  ) {}

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  childForFieldName(name: string): SyntaxNode | null {
    return this.fields?.get(name) ?? null;
  }

  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    return descendantsOfType(this, types);
  }
}

/** `root` and its descendants of the given types, in document order (each tree's `descendantsOfType`). */
export function descendantsOfType(root: SyntaxNode, types: string | readonly string[]): SyntaxNode[] {
  const wanted = new Set(typeof types === 'string' ? [types] : types);
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (wanted.has(node.type)) found.push(node);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return found;
}

/** Whether each node type of a language is named, asked once per type. */
const namedTypes = new WeakMap<Language, (boolean | undefined)[]>();

/** Copies a web-tree-sitter tree parsed from `text`. */
export function copySyntaxTree(tree: Tree, text: string): SyntaxTree {
  const language = tree.language;
  let named = namedTypes.get(language);
  if (named === undefined) namedTypes.set(language, (named = []));
  const isNamed = (typeId: number): boolean => (named[typeId] ??= language.nodeTypeIsNamed(typeId));
  const copy = (node: Node, parent: CopiedNode | null): CopiedNode => {
    const typeId = node.typeId;
    const copied = new CopiedNode(language.types[typeId] || 'ERROR', isNamed(typeId), node.startIndex, node.endIndex, node.startPosition, parent, text);
    const children = node.children;
    if (children.length === 0) return copied;
    const all: CopiedNode[] = [];
    const namedOnes: CopiedNode[] = [];
    for (const child of children) {
      if (child === null) continue;
      const childCopy = copy(child, copied);
      all.push(childCopy);
      if (childCopy.isNamed) namedOnes.push(childCopy);
    }
    copied.children = all;
    copied.namedChildren = namedOnes;
    if (FIELDED_TYPES.has(copied.type)) copied.fields = fieldsOf(node, all);
    return copied;
  };
  return { rootNode: copy(tree.rootNode, null) };
}

function fieldsOf(node: Node, children: readonly CopiedNode[]): Map<string, CopiedNode> {
  const fields = new Map<string, CopiedNode>();
  children.forEach((child, index) => {
    const name = node.fieldNameForChild(index);
    if (name !== null && !fields.has(name)) fields.set(name, child);
  });
  return fields;
}
