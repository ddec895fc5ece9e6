/**
 * Finds the policies of a Terraform JSON file (`.tf.json`, e.g. cdktf output): strings are templates, so
 * `"${jsonencode({…})}"` holds an HCL object policy and a JSON string may interpolate `${…}`;
 * `aws_iam_policy_document` data sources and `aws_lambda_permission` resources are read as blocks, and a
 * `"//": "deputy:ignore …"` comment in a block suppresses findings inside it.
 */
import { DeputyInputError } from '@deputy/policy-model';
import { fileText, type EmbeddedText } from '../../located/embedded-text.js';
import { LocatedSyntaxError, parseLocatedJson } from '../../located/located-json.js';
import { entryOf, itemsOf, type LocatedValue } from '../../located/located-value.js';
import { lineIndexOf } from '../../located/position.js';
import { looksLikeJsonPolicy, formatTreePath, type TreePath } from '../../policy/find-documents.js';
import type { FoundPolicy, PolicySyntax } from '../../policy/found-policy.js';
import { isPolicyDocumentValue, statementsOfDocument, type StatementsRead } from '../../policy/json-policy-view.js';
import { lambdaPermissionStatement, type PermissionProperty } from '../../policy/lambda-permission-view.js';
import type { DocAttribute, DocBlock } from '../../policy/policy-document-view.js';
import { statementsOfPolicyDocument } from '../../policy/policy-document-view.js';
import { directiveText, parseDirective, suppressionFrom, type Suppression } from '../../suppress/suppression.js';
import { decodedTextOf, interpolationEnd, substituteInterpolations } from '../embedded-json.js';
import type { SourceScan, UnreadablePolicy } from '../source-scan.js';
import { childrenOf, hclValue, objectKeyOf, type HclSource } from './hcl-expression.js';
import { resourcePoliciesOfInputs } from './module-resource-policy.js';
import { trustPolicyOfInputs } from './module-trust.js';
import { parseTerraformLeniently } from './parse-terraform.js';

const NESTED_BLOCKS = new Set(['statement', 'principals', 'not_principals', 'condition']);

/** Reads a `.tf.json` file; throws {@link DeputyInputError} when it is not JSON. */
export async function scanTfJsonFile(text: string, file: string): Promise<SourceScan> {
  const lines = lineIndexOf(text);
  let root: LocatedValue;
  try {
    root = parseLocatedJson(fileText(text, lines));
  } catch (error) {
    if (!(error instanceof LocatedSyntaxError)) throw error;
    throw new DeputyInputError([{ code: 'json-syntax-error', message: `JSON syntax error: ${error.message}`, hint: 'fix the JSON at this position', location: { file, ...error.at } }]);
  }
  const scanner = new TfJsonScanner(file);
  await scanner.walk(root, [], []);
  return { policies: scanner.policies, unreadable: scanner.unreadable, suppressions: [] };
}

class TfJsonScanner {
  readonly policies: FoundPolicy[] = [];
  readonly unreadable: UnreadablePolicy[] = [];

  constructor(private readonly file: string) {}

