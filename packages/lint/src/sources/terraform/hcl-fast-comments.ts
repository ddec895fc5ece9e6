/**
 * Where tree-sitter puts a comment: comments are "extras", shifted as they come and left out of a node when
 * they lead or trail its tokens, so a comment belongs to the innermost node with a token before it and a
 * token after it (the root when none has).
 */
import type { FastNode } from './hcl-fast-node.js';

/** Inserts each comment (in document order) among the children of the innermost node that encloses it. */
export function placeComments(root: FastNode, comments: readonly FastNode[]): void {
  for (const comment of comments) {
    let owner = root;
    for (let inner = enclosingChild(owner, comment); inner !== undefined; inner = enclosingChild(owner, comment)) owner = inner;
    insertChild(owner, comment);
  }
}

/** The child of `node` whose tokens enclose `comment`, if one does. */
function enclosingChild(node: FastNode, comment: FastNode): FastNode | undefined {
  for (const child of node.children) {
    if (child.startIndex > comment.startIndex) return undefined;
    if (child.endIndex >= comment.endIndex && child.children.length > 0 && child.startIndex < comment.startIndex) return child;
  }
  return undefined;
}

/** Adds `child` to `node`'s children at its place by offset. */
function insertChild(node: FastNode, child: FastNode): void {
  const children = [...node.children];
  let index = children.length;
  while (index > 0 && children[index - 1]!.startIndex > child.startIndex) index--;
  children.splice(index, 0, child);
  node.adopt(children);
}
