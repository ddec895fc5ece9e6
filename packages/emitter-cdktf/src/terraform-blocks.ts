/**
 * The Terraform elements a model becomes, as plain data: built by pure functions from the model, then
 * handed to cdktf by the `DeputyRoles` construct. Every string is already a finished Terraform JSON
 * template (see `terraform-template.ts`) or, for literal-only fields, checked text.
 */

/** A value in a block body: a finished template string, a number, or a map of finished strings. */
export type TerraformJsonValue = string | number | boolean | readonly TerraformJsonValue[] | { readonly [key: string]: TerraformJsonValue };

/** A body: argument names to values, in print order. */
export type TerraformBody = { readonly [argument: string]: TerraformJsonValue };

/** A `resource` or `data` block. */
export interface ResourceBlock {
  /** A managed resource, or a data source. */
  readonly kind: 'resource' | 'data';
  /** The Terraform type, e.g. `aws_iam_role`. */
  readonly type: string;
  /** The label (the resource name in its address). */
  readonly label: string;
  /** The arguments. */
  readonly body: TerraformBody;
  /** Remarks written into the block's `//` comment property. */
  readonly notices: readonly string[];
}

/** A `variable` block for an environment parameter, validated like the HCL target's. */
export interface VariableBlock {
  /** Discriminant. */
  readonly kind: 'variable';
  /** The variable name. */
  readonly label: string;
  /** The type constraint (`string`). */
  readonly type: string;
  /** The description (read literally by Terraform). */
  readonly description: string;
  /** The validation rule. */
  readonly validation: { readonly condition: string; readonly errorMessage: string };
}

/** One entry of `locals`. */
export interface LocalValue {
  /** Discriminant. */
  readonly kind: 'local';
  /** The local name. */
  readonly label: string;
  /** The value, a finished template. */
  readonly value: string;
  /**
   * `deputy:ignore …` lint suppressions for the value. A local has no `//` comment of its own, so they go
   * into the `//` comment of the `locals` object, which covers every local.
   */
  readonly directives?: readonly string[];
}

/** An `output` block. */
export interface OutputBlock {
  /** Discriminant. */
  readonly kind: 'output';
  /** The output name. */
  readonly label: string;
  /** The description (read literally by Terraform). */
  readonly description: string;
  /** The value, a finished template. */
  readonly value: string;
  /** Remarks written into the block's `//` comment property. */
  readonly notices: readonly string[];
}

/** Any element of the plan. */
export type TerraformBlock = ResourceBlock | VariableBlock | LocalValue | OutputBlock;

/** The address of a block as Terraform spells it in references (`aws_iam_role.x`, `data.aws_region.current`, `var.x`, `local.x`, `output.x`). */
export function blockAddress(block: TerraformBlock): string {
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
  }
}

/** The address of the element with `label` in a label namespace (`resource.aws_iam_role`, `data.aws_region`, `variable`, `local`, `output`). */
export function addressInNamespace(namespace: string, label: string): string {
  if (namespace === 'variable') return `var.${label}`;
  if (namespace.startsWith('resource.')) return `${namespace.slice('resource.'.length)}.${label}`;
  return `${namespace}.${label}`;
}
