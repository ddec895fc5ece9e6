/** Option parsing shared by several commands. */
import { DeputyInputError, ENVIRONMENT_FIELDS, environmentLayerFor, validateEnvironmentValue, type EnvironmentField, type EnvironmentFile, type EnvironmentLayer, type LoadDefinitionOptions, type Partition } from '@deputy/policy-model';

/** Collects repeated `--set key=value` flags. */
export function collectSet(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Literal environment values from `--set`, each already checked. */
export interface SetValues {
  /** A 12-digit account ID. */
  account?: string;
  /** A Region name. */
  region?: string;
  /** A partition. */
  partition?: Partition;
}

/** Parses and checks `--set` flags. */
export function parseSetFlags(values: readonly string[]): SetValues {
  const result: Partial<Record<EnvironmentField, string>> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const key = equals < 0 ? value : value.slice(0, equals);
    if (equals < 0 || !(ENVIRONMENT_FIELDS as readonly string[]).includes(key)) {
      throw new DeputyInputError([{ code: 'invalid-set', message: `invalid --set ${JSON.stringify(value)}`, hint: 'write --set account=123456789012, --set region=us-east-1 or --set partition=aws', file: '--set' }]);
    }
    const field = key as EnvironmentField;
    const problems = validateEnvironmentValue(field, { kind: 'literal', value: value.slice(equals + 1) }, [], true);
    if (problems.length > 0) throw new DeputyInputError(problems.map((problem) => ({ code: problem.code, message: problem.message, hint: problem.hint, file: `--set ${field}` })));
    result[field] = value.slice(equals + 1);
  }
  return result as SetValues;
}

/** Checks a flag against its allowed values. */
export function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DeputyInputError([{ code: 'invalid-flag', message: `invalid ${flag} ${JSON.stringify(value)}`, hint: `use ${allowed.join(' or ')}`, file: flag }]);
}

/** Parses `--aws-provider-version 5|6`. */
export function providerVersion(value: string | undefined): 5 | 6 | undefined {
  const version = choice('--aws-provider-version', value, ['5', '6'] as const);
  return version === undefined ? undefined : (Number(version) as 5 | 6);
}

/** What `--set` and `--env-file` give one target: environment fields and custom placeholder values. */
export interface TargetSetValues {
  /** Literal account, Region and partition from `--set`. */
  readonly environment: SetValues;
  /** Custom placeholder values by name from `--set` (checked against each definition's declarations when it loads). */
  readonly placeholders: Readonly<Record<string, string>>;
  /** What the environment file gives this target (its top-level entry with the target's section over it); below `--set`. */
  readonly file?: EnvironmentLayer;
}

/** The loader options one target's `--set` / `--env-file` values and `--env` give a definition, as emit, check and verify load it. */
export function definitionLoadOptions(values: TargetSetValues, environment: string | undefined): LoadDefinitionOptions {
  return {
    set: values.environment,
    placeholderValues: values.placeholders,
    ...(values.file ? { environmentFile: values.file } : {}),
    ...(environment !== undefined ? { environment } : {}),
  };
}

/**
 * Parses `--set [target:]name=value` flags for `emit` and `check`: `--set account=…` applies to every target,
 * `--set json:account=…` to the json target only (and wins over the unscoped value). Names other than
 * account, region and partition are custom placeholders. With an environment file, each target also gets
 * the file's entry for it (below `--set`). `command` names a command without targets (`verify`), which
 * refuses scoped flags.
 */
export function parseScopedSetFlags(values: readonly string[], targets: readonly string[], environmentFile?: EnvironmentFile, command?: string): (target?: string) => TargetSetValues {
  const unscoped: string[] = [];
  const scoped = new Map<string, string[]>();
  for (const value of values) {
    const scope = /^([a-z][a-z-]*):(?=[A-Za-z_][\w]*=)/.exec(value);
    if (scope === null) {
      unscoped.push(value);
      continue;
    }
    const target = scope[1]!;
    if (!targets.includes(target)) {
      const hint = command !== undefined ? `drop the ${target}: prefix` : `scope it to one of ${targets.join(', ')}, or drop the ${target}: prefix`;
      throw new DeputyInputError([{ code: 'invalid-set', message: command !== undefined ? `--set ${value} is scoped to target ${target}, but ${command} has no targets` : `--set ${value} is scoped to ${target}, which this run does not emit`, hint, file: '--set' }]);
    }
    scoped.set(target, [...(scoped.get(target) ?? []), value.slice(scope[0].length)]);
  }
  const base = splitSet(unscoped);
  return (target) => {
    const own = splitSet(target === undefined ? [] : (scoped.get(target) ?? []));
    const file = environmentFile === undefined ? {} : { file: environmentLayerFor(environmentFile, target) };
    return { environment: { ...base.environment, ...own.environment }, placeholders: { ...base.placeholders, ...own.placeholders }, ...file };
  };
}

function splitSet(values: readonly string[]): TargetSetValues {
  const fields: string[] = [];
  const placeholders: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const key = equals < 0 ? value : value.slice(0, equals);
    if ((ENVIRONMENT_FIELDS as readonly string[]).includes(key) || equals < 0 || !/^[A-Za-z_]\w*$/.test(key)) fields.push(value);
    else placeholders[key] = value.slice(equals + 1);
  }
  return { environment: parseSetFlags(fields), placeholders };
}
