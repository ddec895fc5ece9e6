/** Checks of account, Region and partition values. */
import type { PathSegment } from '../load/source-document.js';
import type { EnvironmentField, EnvironmentValue } from '../model/value.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { PARTITIONS } from '../catalog/service-catalog-entry.js';

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
