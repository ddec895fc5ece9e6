/**
 * Walks a located tree for policy documents: objects with a `Statement`, and strings whose text is a JSON
 * object mentioning `Statement` (a policy written as a JSON string).
 */
import type { LocatedValue } from '../located/located-value.js';
import { describeBranch, type DocumentBranch } from './conditional-variants.js';
import { isPolicyDocumentValue } from './json-policy-view.js';
import { literalTextOf } from './text-value.js';

/** A step of a path into a located tree. */
export type TreePath = readonly (string | number)[];

/** Something policy-like found in a tree. */
export type DocumentCandidate =
  /** A policy document object; `branch` names the CloudFormation `Fn::If` branches it is written in. */
  | { readonly kind: 'document'; readonly value: LocatedValue; readonly path: TreePath; readonly branch?: DocumentBranch }
  /** A string (or `Fn::Sub` template) that may hold a JSON policy. */
  | { readonly kind: 'json-text'; readonly value: LocatedValue; readonly path: TreePath; readonly branch?: DocumentBranch };

/** Every policy document and JSON policy text in the tree, outermost first; nothing inside a document is searched. */
export function findPolicyDocuments(root: LocatedValue, path: TreePath = []): DocumentCandidate[] {
  const found: DocumentCandidate[] = [];
  const visit = (value: LocatedValue, at: TreePath, choices: readonly (readonly [string, boolean])[]): void => {
    const branch = choices.length > 0 ? { branch: { description: describeBranch(choices), choices: new Map(choices) } } : {};
    switch (value.kind) {
      case 'object':
        if (isPolicyDocumentValue(value)) {
          found.push({ kind: 'document', value, path: at, ...branch });
          return;
        }
        for (const entry of value.entries) visit(entry.value, [...at, entry.key], choices);
        return;
      case 'array':
        value.items.forEach((item, index) => visit(item, [...at, index], choices));
        return;
      case 'text':
        if (looksLikeJsonPolicy(value.parts.map((part) => (typeof part === 'string' ? part : '')).join(''))) found.push({ kind: 'json-text', value, path: at, ...branch });
        return;
      case 'intrinsic': {
        if (value.name === 'Fn::Sub') {
          const template = value.argument.kind === 'array' ? value.argument.items[0] : value.argument;
          if (template?.kind === 'text' && looksLikeJsonPolicy(template.parts.map((part) => (typeof part === 'string' ? part : '')).join(''))) {
            found.push({ kind: 'json-text', value, path: at, ...branch });
            return;
          }
        }
        const condition = value.name === 'Fn::If' && value.argument.kind === 'array' && value.argument.items.length === 3 ? literalTextOf(value.argument.items[0]!) : undefined;
        if (condition !== undefined && value.argument.kind === 'array') {
          visit(value.argument.items[1]!, [...at, 1], [...choices, [condition, true]]);
          visit(value.argument.items[2]!, [...at, 2], [...choices, [condition, false]]);
          return;
        }
        visit(value.argument, at, choices);
        return;
      }
      default:
        return;
    }
  };
  visit(root, path, []);
  return found;
}

/** True for text that starts like a JSON object and mentions `"Statement"`. */
export function looksLikeJsonPolicy(text: string): boolean {
  return text.trimStart().startsWith('{') && text.includes('"Statement"');
}

/** Formats a tree path as `Resources.Role.Properties.Policies[0].PolicyDocument`. */
export function formatTreePath(path: TreePath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text === '' ? step : `.${step}`;
  }
  return text;
}
