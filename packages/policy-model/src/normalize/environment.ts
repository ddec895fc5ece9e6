/** Checks of account, Region and partition values. */
import type { PathSegment } from '../load/source-document.js';
import type { EnvironmentField, EnvironmentValue } from '../model/value.js';
import type { PathProblem } from '../policy/validate-policy.js';
import type { SourceLocation } from '../problems.js';
import { PARTITIONS } from '../catalog/service-catalog-entry.js';
import { partitionOfRegion } from '../catalog/arn-pattern.js';

/** A 12-digit account ID; leading zeros are data. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
/** A Region name such as `us-east-1` or `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Problems with one environment value; `fromFlag` words the hint for `--set`. */
export function validateEnvironmentValue(field: EnvironmentField, value: EnvironmentValue, path: readonly PathSegment[], fromFlag: boolean): PathProblem[] {
  if (value.kind !== 'literal') return [];
  return literalProblems(field, value.value, path).map((problem) => (fromFlag ? { ...problem, flag: `--set ${field}` } : problem));
}

function literalProblems(field: EnvironmentField, text: string, path: readonly PathSegment[]): PathProblem[] {
  const value = { value: text };
  const where = field;
  if (field === 'account' && !ACCOUNT_ID_PATTERN.test(value.value)) {
    return [{ code: 'invalid-account-id', message: `invalid account ID ${JSON.stringify(value.value)}`, hint: `${where} is exactly 12 digits (leading zeros are part of the ID: quote it in YAML, "012345678901"), current, or { parameter: AccountId }`, path }];
  }
  if (field === 'region' && !REGION_PATTERN.test(value.value)) {
    return [{ code: 'invalid-region', message: `invalid Region ${JSON.stringify(value.value)}`, hint: `${where} is a Region name such as us-east-1, current, or { parameter: Region }`, path }];
  }
  if (field === 'partition' && !(PARTITIONS as readonly string[]).includes(value.value)) {
    return [{ code: 'invalid-partition', message: `invalid partition ${JSON.stringify(value.value)}`, hint: `${where} is aws, aws-cn, aws-us-gov or current`, path }];
  }
  return [];
}

/**
 * The problem with an account, Region or partition written as a YAML/JSON number: an account ID is a 12-digit
 * string (leading zeros are part of it), so a number is refused with the quoted form rather than converted.
 */
export function numberValueProblem(field: EnvironmentField, value: number, path: readonly PathSegment[]): PathProblem {
  if (field === 'account' && !ACCOUNT_ID_PATTERN.test(String(value))) return literalProblems(field, String(value), path)[0]!;
  if (field === 'account') {
    return { code: 'account-id-not-string', message: `account ID ${String(value)} is a number, not a string`, hint: `quote it: account: "${String(value)}"; an account ID is a 12-digit string, and leading zeros are part of it`, path };
  }
  return { code: 'invalid-environment-value', message: `${field} ${String(value)} is a number, not a string`, hint: field === 'region' ? 'write a Region name such as us-east-1' : 'write aws, aws-cn or aws-us-gov', path };
}

/** Where a literal environment value came from: a path in the definition, a command-line flag, or a place in an environment file. */
export type ValueOrigin = { readonly path: readonly PathSegment[] } | { readonly flag: string } | { readonly location: SourceLocation };

/**
 * A problem when a literal partition and a literal Region do not belong together (`aws-cn` with
 * `us-east-1`, `aws` with `cn-north-1`); reported where the Region was given.
 */
export function partitionRegionProblems(partition: string | undefined, region: string | undefined, regionOrigin: ValueOrigin): PathProblem[] {
  if (partition === undefined || region === undefined || !(PARTITIONS as readonly string[]).includes(partition) || !REGION_PATTERN.test(region)) return [];
  const expected = partitionOfRegion(region);
  if (expected === partition) return [];
  const regions = { aws: 'such as us-east-1', 'aws-cn': 'cn-north-1 or cn-northwest-1', 'aws-us-gov': 'us-gov-west-1 or us-gov-east-1' }[partition] ?? `of partition ${partition}`;
  return [
    {
      code: 'partition-region-mismatch',
      message: `Region ${region} is in partition ${expected}, not ${partition}`,
      hint: `give a Region ${regions}, or partition ${expected}`,
      ...('flag' in regionOrigin ? { path: [], flag: regionOrigin.flag } : 'location' in regionOrigin ? { path: [], location: regionOrigin.location } : { path: regionOrigin.path }),
    },
  ];
}
