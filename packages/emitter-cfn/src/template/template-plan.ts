/**
 * The content of a template before it is printed: Parameters, Resources and Outputs with their logical IDs,
 * values and notices. Both formats print the same plan.
 */
import type { DeputyModel, EnvironmentField } from '@deputy/policy-model';
import { ENVIRONMENT_FIELDS } from '@deputy/policy-model';
import type { CfnMap, CfnValue } from './cfn-value.js';
import { cfnMap } from './cfn-value.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import { fieldBinding, parameterDeclaration } from './environment-bindings.js';
import { logicalIdFrom, uniqueLogicalIds } from './logical-ids.js';
import { policyEntryValues, policyLogicalIdCandidates, policySection } from './resource-policy-entries.js';
import { roleArnOutput, roleNameOutput, roleResource } from './role-resource.js';
import { parseSubTemplate } from './sub-template.js';

/** One entry of a template section. */
export interface TemplateEntry {
  /** The logical ID. */
  readonly logicalId: string;
  /** Remarks for readers: comments before the entry in YAML, template Metadata in JSON. */
  readonly notices: readonly string[];
  /** The entry's value. */
  readonly value: CfnMap;
}

/** What a template holds, section by section, in print order. */
export interface TemplatePlan {
  /** Parameters for the environment fields the template refers to. */
  readonly parameters: readonly TemplateEntry[];
  /** Roles, resource policies and Lambda permissions; never empty (see {@link PLACEHOLDER_NOTICE}). */
  readonly resources: readonly TemplateEntry[];
  /** Role ARNs and names, and policy documents that have no resource type. */
  readonly outputs: readonly TemplateEntry[];
}

/** Why a template without roles or attached policies holds a placeholder resource. */
export const PLACEHOLDER_NOTICE =
  'CloudFormation requires at least one resource; this wait condition handle creates nothing and costs nothing.';

const PLACEHOLDER_ID = 'DeputyPlaceholder';

/** Plans the template of a model. */
export function planTemplate(model: DeputyModel): TemplatePlan {
  const parameterFields = ENVIRONMENT_FIELDS.filter((field) => model.environment[field].kind === 'parameter');
  const needsPlaceholder = model.roles.length === 0 && model.resourcePolicies.every((policy) => policySection(policy) === 'Outputs');
  const ids = uniqueLogicalIds([
    ...parameterFields.map((field) => parameterName(model, field)),
    ...model.roles.map((role) => logicalIdFrom(role.name, 'Role')),
    ...model.resourcePolicies.flatMap(policyLogicalIdCandidates),
    ...(needsPlaceholder ? [PLACEHOLDER_ID] : []),
  ]);
  let next = 0;
  const take = (count: number) => ids.slice(next, (next += count));

  const parameterIds = new Map(parameterFields.map((field) => [field, take(1)[0]!] as const));
  const bindings = Object.fromEntries(
    ENVIRONMENT_FIELDS.map((field) => [field, fieldBinding(field, model.environment[field], parameterIds.get(field))]),
  ) as EnvironmentBindings;

  const roleIds = take(model.roles.length);
  const resources: TemplateEntry[] = model.roles.map((role, index) => ({ logicalId: roleIds[index]!, notices: role.notices, value: roleResource(role, bindings) }));
  const policyOutputs: TemplateEntry[] = [];
  for (const policy of model.resourcePolicies) {
    const values = policyEntryValues(policy, bindings);
    const entryIds = take(values.length);
    const entries = values.map((value, index) => ({ logicalId: entryIds[index]!, notices: index === 0 ? policy.notices : [], value }));
    (policySection(policy) === 'Outputs' ? policyOutputs : resources).push(...entries);
  }
  if (needsPlaceholder) resources.push({ logicalId: take(1)[0]!, notices: [PLACEHOLDER_NOTICE], value: cfnMap([['Type', 'AWS::CloudFormation::WaitConditionHandle']]) });

  const outputs = [...roleOutputEntries(model, ids, roleIds), ...policyOutputs];
  const referenced = referencedTargets([...resources, ...outputs].map((entry) => entry.value));
  return { parameters: declaredParameters(model, parameterIds, referenced), resources, outputs };
}

/** The ARN and name Outputs of every role, with IDs made unique against every ID already taken. */
function roleOutputEntries(model: DeputyModel, taken: readonly string[], roleIds: readonly string[]): TemplateEntry[] {
  const outputIds = uniqueLogicalIds([...taken, ...roleIds.flatMap((id) => [`${id}Arn`, `${id}Name`])]).slice(taken.length);
  return model.roles.flatMap((role, index): TemplateEntry[] => [
    { logicalId: outputIds[2 * index]!, notices: [], value: roleArnOutput(role, roleIds[index]!) },
    { logicalId: outputIds[2 * index + 1]!, notices: [], value: roleNameOutput(role, roleIds[index]!) },
  ]);
}

/** Parameters for the environment fields the template refers to; unused ones are left out (cfn-lint W2001). */
function declaredParameters(model: DeputyModel, parameterIds: ReadonlyMap<EnvironmentField, string>, referenced: ReadonlySet<string>): TemplateEntry[] {
  return [...parameterIds].flatMap(([field, logicalId]): TemplateEntry[] => {
    const value = model.environment[field];
    if (!referenced.has(logicalId) || value.kind !== 'parameter') return [];
    return [{ logicalId, notices: [], value: parameterDeclaration(field, value.description) }];
  });
}

function parameterName(model: DeputyModel, field: EnvironmentField): string {
  const value = model.environment[field];
  return logicalIdFrom(value.kind === 'parameter' ? value.name : field);
}

/** Every logical ID or pseudo parameter the values refer to through `Ref`, `Fn::Sub` variables or `Fn::GetAtt`. */
export function referencedTargets(values: readonly CfnValue[]): Set<string> {
  const targets = new Set<string>();
  const visit = (value: CfnValue): void => {
    if (typeof value !== 'object') return;
    switch (value.kind) {
      case 'map':
        return value.entries.forEach((entry) => visit(entry.value));
      case 'list':
        return value.items.forEach(visit);
      case 'join':
        return value.items.forEach(visit);
      case 'ref':
        targets.add(value.target);
        return;
      case 'get-att':
        targets.add(value.resource);
        return;
      case 'sub':
        for (const part of parseSubTemplate(value.template)) if (typeof part !== 'string') targets.add(part.variable);
        return;
    }
  };
  values.forEach(visit);
  return targets;
}
