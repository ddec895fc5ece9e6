/**
 * Finds the policies of a CloudFormation template (YAML or JSON): every policy document in a resource's
 * Properties (role trust and inline policies, managed policies, bucket / topic / queue / key policies, JSON
 * policy strings), and `AWS::Lambda::Permission` resources. A resource's `Metadata.deputy.ignore` list
 * suppresses findings inside it.
 */
import { entryOf, itemsOf, memberOf, type LocatedEntry, type LocatedValue } from '../../located/located-value.js';
import { LocatedSyntaxError } from '../../located/located-json.js';
import type { FoundPolicy, PolicySyntax } from '../../policy/found-policy.js';
import { findPolicyDocuments, formatTreePath, type TreePath } from '../../policy/find-documents.js';
import { isPolicyDocumentValue, statementsOfDocument, type StatementsRead } from '../../policy/json-policy-view.js';
import { conditionalVariants, hasConditional } from '../../policy/conditional-variants.js';
import { policyReadings } from '../../policy/policy-readings.js';
import { lambdaPermissionStatement, type PermissionProperty } from '../../policy/lambda-permission-view.js';
import type { StatementView } from '../../policy/policy-view.js';
import type { Position } from '../../located/position.js';
import { literalTextOf } from '../../policy/text-value.js';
import { parseDirective, suppressionFrom, type Suppression } from '../../suppress/suppression.js';
import { parseEmbeddedJson } from '../embedded-json.js';
import { withMappings } from './find-in-map.js';
import type { UnreadablePolicy } from '../source-scan.js';

/** Policies and unreadable policy texts of a template. */
export interface TemplatePolicies {
  /** The policies found. */
  readonly policies: FoundPolicy[];
  /** Policy strings that are not valid JSON. */
  readonly unreadable: UnreadablePolicy[];
}

/** Reads the policies of a template whose intrinsics are already recognised. */
export function templatePolicies(template: LocatedValue, file: string, format: 'yaml' | 'json'): TemplatePolicies {
  const result: TemplatePolicies = { policies: [], unreadable: [] };
  const resources = withMappings(memberOf(template, 'Resources') ?? { kind: 'null', at: template.at, raw: '' }, memberOf(template, 'Mappings'));
  if (resources.kind !== 'object') return result;
  for (const resource of resources.entries) {
    const suppressions = metadataSuppressions(resource, file);
    const type = literalTextOf(memberOf(resource.value, 'Type') ?? resource.value);
    const base = { file, suppressions, anchorLines: [resource.keyAt.line], ...(type !== undefined ? { resourceType: type } : {}) };
    if (type === 'AWS::Lambda::Permission') {
      const readings = lambdaPermissionReadings(resource);
      for (const reading of readings ?? [undefined]) {
        result.policies.push({
          ...base,
          label: `Resources.${resource.key}`,
          syntax: { kind: 'lambda-permission', format: format === 'yaml' ? 'cfn-yaml' : 'cfn-json' },
          usage: 'resource',
          at: resource.keyAt,
          statements: reading ? [reading] : [],
          unknownStatements: reading === undefined,
        });
      }
      continue;
    }
    const properties = memberOf(resource.value, 'Properties');
    if (properties === undefined) continue;
    const exemptReason = type === 'AWS::IAM::Role' ? serviceLinkedReason(properties) : undefined;
    for (const candidate of findPolicyDocuments(properties, ['Resources', resource.key, 'Properties'])) {
      const label = formatTreePath(candidate.path);
      const context = { ...base, label, anchorLines: [resource.keyAt.line, ...propertyLines(properties, candidate.path.slice(3))], ...(exemptReason ? { exemptReason } : {}) };
      const usage = candidate.path.includes('AssumeRolePolicyDocument') ? ({ usage: 'trust' } as const) : {};
      if (candidate.kind === 'document') {
        for (const reading of policyReadings(candidate.value, candidate.branch)) {
          result.policies.push({ ...context, ...usage, syntax: { kind: format === 'yaml' ? 'cfn-yaml' : 'cfn-json' }, at: candidate.value.at, ...read(reading) });
        }
        continue;
      }
      try {
        const { document, substituted } = parseEmbeddedJson(candidate.value);
        if (!isPolicyDocumentValue(document)) continue;
        const syntax: PolicySyntax = { kind: 'json', interpolation: substituted ? 'cloudformation' : 'none' };
        result.policies.push({ ...context, ...usage, syntax, at: document.at, ...read(statementsOfDocument(document, candidate.branch?.description)) });
      } catch (error) {
        if (!(error instanceof LocatedSyntaxError)) throw error;
        result.unreadable.push({ file, at: error.at, label, message: error.message });
      }
    }
  }
  return result;
}

