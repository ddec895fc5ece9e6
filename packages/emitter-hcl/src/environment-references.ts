/**
 * How the account, Region and partition a policy refers to are written in Terraform: `current` as the
 * `aws_caller_identity` / `aws_region` / `aws_partition` data sources, a parameter as a `variable`, a
 * literal as its text.
 */
import {
  assertNever,
  type Environment,
  type EnvironmentField,
  type EnvironmentValue,
  type PolicyString,
} from '@deputy/policy-model';
import type { AwsProviderMajorVersion } from './hcl-emit-options.js';
import { snakeCaseLabel } from './hcl-label.js';
import { template, text, traversal, type HclExpression, type HclTemplatePart } from './hcl-syntax.js';

/** The data source each environment field reads when it is `current`, and the attribute holding the value. */
export const CURRENT_DATA_SOURCES: { readonly [field in EnvironmentField]: { readonly type: string; readonly label: 'current' } } = {
  account: { type: 'aws_caller_identity', label: 'current' },
  region: { type: 'aws_region', label: 'current' },
  partition: { type: 'aws_partition', label: 'current' },
};

/** What the printer needs to know to write references. */
export interface ReferenceContext {
  /** The model's environment. */
  readonly environment: Environment;
  /** The provider version, which names the Region attribute. */
  readonly awsProviderMajorVersion: AwsProviderMajorVersion;
}

/** The traversal that reads a `current` field, e.g. `data.aws_region.current.region`. */
export function currentFieldPath(field: EnvironmentField, awsProviderMajorVersion: AwsProviderMajorVersion): string {
  const source = CURRENT_DATA_SOURCES[field];
  return `data.${source.type}.${source.label}.${currentAttribute(field, awsProviderMajorVersion)}`;
}

function currentAttribute(field: EnvironmentField, awsProviderMajorVersion: AwsProviderMajorVersion): string {
  switch (field) {
    case 'account':
      return 'account_id';
    case 'region':
      return awsProviderMajorVersion >= 6 ? 'region' : 'name';
    case 'partition':
      return 'partition';
    default:
      return assertNever(field, 'environment field');
  }
}

const RESERVED_VARIABLE_NAMES = new Set(['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals']);

/**
 * The Terraform variable name for a parameter: its own name when Terraform accepts it as an identifier,
 * a snake_case form otherwise; a name Terraform reserves for variables (`count`, `source`, …) gets `_value`.
 */
export function variableName(parameterName: string): string {
  const name = /^[A-Za-z_][A-Za-z0-9_-]*$/.test(parameterName) ? parameterName : snakeCaseLabel(parameterName);
  return RESERVED_VARIABLE_NAMES.has(name) ? `${name}_value` : name;
}

/** How one environment field is written inside a string: literal text, or a traversal. */
export function environmentPart(field: EnvironmentField, context: ReferenceContext): HclTemplatePart {
  const value: EnvironmentValue = context.environment[field];
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'current':
      return traversal(currentFieldPath(field, context.awsProviderMajorVersion));
    case 'parameter':
      return traversal(`var.${variableName(value.name)}`);
    default:
      return assertNever(value, 'environment value');
  }
}

/**
 * A policy string as an expression: a quoted string, a string template with interpolations, or a bare
 * reference when the whole string is one reference.
 */
export function policyStringExpression(value: PolicyString, context: ReferenceContext): HclExpression {
  if (typeof value === 'string') return text(value);
  const parts: HclTemplatePart[] = [];
  for (const part of value.parts) {
    const resolved = typeof part === 'string' ? part : environmentPart(part.field, context);
    const last = parts[parts.length - 1];
    if (typeof resolved === 'string' && typeof last === 'string') parts[parts.length - 1] = last + resolved;
    else if (resolved !== '') parts.push(resolved);
  }
  const [only] = parts;
  if (parts.length === 1 && only !== undefined && typeof only !== 'string') return only;
  if (parts.length === 0) return text('');
  return template(parts);
}
