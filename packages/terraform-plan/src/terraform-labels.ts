/**
 * Terraform labels (resource, data source, variable, local and output names) derived from model names —
 * one rule for every Terraform serialisation, so `aws_iam_role.orders_workflow` is the same address in the
 * `.tf`, the `.tf.json` and a cdktf stack, and state moves freely between them.
 *
 * A label is snake_case, starts with a letter or underscore and holds only `[a-z0-9_]`. Labels are unique
 * within their namespace in one plan: the first owner keeps a label, later collisions get `_2`, `_3`, … in
 * model order, so a label only changes when the definition does. Across definitions written to one
 * directory, a repeated address is refused (see `plannedAddresses`).
 */
import type { PolicyString } from '@deputy/policy-model';

const UNNAMED = 'unnamed';

/** Turns a name or id such as `PersonalizeRole`, `s3-access` or `AmazonS3ReadOnlyAccess` into `personalize_role`, `s3_access`, `amazon_s3_read_only_access`. */
export function snakeCaseLabel(name: string): string {
  if (KEBAB_OR_SNAKE_CASE.test(name)) return name.replaceAll('-', '_');
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (words === '') return UNNAMED;
  return /^[0-9]/.test(words) ? `_${words}` : words;
}

/** A name the rules below would only change by writing each `-` as `_` (most names: `orders-reader`, `s3_access`). */
const KEBAB_OR_SNAKE_CASE = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/** The label base for a named model item: its name in snake_case, or its id when the name has no usable letters. */
export function labelFor(item: { readonly name: string; readonly id: string }): string {
  const fromName = snakeCaseLabel(item.name);
  return fromName === UNNAMED ? snakeCaseLabel(item.id) : fromName;
}

/** A label part for a managed policy: the policy name at the end of its ARN (`AmazonS3ReadOnlyAccess` → `amazon_s3_read_only_access`). */
export function managedPolicyLabel(arn: PolicyString): string {
  const tail = typeof arn === 'string' ? arn : arn.parts[arn.parts.length - 1];
  if (typeof tail !== 'string') return 'managed_policy';
  const name = tail.slice(tail.lastIndexOf('/') + 1);
  return name === '' ? 'managed_policy' : snakeCaseLabel(name);
}

const RESERVED_VARIABLE_NAMES = new Set(['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals']);

/**
 * The Terraform variable name for a parameter, in Terraform's own convention: snake_case (`WorkloadAccountId`
 * → `workload_account_id`; the CloudFormation Parameter keeps the PascalCase name); a name Terraform reserves
 * for variables (`count`, `source`, …) gets `_value`.
 */
export function variableName(parameterName: string): string {
  const name = snakeCaseLabel(parameterName);
  return RESERVED_VARIABLE_NAMES.has(name) ? `${name}_value` : name;
}

/**
 * Hands out unique labels per namespace (`resource.aws_iam_role`, `data.aws_iam_policy_document`, `output`,
 * `local`, …). Labels already taken elsewhere (another construct in a cdktf stack) can be reserved first.
 */
export class LabelNamespaces {
  private readonly taken = new Map<string, Set<string>>();

  /** Marks a label as taken in a namespace. */
  reserve(namespace: string, label: string): void {
    this.namespace(namespace).add(label);
  }

  /** True when the label is taken in the namespace. */
  has(namespace: string, label: string): boolean {
    return this.taken.get(namespace)?.has(label) ?? false;
  }

  /** Reserves and returns a unique label derived from `base` (already a valid label). */
  claim(namespace: string, base: string): string {
    const taken = this.namespace(namespace);
    let label = base;
    for (let suffix = 2; taken.has(label); suffix++) label = `${base}_${suffix}`;
    taken.add(label);
    return label;
  }

  private namespace(name: string): Set<string> {
    let set = this.taken.get(name);
    if (!set) {
      set = new Set();
      this.taken.set(name, set);
    }
    return set;
  }
}