  async walk(value: LocatedValue, path: TreePath, suppressions: readonly Suppression[]): Promise<void> {
    if (value.kind === 'object') {
      const scoped = [...suppressions, ...this.comments(value)];
      const [section, type] = path;
      if (path.length === 3 && section === 'data' && type === 'aws_iam_policy_document') {
        for (const instance of itemsOf(value)) this.add(instance, path, { kind: 'tf-json-policy-document' }, statementsOfPolicyDocument(docBlockOf(instance)), scoped);
        return;
      }
      if (path.length === 2 && section === 'module') {
        const input = (name: string): DocAttribute | undefined => {
          const entry = entryOf(value, name);
          return entry ? { at: entry.keyAt, value: templated(entry.value) } : undefined;
        };
        for (const policy of resourcePoliciesOfInputs(input, value.at)) {
          const read = statementsOfPolicyDocument(policy.document);
          this.policies.push({
            file: this.file,
            label: `module.${String(type)} (the ${policy.module} module's ${policy.input})`,
            syntax: { kind: 'tf-json-policy-document' },
            usage: 'resource',
            integration: policy.integration,
            at: value.at,
            statements: read.statements,
            unknownStatements: read.unknownStatements,
            anchorLines: policy.anchorLines,
            suppressions: scoped,
          });
        }
        const trust = trustPolicyOfInputs(input, value.at);
        if (trust) {
          const read = statementsOfPolicyDocument(trust.document);
          this.policies.push({
            file: this.file,
            label: `module.${String(type)} (the ${trust.module} module's trust policy)`,
            syntax: { kind: 'tf-json-policy-document' },
            usage: 'trust',
            at: value.at,
            statements: read.statements,
            unknownStatements: read.unknownStatements,
            anchorLines: trust.anchorLines,
            suppressions: scoped,
          });
        }
      }
      if (path.length === 3 && section === 'resource' && type === 'aws_lambda_permission') {
        this.add(value, path, { kind: 'lambda-permission', format: 'tf-json' }, { statements: [lambdaPermission(value)], unknownStatements: false }, scoped);
        return;
      }
      for (const entry of value.entries) if (entry.key !== '//') await this.walk(entry.value, [...path, entry.key], scoped);
      return;
    }
    if (value.kind === 'array') {
      for (const [index, item] of value.items.entries()) await this.walk(item, [...path, index], suppressions);
      return;
    }
    if (value.kind === 'text') await this.text(value, path, suppressions);
  }

