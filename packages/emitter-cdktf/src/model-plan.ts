/**
 * A model (or the chosen roles and resource policies of it) as a plan of Terraform elements: variables and
 * `current` data sources first, then each role and resource policy in definition order. Pure: the
 * construct turns the plan into cdktf elements.
 */
import { DeputyInputError, suggestionHint, type DeputyModel, type Problem } from '@deputy/policy-model';
import { environmentBlocks } from './environment-blocks.js';
import type { AwsProviderMajorVersion } from './environment-references.js';
import type { PlanContext } from './plan-context.js';
import { resourcePolicyBlocks } from './resource-policy-blocks.js';
import { roleBlocks } from './role-blocks.js';
import { addressInNamespace, type TerraformBlock } from './terraform-blocks.js';
import { LabelNamespaces } from './terraform-labels.js';

/** Which parts of a model to plan. Omitted: the whole model. */
export interface ModelSelection {
  /** Names of the roles to include; omitted means none when a selection is given. */
  readonly roles?: readonly string[];
  /** Names of the resource policies to include; omitted means none when a selection is given. */
  readonly resourcePolicies?: readonly string[];
}

/** Options of {@link modelPlan}. */
export interface ModelPlanOptions {
  /** The hashicorp/aws provider major version the output is written for (default 6): it names the Region attribute. */
  readonly awsProviderMajorVersion?: AwsProviderMajorVersion;
  /** Only these roles and resource policies; default: all of them. */
  readonly only?: ModelSelection;
  /**
   * Addresses already declared in the stack, by namespace (`resource.aws_iam_role` → labels, `output`,
   * `local`, `data.aws_region`, `variable`). New labels avoid them; `current` data sources and variables
   * with the same address are reused.
   */
  readonly existing?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The planned elements, and the label of each role by role name. */
export interface ModelPlan {
  /** Elements to create, in print order. */
  readonly blocks: readonly TerraformBlock[];
  /** The `aws_iam_role` label of each planned role, by role name. */
  readonly roleLabels: ReadonlyMap<string, string>;
  /** Addresses of existing `current` data sources and variables the plan refers to instead of declaring them. */
  readonly reused: readonly string[];
}

/** Plans the Terraform elements of a model. */
export function modelPlan(model: DeputyModel, options: ModelPlanOptions = {}): ModelPlan {
  const selected = selectModel(model, options.only);
  const labels = new LabelNamespaces();
  const existingAddresses = new Set<string>();
  for (const [namespace, taken] of options.existing ?? []) {
    for (const label of taken) {
      labels.reserve(namespace, label);
      existingAddresses.add(addressInNamespace(namespace, label));
    }
  }
  const context: PlanContext = {
    environment: model.environment,
    awsProviderMajorVersion: options.awsProviderMajorVersion ?? 6,
    usedExpressions: new Set(),
    labels,
    source: model.source,
  };
  const roleLabels = new Map<string, string>();
  const policyBlocks: TerraformBlock[] = [];
  for (const role of selected.roles) {
    const planned = roleBlocks(role, context);
    roleLabels.set(role.name, planned.label);
    policyBlocks.push(...planned.blocks);
  }
  for (const policy of selected.resourcePolicies) policyBlocks.push(...resourcePolicyBlocks(policy, context));
  const environment = environmentBlocks(context, existingAddresses);
  return { blocks: [...environment.variables, ...environment.dataSources, ...policyBlocks], roleLabels, reused: environment.reused };
}

/** The model restricted to the selection; unknown names are a user error with suggestions. */
export function selectModel(model: DeputyModel, only: ModelSelection | undefined): DeputyModel {
  if (only === undefined) return model;
  const roleNames = model.roles.map((role) => role.name);
  const policyNames = model.resourcePolicies.map((policy) => policy.name);
  const problems = [
    ...(only.roles ?? []).filter((name) => !roleNames.includes(name)).map((name) => unknownName('role', name, roleNames, model.source)),
    ...(only.resourcePolicies ?? []).filter((name) => !policyNames.includes(name)).map((name) => unknownName('resource policy', name, policyNames, model.source)),
  ];
  if (problems.length > 0) throw new DeputyInputError(problems);
  return {
    ...model,
    roles: model.roles.filter((role) => only.roles?.includes(role.name) ?? false),
    resourcePolicies: model.resourcePolicies.filter((policy) => only.resourcePolicies?.includes(policy.name) ?? false),
  };
}

function unknownName(kind: string, name: string, known: readonly string[], source: string): Problem {
  return {
    code: 'unknown-selection',
    message: `the model has no ${kind} named ${JSON.stringify(name)}`,
    hint: suggestionHint(name, known, known.length > 0 ? `its ${kind} names are ${known.map((known) => JSON.stringify(known)).join(', ')}` : `the model has no ${kind}`),
    file: source,
  };
}
