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
import { logicalIdClaimer, logicalIdFrom } from './logical-ids.js';
import { policyEntryValues, policyLogicalIdCandidates, policySection } from './resource-policy-entries.js';
import { roleArnOutput, roleNameOutput, roleResource } from './role-resource.js';
import { parseSubTemplate } from './sub-template.js';

/** One entry of a template section; `Value` is the entry's value, or what a printer made of it. */
export interface TemplateEntry<Value = CfnMap> {
  /** The logical ID. */
  readonly logicalId: string;
  /** Remarks for readers: comments before the entry in YAML, template Metadata in JSON. */
  readonly notices: readonly string[];
  /** The entry's value (or its printed form, see {@link planTemplate}). */
  readonly value: Value;
}

/** What a template holds, section by section, in print order. */
export interface TemplatePlan<Value = CfnMap> {
  /** Parameters for the environment fields the template refers to. */
  readonly parameters: readonly TemplateEntry<Value>[];
  /** Roles, resource policies and Lambda permissions; never empty (see {@link PLACEHOLDER_NOTICE}). */
  readonly resources: readonly TemplateEntry<Value>[];
  /** Role ARNs and names, and policy documents that have no resource type. */
  readonly outputs: readonly TemplateEntry<Value>[];
}

/** Why a template without roles or attached policies holds a placeholder resource. */
export const PLACEHOLDER_NOTICE =
  'CloudFormation requires at least one resource; this wait condition handle creates nothing and costs nothing.';

/** The placeholder's notices: one list shared by every plan, so that a printer can recognise it and format it once. */
export const PLACEHOLDER_NOTICES: readonly string[] = [PLACEHOLDER_NOTICE];

const PLACEHOLDER_ID = 'DeputyPlaceholder';
const PLACEHOLDER_RESOURCE = cfnMap([['Type', 'AWS::CloudFormation::WaitConditionHandle']]);

/**
 * Plans the template of a model. With `print`, each entry's value is handed to it as soon as the value is made
 * and its references are noted, and the plan keeps what `print` returns (the entry's text): a template of 1,000
 * roles then never holds every value tree at once, so the trees die young instead of being promoted and marked.
 */
export function planTemplate(model: DeputyModel): TemplatePlan;
export function planTemplate<Value>(model: DeputyModel, print: (value: CfnMap) => Value): TemplatePlan<Value>;
export function planTemplate<Value>(model: DeputyModel, print?: (value: CfnMap) => Value): TemplatePlan<Value | CfnMap> {
  const parameterFields = ENVIRONMENT_FIELDS.filter((field) => model.environment[field].kind === 'parameter');
  const referenced = new Set<string>();
  const entry = (logicalId: string, notices: readonly string[], value: CfnMap): TemplateEntry<Value | CfnMap> => {
    if (parameterFields.length > 0) addReferencedTargets(value, referenced);
    return { logicalId, notices, value: print ? print(value) : value };
  };
  const needsPlaceholder = model.roles.length === 0 && model.resourcePolicies.every((policy) => policySection(policy) === 'Outputs');
  const claim = logicalIdClaimer();

  const parameterIds = new Map(parameterFields.map((field) => [field, claim(parameterName(model, field))] as const));
  const binding = (field: EnvironmentField) => fieldBinding(field, model.environment[field], parameterIds.get(field));
  const bindings: EnvironmentBindings = { account: binding('account'), region: binding('region'), partition: binding('partition') };

  const roleIds = model.roles.map((role) => claim(logicalIdFrom(role.name, 'Role')));
  const resources = model.roles.map((role, index) => entry(roleIds[index]!, role.notices, roleResource(role, bindings)));
  const policyOutputs: TemplateEntry<Value | CfnMap>[] = [];
  model.resourcePolicies.forEach((policy) => {
    const entryIds = policyLogicalIdCandidates(policy).map(claim);
    const values = policyEntryValues(policy, bindings);
    const entries = values.map((value, index) => entry(entryIds[index]!, index === 0 ? policy.notices : [], value));
    (policySection(policy) === 'Outputs' ? policyOutputs : resources).push(...entries);
  });
  if (needsPlaceholder) resources.push(entry(claim(PLACEHOLDER_ID), PLACEHOLDER_NOTICES, PLACEHOLDER_RESOURCE));

  const outputs: TemplateEntry<Value | CfnMap>[] = [];
  model.roles.forEach((role, index) => {
    const roleId = roleIds[index]!;
    outputs.push(entry(claim(`${roleId}Arn`), [], roleArnOutput(role, roleId)), entry(claim(`${roleId}Name`), [], roleNameOutput(role, roleId)));
  });
  outputs.push(...policyOutputs);
  const parameters = declaredParameters(model, parameterIds, referenced).map(({ logicalId, value }) => ({ logicalId, notices: [], value: print ? print(value) : value }));
  return { parameters, resources, outputs };
}

/** Parameters for the environment fields the template refers to; unused ones are left out (cfn-lint W2001). */
function declaredParameters(model: DeputyModel, parameterIds: ReadonlyMap<EnvironmentField, string>, referenced: ReadonlySet<string>): TemplateEntry[] {
  if (parameterIds.size === 0) return [];
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

/**
 * Adds to `targets` every logical ID or pseudo parameter the value refers to through `Ref`, `Fn::Sub` variables or
 * `Fn::GetAtt`. Only Parameters are looked up in them, so a template without Parameters needs no walk.
 */
function addReferencedTargets(root: CfnValue, targets: Set<string>): void {
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
  visit(root);
}
