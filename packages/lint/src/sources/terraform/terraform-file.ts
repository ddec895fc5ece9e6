/**
 * Finds the policies of a Terraform `.tf` file: HCL objects with a `Statement` (inside `jsonencode(…)`,
 * `locals` or anywhere), JSON in heredocs and strings, `aws_iam_policy_document` data sources,
 * `aws_lambda_permission` resources, and the policies public modules build from their inputs. Locals the
 * file uses but another `.tf` file of its directory declares are read from there.
 */
import { LocatedSyntaxError, parseLocatedJson } from '../../located/located-json.js';
import { lineIndexOf } from '../../located/position.js';
import type { FoundPolicy, PolicySyntax, PolicyUsage } from '../../policy/found-policy.js';
import { isPolicyDocumentValue, statementsOfDocument, type StatementsRead } from '../../policy/json-policy-view.js';
import { lambdaPermissionStatement, type PermissionProperty } from '../../policy/lambda-permission-view.js';
import { policyReadings } from '../../policy/policy-readings.js';
import { statementsOfPolicyDocument, type DocAttribute } from '../../policy/policy-document-view.js';
import { literalTextOf } from '../../policy/text-value.js';
import { commentSuppressions } from '../../suppress/suppression.js';
import type { ScanNotice, SourceScan, UnreadablePolicy } from '../source-scan.js';
import type { EmbeddedText } from '../../located/embedded-text.js';
import { directiveRenderings } from '../../located/template-directives.js';
import type { LocatedValue } from '../../located/located-value.js';
import { childrenOf, fileHclSource, hclValue, objectKeyOf, positionOfNode, resolveJsonTemplate, withBinding, type HclSource, type ModuleLocal } from './hcl-expression.js';
import { decodeTemplate } from './hcl-template.js';
import { resourcePoliciesOfInputs } from './module-resource-policy.js';
import { moduleTrustPolicy } from './module-trust.js';
import { templateCallOf, templateDisplayPath, type TemplateReader } from './template-file.js';
import { diskTemplateReader, documentUsesOf, localsOf, moduleLocalsOf, templateDocuments } from './terraform-file-facts.js';
import { blockAttributes, blockHeader, docBlockOf, eachValue, forEachElements } from './terraform-blocks.js';
import { parseTerraform, withValidTerraformParse } from './parse-terraform.js';
import type { SyntaxNode as Node, SyntaxTree as Tree } from './syntax-node.js';

/**
 * Text a `.tf` file holds when it may build a policy without the words a policy has: a trust module's inputs,
 * the statement inputs of the sns / sqs / kms modules, or a `templatefile(…)` / `file(…)` call. A directory scan that skips files without `Statement` must not skip these.
 */
