/**
 * Facts about a whole `.tf` file that its policies depend on: its `locals`, which resource attribute uses
 * each `aws_iam_policy_document`, and the policy a `templatefile()` target renders to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { SyntaxNode as Node, SyntaxTree as Tree } from './syntax-node.js';
import { LocatedSyntaxError, parseLocatedJson } from '../../located/located-json.js';
import type { LocatedValue } from '../../located/located-value.js';
import { isPolicyDocumentValue } from '../../policy/json-policy-view.js';
import { lineIndexOf } from '../../located/position.js';
import { childrenOf, fileHclSource, type ModuleLocal } from './hcl-expression.js';
import { directiveRenderings } from '../../located/template-directives.js';
import { renderTemplate, type TemplateReader } from './template-file.js';
import { blockAttributes, blockHeader } from './terraform-blocks.js';

/** The file's `locals`: name → value expression (for those declared in other files of the module, see {@link moduleLocalsOf}). */
export function localsOf(tree: Tree): Map<string, Node> {
  const locals = new Map<string, Node>();
  if (!tree.rootNode.text.includes('locals')) return locals;
  const body = childrenOf(tree.rootNode).find((child) => child.type === 'body') ?? tree.rootNode;
  for (const block of childrenOf(body)) {
    if (block.type !== 'block' || blockHeader(block)[0] !== 'locals') continue;
    for (const [name, attribute] of blockAttributes(block)) locals.set(name, attribute.value);
  }
  return locals;
}

/**
 * The locals that `text` references but does not declare, read from the other `.tf` files of its directory
 * (Terraform merges every `locals` block of a module): `local.trusted_services` used in `main.tf` and declared
 * in `locals.tf`. Only files that declare a `locals` block are parsed, and only when a name is missing; a file
 * that does not parse (`parse` returns undefined) adds nothing.
 */
export function moduleLocalsOf(file: string, text: string, declared: ReadonlyMap<string, unknown>, parse: (text: string) => Tree | undefined): Map<string, ModuleLocal> {
  if (!text.includes('local.')) return new Map();
  const missing = new Set([...text.matchAll(/\blocal\.([A-Za-z_][\w-]*)/g)].map((match) => match[1]!).filter((name) => !declared.has(name)));
  const found = new Map<string, ModuleLocal>();
  if (missing.size === 0) return found;
  const directory = dirname(file);
  let names: string[];
  try {
    names = readdirSync(resolve(directory)).filter((name) => name.endsWith('.tf') && name !== basename(file)).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    let other: string;
    try {
      other = readFileSync(resolve(directory, name), 'utf8');
    } catch {
      continue;
    }
    if (!/\blocals\s*\{/.test(other)) continue;
    const tree = parsedOnce(resolve(directory, name), other, parse);
    if (tree === undefined) continue;
    const source = fileHclSource(other, lineIndexOf(other));
    for (const [local, expression] of localsOf(tree)) if (missing.has(local) && !found.has(local)) found.set(local, { expression, source });
  }
  return found;
}

/** The other files of a module parsed for their locals, kept for the next file of the same module (every file of a module may ask). */
const parsedLocalsFiles = new Map<string, { text: string; tree: Tree | undefined }>();

/** At most this many parsed files are kept. */
const PARSED_LOCALS_FILES_KEPT = 32;

function parsedOnce(path: string, text: string, parse: (text: string) => Tree | undefined): Tree | undefined {
  const kept = parsedLocalsFiles.get(path);
  if (kept !== undefined && kept.text === text) return kept.tree;
  const tree = parse(text);
  parsedLocalsFiles.delete(path);
  parsedLocalsFiles.set(path, { text, tree });
  if (parsedLocalsFiles.size > PARSED_LOCALS_FILES_KEPT) parsedLocalsFiles.delete(parsedLocalsFiles.keys().next().value!);
  return tree;
}

/**
 * Which resource attribute uses each `aws_iam_policy_document` of the file (`policy =
 * data.aws_iam_policy_document.x.json` in an `aws_vpc_endpoint`): the document then has that resource's type
 * and, for `assume_role_policy`, the trust usage. A document used by several resources of different kinds is
 * left undecided.
 */
export function documentUsesOf(tree: Tree): Map<string, { resourceType: string; attribute: string }> {
  const uses = new Map<string, { resourceType: string; attribute: string } | null>();
  if (!tree.rootNode.text.includes('data.aws_iam_policy_document.')) return new Map();
  const body = childrenOf(tree.rootNode).find((child) => child.type === 'body') ?? tree.rootNode;
  for (const block of childrenOf(body)) {
    if (block.type !== 'block') continue;
    const [kind, resourceType] = blockHeader(block);
    if (kind !== 'resource' || resourceType === undefined) continue;
    for (const [attribute, { value }] of blockAttributes(block)) {
      for (const match of value.text.matchAll(/data\.aws_iam_policy_document\.([A-Za-z0-9_-]+)(\[[^\]]*\])?\.(json|minified_json)\b/g)) {
        const previous = uses.get(match[1]!);
        const use = { resourceType, attribute };
        uses.set(match[1]!, previous === undefined || (previous !== null && previous.resourceType === resourceType && previous.attribute === attribute) ? use : null);
      }
    }
  }
  return new Map([...uses].filter((entry): entry is [string, { resourceType: string; attribute: string }] => entry[1] !== null));
}

/**
 * The policy documents a template renders to with its literal variables substituted: one, or one per rendering
 * of its `%{ if }` directives (see template-directives.ts); none when it renders to no JSON policy or cannot be
 * rendered (a `%{ for }` loop).
 */
export function templateDocuments(text: string, variables: ReadonlyMap<string, LocatedValue>): LocatedValue[] {
  const rendered = renderTemplate(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, variables);
  if (!rendered.text.trimStart().startsWith('{')) return [];
  const documents: LocatedValue[] = [];
  for (const rendering of directiveRenderings(rendered) ?? [rendered]) {
    try {
      const document = parseLocatedJson(rendering);
      if (isPolicyDocumentValue(document)) documents.push(document);
    } catch (error) {
      if (!(error instanceof LocatedSyntaxError)) throw error;
    }
  }
  return documents;
}

/** Reads templates from disk next to the `.tf` file. */
export function diskTemplateReader(file: string): TemplateReader {
  return (path) => {
    try {
      const text = readFileSync(resolve(dirname(file), path), 'utf8');
      return text.includes('\u0000') ? undefined : text;
    } catch {
      return undefined;
    }
  };
}
