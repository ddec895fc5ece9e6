/**
 * Turns HCL expressions into located values: literals, strings (with interpolations as opaque parts),
 * tuples and objects. Anything else (references, function calls, conditionals, `for`) is opaque.
 */
import type { Node } from 'web-tree-sitter';
import type { LocatedEntry, LocatedValue } from '../../located/located-value.js';
import type { LineIndex, Position } from '../../located/position.js';
import { decodeTemplate, templateParts } from './hcl-template.js';

/** The text the parser read, and how its offsets map to file positions. */
export interface HclSource {
  /** The parsed text. */
  readonly text: string;
  /** The file position of an offset in {@link text}. */
  position(offset: number): Position;
}

/** A source that is the file itself. */
export function fileHclSource(text: string, lines: LineIndex): HclSource {
  return { text, position: (offset) => lines.position(offset) };
}

/** The position where a node starts, in a file parsed directly. */
export function positionOfNode(node: Node): Position {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/** The named children of a node other than comments. */
export function childrenOf(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** Converts an expression (or any node below `expression`) to a located value. */
export function hclValue(node: Node, source: HclSource): LocatedValue {
  const at = source.position(node.startIndex);
  const raw = node.text;
  const inner = unwrap(node);
  switch (inner.type) {
    case 'numeric_lit':
      return { kind: 'number', value: Number(inner.text), at, raw };
    case 'bool_lit':
      return { kind: 'boolean', value: inner.text === 'true', at, raw };
    case 'null_lit':
      return { kind: 'null', at, raw };
    case 'string_lit':
    case 'quoted_template':
    case 'heredoc_template': {
      const decoded = decodeTemplate(inner, source);
      return { kind: 'text', parts: templateParts(decoded), at, raw, decode: () => decoded };
    }
    case 'tuple':
      return { kind: 'array', items: childrenOf(inner).filter((child) => child.type === 'expression').map((child) => hclValue(child, source)), at, raw };
    case 'object':
      return objectValue(inner, source, at, raw);
    default:
      return { kind: 'opaque', at, raw };
  }
}

/** The key of an object element when it is a bare identifier or a literal string. */
export function objectKeyOf(element: Node): string | undefined {
  const key = element.childForFieldName('key');
  if (key === null) return undefined;
  const inner = unwrap(key);
  if (inner.type === 'variable_expr' && childrenOf(key).length === 1) return inner.text;
  if (inner.type === 'string_lit') return plainStringContent(inner);
  return undefined;
}

/**
 * The content of a quoted string without escapes or interpolations, read from the source between the
 * quotes (tree-sitter's template_literal leaves out leading spaces); undefined otherwise.
 */
export function plainStringContent(node: Node): string | undefined {
  const text = node.text;
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  const content = text.slice(1, -1);
  return content.includes('\\') || content.includes('${') || content.includes('%{') ? undefined : content;
}

function objectValue(node: Node, source: HclSource, at: Position, raw: string): LocatedValue {
  const entries: LocatedEntry[] = [];
  let unknownEntries = false;
  for (const element of childrenOf(node)) {
    if (element.type !== 'object_elem') continue;
    const key = objectKeyOf(element);
    const value = element.childForFieldName('val');
    if (key === undefined || value === null) {
      unknownEntries = true;
      continue;
    }
    entries.push({ key, keyAt: source.position((element.childForFieldName('key') ?? element).startIndex), value: hclValue(value, source) });
  }
  return { kind: 'object', entries, unknownEntries, at, raw };
}

/** Descends through `expression`, `literal_value`, `template_expr` and `collection_value` wrappers and parentheses. */
function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    const children = childrenOf(current);
    if (children.length !== 1) return current;
    if (!['expression', 'literal_value', 'template_expr', 'collection_value'].includes(current.type)) return current;
    current = children[0]!;
  }
}
