/**
 * How the account, Region and partition a policy refers to are written in Terraform: `current` as the
 * `aws_caller_identity` / `aws_region` / `aws_partition` data sources, a parameter as a `variable`, a
 * literal as its text. Every Terraform serialisation asks here.
 */
import { assertNever, type Environment, type EnvironmentField, type EnvironmentValue, type PolicyString } from '@deputy/policy-model';
import { variableName } from './terraform-labels.js';
import { reference, textOrReference, type PlanReference, type PlanText, type PlanTextPart } from './plan-values.js';

/** Major versions of the hashicorp/aws provider the output can target. */
export type AwsProviderMajorVersion = 5 | 6;

/** The data source each environment field reads when it is `current`. */
export const CURRENT_DATA_SOURCES: { readonly [field in EnvironmentField]: { readonly type: string; readonly label: 'current' } } = {
  account: { type: 'aws_caller_identity', label: 'current' },
  region: { type: 'aws_region', label: 'current' },
  partition: { type: 'aws_partition', label: 'current' },
};

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

/** What each environment field becomes inside a string: literal text, or a reference. */
export type EnvironmentReferences = { readonly [field in EnvironmentField]: PlanTextPart };

/** The references of an environment, for one provider version. */
export function environmentReferences(environment: Environment, awsProviderMajorVersion: AwsProviderMajorVersion): EnvironmentReferences {
  return {
    account: fieldReference('account', environment.account, awsProviderMajorVersion),
    region: fieldReference('region', environment.region, awsProviderMajorVersion),
    partition: fieldReference('partition', environment.partition, awsProviderMajorVersion),
  };
}

function fieldReference(field: EnvironmentField, value: EnvironmentValue, awsProviderMajorVersion: AwsProviderMajorVersion): PlanTextPart {
  switch (value.kind) {
    case 'literal':
      return value.value;
    case 'current':
      return reference(currentFieldPath(field, awsProviderMajorVersion));
    case 'parameter':
      return reference(`var.${variableName(value.name)}`);
    default:
      return assertNever(value, 'environment value');
  }
}

/** A policy string as text parts, each environment field resolved (adjacent literals not yet merged). */
export function policyStringParts(value: PolicyString, references: EnvironmentReferences): PlanTextPart[] {
  if (typeof value === 'string') return [value];
  return value.parts.map((part) => (typeof part === 'string' ? part : references[part.field]));
}

/** A policy string as a plan value: text, or a bare reference when the whole string is one reference. */
export function policyStringValue(value: PolicyString, references: EnvironmentReferences): PlanText | PlanReference {
  return textOrReference(policyStringParts(value, references));
}
