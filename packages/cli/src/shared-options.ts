/** Option parsing shared by several commands. */
import { DeputyInputError, ENVIRONMENT_FIELDS, type EnvironmentField } from '@deputy/policy-model';

/** Collects repeated `--set key=value` flags. */
export function collectSet(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses `--set` flags into environment values. */
export function parseSetFlags(values: readonly string[]): Partial<Record<EnvironmentField, string>> {
  const result: Partial<Record<EnvironmentField, string>> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const key = equals < 0 ? value : value.slice(0, equals);
    if (equals < 0 || !(ENVIRONMENT_FIELDS as readonly string[]).includes(key)) {
      throw new DeputyInputError([{ code: 'invalid-set', message: `invalid --set ${JSON.stringify(value)}`, hint: 'write --set account=123456789012, --set region=us-east-1 or --set partition=aws', file: '--set' }]);
    }
    result[key as EnvironmentField] = value.slice(equals + 1);
  }
  return result;
}

/** Checks a flag against its allowed values. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DeputyInputError([{ code: 'invalid-flag', message: `invalid ${flag} ${JSON.stringify(value)}`, hint: `use ${allowed.join(' or ')}`, file: flag }]);
}
