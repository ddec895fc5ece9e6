/**
 * The Terraform blocks a model becomes, as plain data: built once by pure functions from the normalised
 * model, printed by `@deputy/emitter-hcl` (HCL), `@deputy/emitter-tf-json` (Terraform JSON) and turned into
 * cdktf elements by `@deputy/emitter-cdktf`.
 */
import type { EnvironmentField } from '@deputy/policy-model';
import type { PlanValue } from './plan-values.js';

/** One argument of a resource or data source. */
export interface PlanArgument {
  /** The argument name, e.g. `assume_role_policy`. */
  readonly name: string;
  /** The value. */
  readonly value: PlanValue;
}

/** A `resource` or `data` block. */
export interface PlanResource {
  /** A managed resource, or a data source. */
  readonly kind: 'resource' | 'data';
  /** The Terraform type, e.g. `aws_iam_role`. */
  readonly type: string;
  /** The label (the name in its address). */
  readonly label: string;
  /** The arguments, in print order. */
  readonly body: readonly PlanArgument[];
  /** Remarks for a reader (waived services, documented gaps, ArnEquals), printed as comments. */
  readonly notices: readonly string[];
  /** `deputy:ignore …` lint suppressions of the block itself (besides those of the documents it holds). */
  readonly directives: readonly string[];
}

/** A `variable` block for an environment parameter. */
export interface PlanVariable {
  readonly kind: 'variable';
  /** The variable name. */
  readonly label: string;
  /** The environment field the parameter stands for: it decides the validation. */
  readonly field: EnvironmentField;
  /** The type constraint. */
  readonly type: 'string';
  /** The description (read literally by Terraform). */
  readonly description: string;
  /** The validation: a regular expression the value must match, and the message when it does not. */
  readonly validation: { readonly pattern: string; readonly errorMessage: string };
}

/** One local value (printed in a `locals` block). */
export interface PlanLocal {
  readonly kind: 'local';
  /** The local name. */
  readonly label: string;
  /** The value. */
  readonly value: PlanValue;
  /** Remarks for a reader. */
  readonly notices: readonly string[];
}

/** An `output` block. */
export interface PlanOutput {
  readonly kind: 'output';
  /** The output name. */
  readonly label: string;
  /** The description (read literally by Terraform). */
  readonly description: string;
  /** The value. */
  readonly value: PlanValue;
}

/** One provider requirement of the `terraform` block. */
export interface PlanProviderRequirement {
  /** The local name, e.g. `aws`. */
  readonly name: string;
  /** The registry source, e.g. `hashicorp/aws`. */
  readonly source: string;
  /** The version constraint, e.g. `~> 6.0`. */
  readonly version: string;
}

/** The `terraform { required_providers { … } }` block. */
export interface PlanTerraformSettings {
  readonly kind: 'terraform';
  /** The providers the configuration needs, pinned to the major version the output is written for. */
  readonly requiredProviders: readonly PlanProviderRequirement[];
}

/** Any block of a plan. */
export type PlanBlock = PlanResource | PlanVariable | PlanLocal | PlanOutput | PlanTerraformSettings;

/** The address of a block as Terraform spells it in references (`aws_iam_role.x`, `data.aws_region.current`, `var.x`, `local.x`, `output.x`, `terraform`). */
export function planBlockAddress(block: PlanBlock): string {
  switch (block.kind) {
    case 'resource':
      return `${block.type}.${block.label}`;
    case 'data':
      return `data.${block.type}.${block.label}`;
    case 'variable':
      return `var.${block.label}`;
    case 'local':
      return `local.${block.label}`;
    case 'output':
      return `output.${block.label}`;
    case 'terraform':
      return 'terraform';
  }
}

/** The address of the element with `label` in a label namespace (`resource.aws_iam_role`, `data.aws_region`, `variable`, `local`, `output`). */
export function addressInNamespace(namespace: string, label: string): string {
  if (namespace === 'variable') return `var.${label}`;
  if (namespace.startsWith('resource.')) return `${namespace.slice('resource.'.length)}.${label}`;
  return `${namespace}.${label}`;
}
