/**
 * A model as a Terraform plan: the blocks of its roles and resource policies in definition order, then the
 * roles' outputs; and, apart, the shared declarations (provider, data sources, variables) those blocks use.
 */
import { ENVIRONMENT_FIELDS, type DeputyModel, type EnvironmentField, type Interpolation } from '@deputy/policy-model';
import { forEachInterpolation } from './policy-interpolations.js';
import { environmentReferences, type AwsProviderMajorVersion, type EnvironmentReferences } from './environment-references.js';
import { planBlockAddress, type PlanBlock, type PlanOutput } from './plan-blocks.js';
import type { PlanContext } from './plan-context.js';
import type { PlanValue } from './plan-values.js';
import { resourcePolicyBlocks } from './resource-policy-blocks.js';
import { roleBlocks, roleOutputs } from './role-blocks.js';
import type { SharedDeclarations, SharedVariable } from './shared-declarations.js';
import { LabelNamespaces, variableName } from './terraform-labels.js';

/** Options of {@link planTerraform}. */
export interface TerraformPlanOptions {
  /** The hashicorp/aws provider major version the output is written for (default 6): it names the Region attribute. */
  readonly awsProviderMajorVersion?: AwsProviderMajorVersion;
  /** Labels already taken, by namespace (`resource.aws_iam_role`, `output`, …): planned labels avoid them. */
  readonly reservedLabels?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** A model's Terraform plan. */
export interface TerraformPlan {
  /** The definition file, for headers and errors. */
  readonly source: string;
  /** How environment fields are written inside strings (policy documents resolve their references with it). */
  readonly references: EnvironmentReferences;
  /** The definition's own blocks: roles, resource policies, then role outputs. */
  readonly blocks: readonly PlanBlock[];
  /** The shared declarations the blocks use. */
  readonly declarations: SharedDeclarations;
  /** Each role's `aws_iam_role` label, by role name. */
  readonly roleLabels: ReadonlyMap<string, string>;
}

/**
 * Plans already made, per model and provider version (without reserved labels): a CLI run asks for the same
 * model's plan once per Terraform target and once for the directory's checks. A plan is never mutated.
 */
const planned = new WeakMap<DeputyModel, Map<AwsProviderMajorVersion, TerraformPlan>>();

/** Plans a model. Pure: the same model and options always give the same plan (made once, then shared). */
export function planTerraform(model: DeputyModel, options: TerraformPlanOptions = {}): TerraformPlan {
  const awsProviderMajorVersion = options.awsProviderMajorVersion ?? 6;
  if (options.reservedLabels !== undefined) return buildPlan(model, awsProviderMajorVersion, options.reservedLabels);
  let byVersion = planned.get(model);
  if (byVersion === undefined) {
    byVersion = new Map();
    planned.set(model, byVersion);
  }
  let plan = byVersion.get(awsProviderMajorVersion);
  if (plan === undefined) {
    plan = buildPlan(model, awsProviderMajorVersion, undefined);
    byVersion.set(awsProviderMajorVersion, plan);
  }
  return plan;
}

function buildPlan(model: DeputyModel, awsProviderMajorVersion: AwsProviderMajorVersion, reservedLabels: TerraformPlanOptions['reservedLabels']): TerraformPlan {
  const labels = new LabelNamespaces();
  for (const [namespace, taken] of reservedLabels ?? []) for (const label of taken) labels.reserve(namespace, label);
  const context: PlanContext = { references: environmentReferences(model.environment, awsProviderMajorVersion), labels };
  const blocks: PlanBlock[] = [];
  const outputs: PlanOutput[] = [];
  const roleLabels = new Map<string, string>();
  for (const role of model.roles) {
    const planned = roleBlocks(role, context);
    roleLabels.set(role.name, planned.label);
    blocks.push(...planned.blocks);
    outputs.push(...roleOutputs(role, planned.label, context));
  }
  for (const policy of model.resourcePolicies) blocks.push(...resourcePolicyBlocks(policy, context));
  blocks.push(...outputs);
  return { source: model.source, references: context.references, blocks, declarations: declarationsOf(model, context.references, blocks, awsProviderMajorVersion), roleLabels };
}

/**
 * Every address a model's own blocks declare (`aws_iam_role.x`, `output.x_arn`, `local.x_json`, …), shared
 * declarations excluded: definitions written to one Terraform directory must not repeat any of them.
 */
export function plannedAddresses(model: DeputyModel, options: TerraformPlanOptions = {}): string[] {
  return directoryEntry(model, options).addresses;
}

/** What a directory of Terraform output needs to know of one model: the shared declarations it uses and the addresses it declares. */
export interface DirectoryEntry {
  /** The shared declarations the model's blocks use. */
  readonly declarations: SharedDeclarations;
  /** Every address the model's own blocks declare. */
  readonly addresses: string[];
}

/** The model's {@link DirectoryEntry}, from one plan. */
export function directoryEntry(model: DeputyModel, options: TerraformPlanOptions = {}): DirectoryEntry {
  const plan = planTerraform(model, options);
  return { declarations: plan.declarations, addresses: plan.blocks.map(planBlockAddress) };
}


function declarationsOf(
  model: DeputyModel,
  references: EnvironmentReferences,
  blocks: readonly PlanBlock[],
  awsProviderMajorVersion: AwsProviderMajorVersion,
): SharedDeclarations {
  const used = usedFields(references, blocks);
  const currentFields: EnvironmentField[] = [];
  const variables: SharedVariable[] = [];
  for (const field of ENVIRONMENT_FIELDS) {
    const value = model.environment[field];
    if (!used.has(field)) continue;
    if (value.kind === 'current') currentFields.push(field);
    if (value.kind === 'parameter' && !variables.some((variable) => variable.name === variableName(value.name))) {
      variables.push({ name: variableName(value.name), field, description: value.description, source: model.source });
    }
  }
  return { awsProviderMajorVersion, currentFields, variables };
}

/** The environment fields the blocks refer to, in text values and inside policy documents. */
function usedFields(references: EnvironmentReferences, blocks: readonly PlanBlock[]): Set<EnvironmentField> {
  const used = new Set<EnvironmentField>();
  const addInterpolated = (interpolation: Interpolation): void => {
    for (let index = 0; index < interpolation.parts.length; index++) {
      const part = interpolation.parts[index]!;
      if (typeof part !== 'string') used.add(part.field);
    }
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.kind === 'resource' || block.kind === 'data') {
      for (let argument = 0; argument < block.body.length; argument++) addUsedFields(block.body[argument]!.value, references, used, addInterpolated);
    } else if (block.kind === 'local' || block.kind === 'output') addUsedFields(block.value, references, used, addInterpolated);
  }
  return used;
}

function addUsedFields(value: PlanValue, references: EnvironmentReferences, used: Set<EnvironmentField>, addInterpolated: (interpolation: Interpolation) => void): void {
  switch (value.kind) {
    case 'text':
      for (let index = 0; index < value.parts.length; index++) {
        const part = value.parts[index]!;
        if (typeof part !== 'string') addReferencedField(part.path, references, used);
      }
      return;
    case 'reference':
      addReferencedField(value.path, references, used);
      return;
    case 'map':
      for (const entry of value.entries) addUsedFields(entry.value, references, used, addInterpolated);
      return;
    case 'policy':
      forEachInterpolation(value.document, addInterpolated);
      return;
    case 'number':
      return;
  }
}

/** Adds the environment field a reference path reads, if any: the last in field order when several read the same path. */
function addReferencedField(path: string, references: EnvironmentReferences, used: Set<EnvironmentField>): void {
  for (let index = ENVIRONMENT_FIELDS.length - 1; index >= 0; index--) {
    const field = ENVIRONMENT_FIELDS[index]!;
    const part = references[field];
    if (typeof part !== 'string' && part.path === path) {
      used.add(field);
      return;
    }
  }
}