function read(statements: StatementsRead): StatementsRead {
  return { statements: statements.statements, unknownStatements: statements.unknownStatements };
}

/** The permission's statement, one per distinct `Fn::If` reading of its properties; undefined when unreadable. */
function lambdaPermissionReadings(resource: LocatedEntry): StatementView[] | undefined {
  const properties = memberOf(resource.value, 'Properties');
  if (properties === undefined || !hasConditional(properties)) return [lambdaPermission(resource.keyAt, properties)];
  const readings = conditionalVariants(properties);
  return readings?.map((reading) => ({ ...lambdaPermission(resource.keyAt, reading.value), ...(reading.branch ? { branch: reading.branch } : {}) }));
}

function lambdaPermission(at: Position, properties: LocatedValue | undefined): StatementView {
  const property = (name: string): PermissionProperty | undefined => {
    const entry = entryOf(properties, name);
    return entry ? { at: entry.keyAt, value: entry.value } : undefined;
  };
  const principal = property('Principal');
  const action = property('Action');
  const sourceAccount = property('SourceAccount');
  const sourceArn = property('SourceArn');
  const principalOrgId = property('PrincipalOrgID');
  return lambdaPermissionStatement({
    at,
    ...(principal ? { principal } : {}),
    ...(action ? { action } : {}),
    ...(sourceAccount ? { sourceAccount } : {}),
    ...(sourceArn ? { sourceArn } : {}),
    ...(principalOrgId ? { principalOrgId } : {}),
  });
}

/** The lines of each property key along a path inside Properties (suppression anchors). */
function propertyLines(properties: LocatedValue, path: TreePath): number[] {
  const lines: number[] = [];
  let current: LocatedValue | undefined = properties;
  for (const step of path) {
    if (current === undefined) break;
    if (typeof step === 'number') {
      current = current.kind === 'array' ? current.items[step] : undefined;
      if (current) lines.push(current.at.line);
    } else {
      const entry = entryOf(current, step);
      if (entry) lines.push(entry.keyAt.line);
      current = entry?.value;
    }
  }
  return lines;
}

function serviceLinkedReason(properties: LocatedValue): string | undefined {
  const path = memberOf(properties, 'Path');
  const text = path === undefined ? undefined : literalTextOf(path);
  return text?.startsWith('/aws-service-role/') ? `the role's Path ${text} marks a service-linked role, whose trust policy AWS manages` : undefined;
}

/** `Metadata: { deputy: { ignore: [ { rule: DPT001, reason: … } ] } }` on a resource. */
function metadataSuppressions(resource: LocatedEntry, file: string): Suppression[] {
  const ignore = entryOf(memberOf(memberOf(resource.value, 'Metadata'), 'deputy'), 'ignore');
  if (ignore === undefined) return [];
  if (ignore.value.kind !== 'array') {
    return [suppressionFrom({ rules: [], reason: '', problem: 'Metadata.deputy.ignore must be a list of { rule, reason } entries' }, file, ignore.keyAt, 'metadata')];
  }
  return itemsOf(ignore.value).map((item) => {
    const rule = literalTextOf(memberOf(item, 'rule') ?? item) ?? '';
    const reason = literalTextOf(memberOf(item, 'reason') ?? { kind: 'null', at: item.at, raw: '' }) ?? '';
    const directive = item.kind === 'object' ? parseDirective(`${rule} ${reason}`) : { rules: [], reason: '', problem: 'each Metadata.deputy.ignore entry is { rule: DPT001, reason: … }' };
    return suppressionFrom(directive, file, item.at, 'metadata');
  });
}