export const TERRAFORM_POLICY_HINT = /trust_policy_permissions|trusted_role_services|trusted_entities|topic_policy_statements|queue_policy_statements|key_statements|terraform-aws-modules\/eks|terraform-aws-eks|\b(templatefile|file)\s*\(/;

/** Options of {@link scanTerraformFile}. */
export interface TerraformScanOptions {
  /**
   * Reads a `templatefile(…)` target by its path relative to the directory of `file` (default: from disk,
   * relative to the process's working directory joined with that directory).
   */
  readonly readTemplate?: TemplateReader;
}

/** Reads a `.tf` file; throws `DeputyInputError` when it is not valid HCL ({@link parseTerraform}). */
export async function scanTerraformFile(text: string, file: string, options: TerraformScanOptions = {}): Promise<SourceScan> {
  const tree = await parseTerraform(text, file);
  const own = localsOf(tree);
  const otherFileLocals = await withValidTerraformParse((parse) => moduleLocalsOf(file, text, own, parse));
  const source = { ...fileHclSource(text, lineIndexOf(text)), scope: { locals: new Map<string, Node | ModuleLocal>([...own, ...otherFileLocals]), bindings: new Map(), depth: 0 } };
  return new TerraformScanner(source, file, tree, options.readTemplate ?? diskTemplateReader(file)).scan();
}

class TerraformScanner {
  private readonly policies: FoundPolicy[] = [];
  private readonly unreadable: UnreadablePolicy[] = [];
  private readonly notices: ScanNotice[] = [];
  private readonly declaredDataSources: string[];
  /** `aws_iam_policy_document` name → the one resource attribute of this file that uses its `.json`. */
  private readonly documentUses: Map<string, { resourceType: string; attribute: string }>;

  constructor(
    private readonly source: HclSource,
    private readonly file: string,
    private readonly tree: Tree,
    private readonly readTemplate: TemplateReader,
  ) {
    this.declaredDataSources = childrenOf(childrenOf(tree.rootNode).find((child) => child.type === 'body') ?? tree.rootNode)
      .filter((child) => child.type === 'block')
      .map(blockHeader)
      .filter((header) => header[0] === 'data' && header[1] !== undefined)
      .map((header) => header[1]!);
    this.documentUses = documentUsesOf(tree);
  }

  scan(): SourceScan {
    let claimedEnd = -1;
    const candidates = this.tree.rootNode.descendantsOfType(['block', 'object', 'template_expr', 'string_lit', 'function_call']);
    for (const node of candidates) {
      if (node === null || node.startIndex < claimedEnd) continue;
      if (this.visit(node)) claimedEnd = node.endIndex;
    }
    return {
      policies: this.policies,
      unreadable: this.unreadable,
      suppressions: commentSuppressions(this.source.text, this.file, ['#', '//', '/*']),
      ...(this.notices.length > 0 ? { notices: this.notices } : {}),
    };
  }

  /** Records the node when it is a policy; true when it was one (its inside is then not searched again). */
  private visit(node: Node): boolean {
    if (node.type === 'block') return this.visitBlock(node);
    if (node.type === 'object') return this.visitObject(node);
    if (node.type === 'function_call') return this.visitTemplateFile(node);
    return this.visitTemplate(node);
  }

  private visitBlock(block: Node): boolean {
    const [type, resourceType] = blockHeader(block);
    if (type === 'data' && resourceType === 'aws_iam_policy_document') {
      const use = this.documentUses.get(blockHeader(block)[2] ?? '');
      for (const instance of this.instancesOf(block)) {
        const read = statementsOfPolicyDocument(docBlockOf(block, instance.source));
        this.add(block, { kind: 'hcl-policy-document' }, read, use?.attribute === 'assume_role_policy' ? 'trust' : undefined, use?.resourceType, instance.key);
      }
      return true;
    }
    if (type === 'module') {
      for (const instance of this.instancesOf(block)) this.addModuleResourcePolicies(block, instance);
      for (const instance of this.instancesOf(block)) {
        const trust = moduleTrustPolicy(block, instance.source);
        if (trust === undefined) continue;
        const read = statementsOfPolicyDocument(trust.document);
        this.policies.push({
          file: this.file,
          label: `${labelOf(blockHeader(block), undefined)}${instance.key ?? ''} (the ${trust.module} module's trust policy)`,
          syntax: { kind: 'hcl-policy-document' },
          usage: 'trust',
          at: this.source.position(block.startIndex),
          statements: read.statements,
          unknownStatements: read.unknownStatements,
          anchorLines: trust.anchorLines,
          suppressions: [],
          declaredDataSources: this.declaredDataSources,
        });
      }
      return false;
    }
    if (type === 'resource' && resourceType === 'aws_lambda_permission') {
      for (const instance of this.instancesOf(block)) {
        this.add(block, { kind: 'lambda-permission', format: 'hcl' }, { statements: [this.lambdaPermission(block, instance.source)], unknownStatements: false }, 'resource', undefined, instance.key);
      }
      return true;
    }
    return false;
  }

  /** The topic, queue or key policy a terraform-aws-modules sns / sqs / kms module block builds from its statement inputs. */
  private addModuleResourcePolicies(block: Node, instance: { source: HclSource; key?: string }): void {
    const attributes = blockAttributes(block);
    const input = (name: string): DocAttribute | undefined => {
      const attribute = attributes.get(name);
      return attribute ? { at: instance.source.position(attribute.name.startIndex), value: hclValue(attribute.value, instance.source) } : undefined;
    };
    for (const policy of resourcePoliciesOfInputs(input, instance.source.position(block.startIndex))) {
      const read = statementsOfPolicyDocument(policy.document);
      this.policies.push({
        file: this.file,
        label: `${labelOf(blockHeader(block), undefined)}${instance.key ?? ''} (the ${policy.module} module's ${policy.input})`,
        syntax: { kind: 'hcl-policy-document' },
        usage: 'resource',
        integration: policy.integration,
        at: this.source.position(block.startIndex),
        statements: read.statements,
        unknownStatements: read.unknownStatements,
        anchorLines: policy.anchorLines,
        suppressions: [],
        declaredDataSources: this.declaredDataSources,
      });
    }
  }

  private visitObject(object: Node): boolean {
    const hasStatement = childrenOf(object).some((element) => element.type === 'object_elem' && objectKeyOf(element) === 'Statement');
    if (!hasStatement) return false;
    let found = false;
    for (const instance of this.instancesOf(object)) {
      const value = hclValue(object, instance.source);
      if (!isPolicyDocumentValue(value)) continue;
      for (const reading of policyReadings(value)) this.add(object, { kind: 'hcl-object' }, reading, undefined, undefined, instance.key);
      found = true;
    }
    return found;
  }

  /**
   * The instances of the top-level block holding a node: one per element of a literal `for_each` (with
   * `each.key` / `each.value` bound, and `["key"]` for the label), else the block itself.
   */
  private instancesOf(node: Node): { source: HclSource; key?: string }[] {
    let top: Node = node;
    for (let current: Node | null = node; current !== null; current = current.parent) if (current.type === 'block') top = current;
    const forEach = top.type === 'block' ? blockAttributes(top).get('for_each') : undefined;
    if (forEach === undefined) return [{ source: this.source }];
    const elements = forEachElements(hclValue(forEach.value, this.source), true);
    if (elements === undefined || elements.length === 0) return [{ source: this.source }];
    return elements.map(({ key, value }) => ({
      source: withBinding(this.source, 'each', eachValue(key, value)),
      key: `[${literalTextOf(key) !== undefined ? JSON.stringify(literalTextOf(key)) : key.raw}]`,
    }));
  }

  /** `templatefile("x.tftpl", { … })` / `file("x.tpl")`: the policy in the template, with the literal variables substituted. */
  private visitTemplateFile(call: Node): boolean {
    if (templateCallOf(call, this.source) === undefined) return false;
    for (const instance of this.instancesOf(call)) {
      const template = templateCallOf(call, instance.source);
      const text = template === undefined ? undefined : this.readTemplate(template.path);
      if (template === undefined || text === undefined || !text.includes('Statement')) continue;
      for (const document of templateDocuments(text, template.variables)) {
        const context = this.context(call);
        const read = statementsOfDocument(document);
        this.policies.push({
          file: templateDisplayPath(this.file, template.path),
          label: `${template.function}("${template.path}") in ${context.label}${instance.key === undefined ? '' : ` (instance ${instance.key})`}`,
          syntax: { kind: 'json', interpolation: 'terraform' },
          ...(context.usage ? { usage: context.usage } : {}),
          at: document.at,
          statements: read.statements,
          unknownStatements: read.unknownStatements,
          anchorLines: [],
          suppressions: [],
          ...(context.resourceType ? { resourceType: context.resourceType } : {}),
        });
      }
    }
    return true;
  }

  /** A heredoc or quoted string (a `template_expr`, or a `string_lit` without interpolation) holding a JSON policy. */
  private visitTemplate(template: Node): boolean {
    if (!template.text.includes('Statement')) return false;
    const inner = template.type === 'string_lit' ? template : childrenOf(template)[0];
    if (inner === undefined) return false;
    const decoded = decodeTemplate(inner, this.source);
    if (!decoded.text.trimStart().startsWith('{')) return false;
    return this.visitRenderings(template, directiveRenderings(decoded) ?? [decoded]);
  }

  /**
   * A JSON template read in each of its renderings: the text itself, or one per choice of its `%{ if }`
   * directives (template-directives.ts). It is reported not valid JSON only when no rendering is; one that
   * cannot be rendered (a `%{ for }` loop) is noted as not checked. True when it was a policy or meant to be.
   */
  private visitRenderings(template: Node, renderings: readonly EmbeddedText[]): boolean {
    const label = this.context(template).label;
    if (renderings.length === 0) {
      this.notices.push({
        code: 'template-directives-not-rendered',
        file: this.file,
        at: positionOfNode(template),
        message: `the policy in ${label} is built with template directives deputy does not render (%{ for } loops, or more than 16 renderings); it is not checked`,
      });
      return true;
    }
    let firstError: LocatedSyntaxError | undefined;
    let policy = false;
    for (const rendering of renderings) {
      try {
        const value = parseResolvedJson(rendering, this.source);
        if (!isPolicyDocumentValue(value)) continue;
        this.add(template, { kind: 'json', interpolation: 'terraform' }, statementsOfDocument(value));
        policy = true;
      } catch (error) {
        if (!(error instanceof LocatedSyntaxError)) throw error;
        firstError ??= error;
      }
    }
    if (!policy && firstError !== undefined) this.unreadable.push({ file: this.file, at: firstError.at, label, message: firstError.message });
    return policy || firstError !== undefined;
  }

  private lambdaPermission(block: Node, source: HclSource): ReturnType<typeof lambdaPermissionStatement> {
    const attributes = blockAttributes(block);
    const property = (name: string): PermissionProperty | undefined => {
      const attribute = attributes.get(name);
      return attribute ? { at: this.source.position(attribute.name.startIndex), value: hclValue(attribute.value, source) } : undefined;
    };
    const principal = property('principal');
    const action = property('action');
    const sourceAccount = property('source_account');
    const sourceArn = property('source_arn');
    const principalOrgId = property('principal_org_id');
    return lambdaPermissionStatement({
      at: this.source.position(block.startIndex),
      ...(principal ? { principal } : {}),
      ...(action ? { action } : {}),
      ...(sourceAccount ? { sourceAccount } : {}),
      ...(sourceArn ? { sourceArn } : {}),
      ...(principalOrgId ? { principalOrgId } : {}),
    });
  }

  private add(node: Node, syntax: PolicySyntax, read: StatementsRead, usage?: PolicyUsage, resourceType?: string, instanceKey?: string): void {
    const context = this.context(node);
    const resolvedUsage = usage ?? context.usage;
    const resolvedType = resourceType ?? context.resourceType;
    this.policies.push({
      file: this.file,
      label: instanceKey === undefined ? context.label : `${context.label} (instance ${instanceKey})`,
      syntax,
      ...(resolvedUsage ? { usage: resolvedUsage } : {}),
      at: this.source.position(node.startIndex),
      statements: read.statements,
      unknownStatements: read.unknownStatements,
      anchorLines: context.anchorLines,
      suppressions: [],
      ...(context.exemptReason ? { exemptReason: context.exemptReason } : {}),
      ...(resolvedType ? { resourceType: resolvedType } : {}),
      declaredDataSources: this.declaredDataSources,
    });
  }

  /** The enclosing attribute and top-level block of a node: its label, anchors, usage and exemption. */
  private context(node: Node): { label: string; anchorLines: number[]; usage?: PolicyUsage; exemptReason?: string; resourceType?: string } {
    const anchorLines = [node.startPosition.row + 1];
    let attribute: string | undefined;
    let block: Node | undefined;
    for (let current = node.parent; current !== null; current = current.parent) {
      if (current.type === 'attribute' && attribute === undefined) {
        attribute = childrenOf(current)[0]?.text;
        anchorLines.push(current.startPosition.row + 1);
      }
      if (current.type === 'block') {
        block = current;
        anchorLines.push(current.startPosition.row + 1);
      }
    }
    const header = block ? blockHeader(block) : node.type === 'block' ? blockHeader(node) : [];
    if (node.type === 'block') anchorLines.push(node.startPosition.row + 1);
    const label = labelOf(header, attribute);
    const exemptReason = block && header[0] === 'resource' && header[1] === 'aws_iam_role' ? serviceLinkedReason(block, this.source) : undefined;
    return {
      label,
      anchorLines,
      ...(attribute === 'assume_role_policy' ? { usage: 'trust' as const } : {}),
      ...(exemptReason ? { exemptReason } : {}),
      ...(header[0] === 'resource' && header[1] ? { resourceType: header[1] } : {}),
    };
  }
}

/** The JSON with known interpolations filled in, falling back to the text as written when that does not parse. */
function parseResolvedJson(decoded: EmbeddedText, source: HclSource): LocatedValue {
  const resolved = resolveJsonTemplate(decoded, source);
  if (resolved !== undefined) {
    try {
      return parseLocatedJson(resolved);
    } catch (error) {
      if (!(error instanceof LocatedSyntaxError)) throw error;
    }
  }
  return parseLocatedJson(decoded);
}

function labelOf(header: readonly string[], attribute: string | undefined): string {
  const [type, first, second] = header;
  let base = '';
  if (type === 'resource' && first && second) base = `${first}.${second}`;
  else if (type === 'data' && first && second) base = `data.${first}.${second}`;
  else if (type === 'module' && first) base = `module.${first}`;
  else if (type === 'locals') return attribute ? `local.${attribute}` : 'locals';
  else if (type) base = [type, ...header.slice(1)].join('.');
  return attribute ? (base ? `${base}.${attribute}` : attribute) : base;
}

function serviceLinkedReason(block: Node, source: HclSource): string | undefined {
  const path = blockAttributes(block).get('path');
  const text = path ? literalTextOf(hclValue(path.value, source)) : undefined;
  return text?.startsWith('/aws-service-role/') ? `the role's path ${text} marks a service-linked role, whose trust policy AWS manages` : undefined;
}
