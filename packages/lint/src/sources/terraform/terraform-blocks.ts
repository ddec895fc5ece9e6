/** Terraform blocks as plain data: their type, labels, attributes and nested blocks, from tree-sitter nodes. */
import type { Node } from 'web-tree-sitter';
import type { DocAttribute, DocBlock } from '../../policy/policy-document-view.js';
import { childrenOf, hclValue, plainStringContent, type HclSource } from './hcl-expression.js';

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
      if (label !== undefined) dynamicBlocks.add(label);
      continue;
    }
    blocks.set(type, [...(blocks.get(type) ?? []), docBlockOf(child, source)]);
  }
  return { at: source.position(block.startIndex), attributes, blocks, dynamicBlocks };
}
