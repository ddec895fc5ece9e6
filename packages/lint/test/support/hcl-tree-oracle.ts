/**
 * The reference for the fast HCL reader: tree-sitter's tree for a text (copied as `scanTerraformFile` copies
 * it) and one canonical serialisation of a tree (type, named flag, offsets, start, field name, parent link,
 * children recursively) that two trees share exactly when they are the same tree.
 */
import { copySyntaxTree, type SyntaxNode } from '../../src/sources/terraform/syntax-node.js';
import { terraformParser } from '../../src/sources/terraform/tree-sitter-terraform.js';

/** What tree-sitter reads in a text: its tree, copied, and whether it holds a syntax error. */
export interface TreeSitterReading {
  readonly root: SyntaxNode;
  readonly hasError: boolean;
}

/** A function that reads texts with tree-sitter (loaded once, then synchronous). */
export async function treeSitterReader(): Promise<(text: string) => TreeSitterReading> {
  const parser = await terraformParser();
  return (text) => {
    const parsed = parser.parse(text);
    if (parsed === null) throw new Error('tree-sitter returned no tree');
    try {
      return { root: copySyntaxTree(parsed, text).rootNode, hasError: parsed.rootNode.hasError };
    } finally {
      parsed.delete();
    }
  };
}

/** The field (`key` / `val`) a node fills in its parent, if any. */
function fieldOf(node: SyntaxNode): string {
  const parent = node.parent;
  if (parent === null) return '';
  if (parent.childForFieldName('key') === node) return 'key:';
  if (parent.childForFieldName('val') === node) return 'val:';
  return '';
}

/** One line per node, indented by depth: every property the readers use, and the parent and named-children links checked. */
export function canonicalTree(root: SyntaxNode): string {
  const lines: string[] = [];
  const visit = (node: SyntaxNode, parent: SyntaxNode | null, depth: number): void => {
    const point = node.startPosition;
    const linked = node.parent === parent ? '' : ' (parent link broken)';
    const named = node.namedChildren.length === node.children.filter((child) => child.isNamed).length && node.namedChildren.every((child) => child.isNamed) ? '' : ' (namedChildren wrong)';
    lines.push(`${' '.repeat(depth)}${fieldOf(node)}${node.isNamed ? node.type : JSON.stringify(node.type)} ${node.startIndex}-${node.endIndex} ${point.row}:${point.column}${linked}${named}`);
    for (const child of node.children) visit(child, node, depth + 1);
  };
  visit(root, null, 0);
  return lines.join('\n');
}
