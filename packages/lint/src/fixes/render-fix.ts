/**
 * Writes a fix plan in the policy's own syntax: a JSON, CloudFormation YAML / JSON or HCL-object Condition
 * block, `condition { test / variable / values }` blocks for `aws_iam_policy_document` (HCL or `.tf.json`),
 * or the source attributes of a Lambda permission.
 */
import { assertNever } from '@deputy/policy-model';
import type { FoundPolicy, PolicySyntax } from '../policy/found-policy.js';
import type { FixClause, FixPlan, FixValue } from './fix-plan.js';
import { valueFamilyOf, writeFixItems, writeFixValue, writeString, yamlScalar, type ValueFamily } from './syntax-values.js';

/** A fix ready to show: what to do, and the text to write (absent for advice). */
export interface RenderedFix {
  /** What to do, in one sentence. */
  readonly description: string;
  /** The corrected block or value, in the file's syntax, indented from column 0. */
  readonly text?: string;
}

/** Writes a fix plan for a policy. */
export function renderFix(plan: FixPlan, policy: FoundPolicy): RenderedFix {
  const family = valueFamilyOf(policy.syntax);
  const description = plan.description + referenceNote(plan, policy, family);
  switch (plan.kind) {
    case 'advice':
      return { description };
    case 'condition':
      return { description, text: conditionText(plan.clauses, policy.syntax, family) };
    case 'split-conditions':
      return { description, text: plan.blocks.map((clauses) => conditionText(clauses, policy.syntax, family)).join('\n\n') };
    case 'value':
      return { description, text: serviceText(plan.value, policy.syntax, family) };
    default:
      return assertNever(plan, 'fix plan');
  }
}

/** The Condition block (or its equivalent) holding the clauses. */
export function conditionText(clauses: readonly FixClause[], syntax: PolicySyntax, family: ValueFamily): string {
  switch (syntax.kind) {
    case 'json':
    case 'cfn-json':
      return `"Condition": ${jsonCondition(clauses, family, '')}`;
    case 'cfn-yaml':
      return ['Condition:', ...byOperator(clauses).flatMap(([operator, group]) => [`  ${yamlScalar(operator)}:`, ...group.flatMap((clause) => yamlEntry(clause, family, '    '))])].join('\n');
    case 'hcl-object':
      return ['Condition = {', ...byOperator(clauses).flatMap(([operator, group]) => [`  ${hclKey(operator)} = {`, ...aligned(group.map((clause) => [hclKey(clause.key), writeFixValue(clause.value, family)]), '    '), '  }']), '}'].join('\n');
    case 'hcl-policy-document':
      return clauses
        .map((clause) => ['condition {', `  test     = ${writeString(clause.operator, family)}`, `  variable = ${writeString(clause.key, family)}`, `  values   = ${hclList(clause.value, family)}`, '}'].join('\n'))
        .join('\n\n');
    case 'tf-json-policy-document':
      return `"condition": [\n${clauses
        .map((clause) => `  { "test": ${JSON.stringify(clause.operator)}, "variable": ${JSON.stringify(clause.key)}, "values": ${jsonList(clause.value, family)} }`)
        .join(',\n')}\n]`;
    case 'lambda-permission':
      return lambdaPermissionText(clauses, syntax.format, family);
    default:
      return assertNever(syntax, 'policy syntax');
  }
}

function jsonCondition(clauses: readonly FixClause[], family: ValueFamily, indent: string): string {
  const operators = byOperator(clauses).map(
    ([operator, group]) => `${indent}  ${JSON.stringify(operator)}: {\n${group.map((clause) => `${indent}    ${JSON.stringify(clause.key)}: ${writeFixValue(clause.value, family)}`).join(',\n')}\n${indent}  }`,
  );
  return `{\n${operators.join(',\n')}\n${indent}}`;
}

function yamlEntry(clause: FixClause, family: ValueFamily, indent: string): string[] {
  const items = writeFixItems(clause.value, family);
  if (items) return [`${indent}${yamlScalar(clause.key)}:`, ...items.map((item) => `${indent}  - ${item}`)];
  return [`${indent}${yamlScalar(clause.key)}: ${writeFixValue(clause.value, family)}`];
}

