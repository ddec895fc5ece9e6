/**
 * How the account, Region and partition a policy refers to are written: `current` as the
 * `aws_caller_identity` / `aws_region` / `aws_partition` data sources, a parameter as a `variable`, a
 * literal as its text — as in the HCL target. Each interpolated expression is recorded, so the data sources
 * and variables are declared only when used.
 */
import { assertNever, type Environment, type EnvironmentField, type PolicyString } from '@deputy/policy-model';
import { variableName } from './terraform-labels.js';
import { expression, terraformTemplate, text, type TemplatePiece } from './terraform-template.js';

/** Major versions of the hashicorp/aws provider the output can target. */
export type AwsProviderMajorVersion = 5 | 6;

/** The data source each environment field reads when it is `current`. */
export const CURRENT_DATA_SOURCES: { readonly [field in EnvironmentField]: { readonly type: string; readonly label: 'current' } } = {
  account: { type: 'aws_caller_identity', label: 'current' },
  region: { type: 'aws_region', label: 'current' },
  partition: { type: 'aws_partition', label: 'current' },
};

/** What writing references needs, and where the expressions it wrote are recorded. */
export interface ReferenceContext {
  /** The model's environment. */
  readonly environment: Environment;
  /** The provider version, which names the Region attribute. */
  readonly awsProviderMajorVersion: AwsProviderMajorVersion;
  /** Every expression interpolated so far (`data.aws_region.current.region`, `var.TargetAccountId`). */
  readonly usedExpressions: Set<string>;
}

/** The expression that reads a `current` field, e.g. `data.aws_region.current.region`. */
export function currentFieldExpression(field: EnvironmentField, awsProviderMajorVersion: AwsProviderMajorVersion): string {
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

/** How one environment field is written: its literal text, or an interpolated expression (recorded as used). */
export function environmentPiece(field: EnvironmentField, context: ReferenceContext): TemplatePiece {
  const value = context.environment[field];
  switch (value.kind) {
    case 'literal':
      return text(value.value);
    case 'current':
      return used(currentFieldExpression(field, context.awsProviderMajorVersion), context);
    case 'parameter':
      return used(`var.${variableName(value.name)}`, context);
    default:
      return assertNever(value, 'environment value');
  }
}

/** A policy string as template pieces. */
export function policyStringPieces(value: PolicyString, context: ReferenceContext): TemplatePiece[] {
  if (typeof value === 'string') return [text(value)];
  return value.parts.map((part) => (typeof part === 'string' ? text(part) : environmentPiece(part.field, context)));
}

/** A policy string as a finished Terraform JSON template. */
export function policyStringTemplate(value: PolicyString, context: ReferenceContext): string {
  return terraformTemplate(policyStringPieces(value, context));
}

function used(path: string, context: ReferenceContext): TemplatePiece {
  context.usedExpressions.add(path);
  return expression(path);
}
