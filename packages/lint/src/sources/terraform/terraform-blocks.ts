/**
 * Terraform blocks as plain data: their type, labels, attributes and nested blocks, from tree-sitter nodes.
 * A `dynamic` block whose `for_each` is known (a literal list or map, a local holding one, `concat` of
 * literals) is expanded into one block per element, its iterator bound while reading the `content`; one over
 * `cond ? [] : [1]` with an unknown condition is read as generated (what it is wherever it exists).
 */
import type { SyntaxNode as Node } from './syntax-node.js';
import type { LocatedValue } from '../../located/located-value.js';
import type { DocAttribute, DocBlock } from '../../policy/policy-document-view.js';
import { childrenOf, hclValue, nonEmptyBranchValue, plainStringContent, withBinding, type HclSource } from './hcl-expression.js';

/** The type and labels of a `block` node, e.g. `["resource", "aws_iam_role", "worker"]`. */
export function blockHeader(block: Node): string[] {
  const header: string[] = [];
  for (const child of childrenOf(block)) {
    if (child.type === 'identifier') header.push(child.text);
    else if (child.type === 'string_lit') header.push(plainStringContent(child) ?? child.text);
    else if (child.type === 'body' || child.type === 'block_start') break;
  }
  return header;
}

/** The body node of a block. */
export function blockBody(block: Node): Node | undefined {
  return childrenOf(block).find((child) => child.type === 'body');
}

/** The attributes of a block body by name, with the node of each value expression. */
export function blockAttributes(block: Node): Map<string, { name: Node; value: Node }> {
  const attributes = new Map<string, { name: Node; value: Node }>();
  for (const child of childrenOf(blockBody(block) ?? block)) {
    if (child.type !== 'attribute') continue;
    const [name, value] = childrenOf(child);
    if (name && value) attributes.set(name.text, { name, value });
  }
  return attributes;
}

/** Reads a block into a {@link DocBlock}, converting every attribute value. */
export function docBlockOf(block: Node, source: HclSource): DocBlock {
  const attributes = new Map<string, DocAttribute>();
  for (const [name, attribute] of blockAttributes(block)) {
    attributes.set(name, { at: source.position(attribute.name.startIndex), value: hclValue(attribute.value, source) });
  }
  const blocks = new Map<string, DocBlock[]>();
  const dynamicBlocks = new Set<string>();
  for (const child of childrenOf(blockBody(block) ?? block)) {
    if (child.type !== 'block') continue;
    const [type, label] = blockHeader(child);
    if (type === undefined) continue;
    if (type === 'dynamic') {
      if (label === undefined) continue;
      const expanded = expandDynamic(child, label, source);
      if (expanded === undefined) dynamicBlocks.add(label);
      else blocks.set(label, [...(blocks.get(label) ?? []), ...expanded]);
      continue;
    }
    blocks.set(type, [...(blocks.get(type) ?? []), docBlockOf(child, source)]);
  }
  return { at: source.position(block.startIndex), attributes, blocks, dynamicBlocks };
}

/**
 * The blocks a `dynamic "label"` block generates, one per element of its `for_each`, or undefined when the
 * elements cannot all be known (a variable, a conditional, an element that is itself unknown).
 */
function expandDynamic(dynamic: Node, label: string, source: HclSource): DocBlock[] | undefined {
  const attributes = blockAttributes(dynamic);
  const forEach = attributes.get('for_each');
  const content = childrenOf(blockBody(dynamic) ?? dynamic).find((child) => child.type === 'block' && blockHeader(child)[0] === 'content');
  if (forEach === undefined || content === undefined) return undefined;
  const iteratorNode = attributes.get('iterator');
  const iterator = iteratorNode ? iteratorNode.value.text.trim() : label;
  const elements = forEachElements(hclValue(forEach.value, source), false) ?? optionalElements(forEach.value, source);
  if (elements === undefined) return undefined;
  return elements.map(({ key, value }) => ({ ...docBlockOf(content, withBinding(source, iterator, eachValue(key, value))), at: source.position(dynamic.startIndex) }));
}

/** The elements of `cond ? [] : [1]` with an unknown condition: the block is generated in some configurations, and read as generated. */
function optionalElements(node: Node, source: HclSource): { key: LocatedValue; value: LocatedValue }[] | undefined {
  const branch = nonEmptyBranchValue(node, source);
  return branch === undefined ? undefined : forEachElements(branch, false);
}

/** The `{ key, value }` object an iterator (or `each`) names. */
export function eachValue(key: LocatedValue, value: LocatedValue): LocatedValue {
  return {
    kind: 'object',
    entries: [
      { key: 'key', keyAt: key.at, value: key },
      { key: 'value', keyAt: value.at, value },
    ],
    unknownEntries: false,
    at: value.at,
    raw: value.raw,
  };
}

/**
 * The key and value of each element of a `for_each` collection, when every element is known. A list's key is
 * its index in a `dynamic` block; for a resource (`setKeys`) a list is a set, whose key is the element.
 */
export function forEachElements(collection: LocatedValue, setKeys: boolean): { key: LocatedValue; value: LocatedValue }[] | undefined {
  if (collection.kind === 'array') {
    if (collection.items.some((item) => item.kind === 'opaque')) return undefined;
    return collection.items.map((item, index) => ({ key: setKeys ? item : { kind: 'number', value: index, at: item.at, raw: String(index) }, value: item }));
  }
  if (collection.kind === 'object' && !collection.unknownEntries) {
    return collection.entries.map((entry) => ({ key: { kind: 'text', parts: [entry.key], at: entry.keyAt, raw: JSON.stringify(entry.key) }, value: entry.value }));
  }
  return undefined;
}