function lambdaPermissionText(clauses: readonly FixClause[], format: 'hcl' | 'tf-json' | 'cfn-yaml' | 'cfn-json', family: ValueFamily): string {
  const names: Record<string, [string, string]> = {
    'aws:sourceaccount': ['source_account', 'SourceAccount'],
    'aws:sourcearn': ['source_arn', 'SourceArn'],
    'aws:principalorgid': ['principal_org_id', 'PrincipalOrgID'],
  };
  const lines = clauses.flatMap((clause) => {
    const name = names[clause.key.toLowerCase()];
    if (!name) return [];
    const value = writeFixValue(clause.value, family);
    if (format === 'hcl') return [[name[0], value] as [string, string]];
    if (format === 'tf-json') return [[JSON.stringify(name[0]), value] as [string, string]];
    return [[format === 'cfn-yaml' ? name[1] : JSON.stringify(name[1]), value] as [string, string]];
  });
  if (format === 'hcl') return aligned(lines, '').join('\n');
  return lines.map(([name, value]) => `${name}: ${value}`).join(format === 'cfn-yaml' ? '\n' : ',\n');
}

function serviceText(value: FixValue, syntax: PolicySyntax, family: ValueFamily): string {
  switch (syntax.kind) {
    case 'json':
    case 'cfn-json':
      return `"Service": ${writeFixValue(value, family)}`;
    case 'cfn-yaml': {
      const items = writeFixItems(value, family);
      return items ? ['Service:', ...items.map((item) => `  - ${item}`)].join('\n') : `Service: ${writeFixValue(value, family)}`;
    }
    case 'hcl-object':
      return `Service = ${writeFixValue(value, family)}`;
    case 'hcl-policy-document':
      return `identifiers = ${hclList(value, family)}`;
    case 'tf-json-policy-document':
      return `"identifiers": ${jsonList(value, family)}`;
    case 'lambda-permission':
      return syntax.format === 'hcl' ? `principal = ${writeFixValue(value, family)}` : `${syntax.format === 'cfn-yaml' ? 'Principal' : '"Principal"'}: ${writeFixValue(value, family)}`;
    default:
      return assertNever(syntax, 'policy syntax');
  }
}

function hclList(value: FixValue, family: ValueFamily): string {
  if (value.kind === 'located' && (value.value.kind === 'array' || value.value.kind === 'opaque')) return writeFixValue(value, family);
  const items = writeFixItems(value, family);
  return `[${(items ?? [writeFixValue(value, family)]).join(', ')}]`;
}

function jsonList(value: FixValue, family: ValueFamily): string {
  const items = writeFixItems(value, family);
  return `[${(items ?? [writeFixValue(value, family)]).join(', ')}]`;
}

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** `name = value` lines with the `=` aligned, as terraform fmt writes them. */
function aligned(pairs: readonly (readonly [string, string])[], indent: string): string[] {
  const width = Math.max(0, ...pairs.map(([name]) => name.length));
  return pairs.map(([name, value]) => `${indent}${name.padEnd(width)} = ${value}`);
}

/** Clauses grouped by operator, in order of first appearance (one operator appears once in a Condition). */
function byOperator(clauses: readonly FixClause[]): [string, FixClause[]][] {
  const groups = new Map<string, FixClause[]>();
  for (const clause of clauses) groups.set(clause.operator, [...(groups.get(clause.operator) ?? []), clause]);
  return [...groups];
}

function referenceNote(plan: FixPlan, policy: FoundPolicy, family: ValueFamily): string {
  const references = environmentReferencesOf(plan);
  if (references.length === 0) return '';
  if (family === 'json') {
    const placeholders = references.filter((field) => field !== 'partition').map((field) => (field === 'account' ? '<account-id>' : `<${field}>`));
    return placeholders.length > 0 ? `; replace ${placeholders.join(' and ')} with your values` : '';
  }
  if (family === 'hcl' || family === 'json-terraform' || family === 'tf-json') {
    const sources = { account: 'aws_caller_identity', region: 'aws_region', partition: 'aws_partition' } as const;
    const missing = references.map((field) => sources[field as keyof typeof sources]).filter((source) => !(policy.declaredDataSources ?? []).includes(source));
    return missing.length > 0 ? `; it reads ${missing.map((source) => `data "${source}" "current" {}`).join(', ')}, which the module must declare` : '';
  }
  return '';
}

/** The environment fields a reference in the plan's values names. */
const ENVIRONMENT_FIELDS: ReadonlySet<string> = new Set(['account', 'region', 'partition']);

/**
 * The environment fields (`account`, `region`, `partition`) the plan's references name, in the order they
 * first appear in the plan (depth first, properties in order: the order its JSON text would list them).
 */
export function environmentReferencesOf(plan: FixPlan): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    for (const key of Object.keys(value)) {
      const child: unknown = (value as Record<string, unknown>)[key];
      if (key === 'field' && typeof child === 'string' && ENVIRONMENT_FIELDS.has(child)) found.add(child);
      else visit(child);
    }
  };
  visit(plan);
  return [...found];
}