  private async text(value: LocatedValue & { kind: 'text' }, path: TreePath, suppressions: readonly Suppression[]): Promise<void> {
    const literal = value.parts.join('');
    if (/^\$\{\s*jsonencode\(/.test(literal) && literal.includes('Statement') && interpolationEnd(literal, 2) === literal.length) {
      await this.jsonencode(decodedTextOf(value), path, suppressions);
      return;
    }
    if (!looksLikeJsonPolicy(literal)) return;
    try {
      const document = parseLocatedJson(substituteInterpolations(decodedTextOf(value)));
      if (isPolicyDocumentValue(document)) this.add(document, path, { kind: 'json', interpolation: 'terraform' }, statementsOfDocument(document), suppressions);
    } catch (error) {
      if (!(error instanceof LocatedSyntaxError)) throw error;
      this.unreadable.push({ file: this.file, at: error.at, label: labelOf(path), message: error.message });
    }
  }

  /** Parses the HCL expression inside `"${jsonencode(…)}"` and reads the policy objects in it. */
  private async jsonencode(decoded: EmbeddedText, path: TreePath, suppressions: readonly Suppression[]): Promise<void> {
    const prefix = 'x = ';
    const expression = decoded.text.slice(2, -1);
    const source: HclSource = { text: prefix + expression, position: (offset) => decoded.position(Math.max(0, offset - prefix.length) + 2) };
    const tree = await parseTerraformLeniently(source.text);
    if (tree === undefined) return;
    let claimedEnd = -1;
    for (const object of tree.rootNode.descendantsOfType('object')) {
      if (object.startIndex < claimedEnd) continue;
      if (!childrenOf(object).some((element) => element.type === 'object_elem' && objectKeyOf(element) === 'Statement')) continue;
      const value = hclValue(object, source);
      if (!isPolicyDocumentValue(value)) continue;
      this.add(value, path, { kind: 'hcl-object' }, statementsOfDocument(value), suppressions);
      claimedEnd = object.endIndex;
    }
  }

  private add(value: LocatedValue, path: TreePath, syntax: PolicySyntax, read: StatementsRead, suppressions: readonly Suppression[]): void {
    this.policies.push({
      file: this.file,
      label: labelOf(path),
      syntax,
      ...(path[path.length - 1] === 'assume_role_policy' ? { usage: 'trust' as const } : syntax.kind === 'lambda-permission' ? { usage: 'resource' as const } : {}),
      at: value.at,
      statements: read.statements,
      unknownStatements: read.unknownStatements,
      anchorLines: [value.at.line],
      suppressions,
      ...(path[0] === 'resource' && typeof path[1] === 'string' ? { resourceType: path[1] } : {}),
    });
  }

  private comments(value: LocatedValue & { kind: 'object' }): Suppression[] {
    const comment = entryOf(value, '//');
    if (comment === undefined) return [];
    return itemsOf(comment.value).flatMap((item) => {
      const text = item.kind === 'text' ? directiveText(item.parts.join('')) : undefined;
      return text === undefined ? [] : [suppressionFrom(parseDirective(text), this.file, item.at, 'tf-json-comment')];
    });
  }
}

/** `["resource", "aws_iam_role", "worker", "assume_role_policy"]` → `aws_iam_role.worker.assume_role_policy`. */
function labelOf(path: TreePath): string {
  const [section, ...rest] = path;
  if (section === 'resource') return formatTreePath(rest);
  if (section === 'locals') return formatTreePath(['local', ...rest]);
  return formatTreePath(path);
}

/** Terraform JSON strings are templates: their `${…}` parts are opaque. */
function templated(value: LocatedValue): LocatedValue {
  if (value.kind === 'text') {
    const decoded = substituteInterpolations(decodedTextOf(value));
    const parts = decoded.opaque.length === 0 ? value.parts : splitOpaque(decoded);
    return { ...value, parts, decode: () => decoded };
  }
  if (value.kind === 'array') return { ...value, items: value.items.map(templated) };
  if (value.kind === 'object') return { ...value, entries: value.entries.map((entry) => ({ ...entry, value: templated(entry.value) })) };
  return value;
}

function splitOpaque(decoded: EmbeddedText): (string | { opaque: string })[] {
  const parts: (string | { opaque: string })[] = [];
  let ordinal = 0;
  for (const [index, piece] of decoded.text.split('\u{E000}').entries()) {
    if (index > 0) parts.push({ opaque: decoded.opaque[ordinal++] ?? '' });
    if (piece !== '') parts.push(piece);
  }
  return parts;
}

/** A block from its JSON object; `at` is where the block is named (its key), else the object. */
function docBlockOf(value: LocatedValue, at = value.at): DocBlock {
  const attributes = new Map<string, DocAttribute>();
  const blocks = new Map<string, DocBlock[]>();
  const dynamicBlocks = new Set<string>();
  if (value.kind === 'object') {
    for (const entry of value.entries) {
      if (entry.key === 'dynamic') {
        if (entry.value.kind === 'object') for (const dynamic of entry.value.entries) dynamicBlocks.add(dynamic.key);
      } else if (NESTED_BLOCKS.has(entry.key)) {
        blocks.set(entry.key, itemsOf(entry.value).map((item) => docBlockOf(item, entry.keyAt)));
      } else if (entry.key !== '//') {
        attributes.set(entry.key, { at: entry.keyAt, value: templated(entry.value) });
      }
    }
  }
  return { at, attributes, blocks, dynamicBlocks };
}

function lambdaPermission(value: LocatedValue): ReturnType<typeof lambdaPermissionStatement> {
  const property = (name: string): PermissionProperty | undefined => {
    const entry = entryOf(value, name);
    return entry ? { at: entry.keyAt, value: templated(entry.value) } : undefined;
  };
  const parts = {
    principal: property('principal'),
    action: property('action'),
    sourceAccount: property('source_account'),
    sourceArn: property('source_arn'),
    principalOrgId: property('principal_org_id'),
  };
  return lambdaPermissionStatement({
    at: value.at,
    ...Object.fromEntries(Object.entries(parts).filter(([, property]) => property !== undefined)),
  });
}
