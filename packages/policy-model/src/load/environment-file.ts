/**
 * An environment file (`--env-file prod.yaml`): an `environments:` entry kept outside the definitions, so that
 * one file gives the same account, Region, partition and placeholder values to every definition of a run.
 * It holds what an entry holds — `account`, `region`, `partition` (a literal, `current`, or
 * `{ parameter: Name }`) and `values` — plus, optionally, one entry per target (`json:`, `hcl:` …) whose
 * fields win for that target, as `--set hcl:region=…` does:
 *
 * ```yaml
 * account: "123456789012"
 * region: eu-west-1
 * values: { env: prod, team: ml }
 * hcl: { region: current }
 * ```
 *
 * The file is read with the definition reader and checked against the schema of an `environments:` entry;
 * every value keeps where it was written, so a problem found later (a placeholder no definition declares, a
 * value its pattern refuses) is reported in the file.
 */
import type { EnvironmentSetting } from '../definition/definition.js';
import { validateDefinitionSchema } from '../definition/validate-definition-schema.js';
import { suggestionHint } from '../did-you-mean.js';
import { ENVIRONMENT_FIELDS, type EnvironmentField } from '../model/value.js';
import { numberValueProblem, partitionRegionProblems, validateEnvironmentValue } from '../normalize/environment.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { DeputyInputError, type SourceLocation } from '../problems.js';
import { locateProblems } from './locate-problems.js';
import { parseSourceText, type PathSegment, type SourceDocument } from './source-document.js';

/** A value given outside the definition, with where it was written. */
export interface LocatedValue<T> {
  /** The value. */
  readonly value: T;
  /** Where it was written. */
  readonly location: SourceLocation;
}

/** What an environment file gives one target: an `environments:` entry whose values remember where they were written. */
export interface EnvironmentLayer {
  /** The account, Region and partition it gives (a literal, `current`, or a parameter). */
  readonly fields: Readonly<Partial<Record<EnvironmentField, LocatedValue<EnvironmentSetting>>>>;
  /** Custom placeholder values by name (integers as their digits). */
  readonly values: Readonly<Record<string, LocatedValue<string>>>;
}

/** A parsed environment file. */
export interface EnvironmentFile {
  /** The file as the user gave it. */
  readonly file: string;
  /** The entry at the top of the file: every target's values. */
  readonly base: EnvironmentLayer;
  /** Per-target entries (`hcl: { region: current }`), which win over `base` for their target. */
  readonly targets: Readonly<Record<string, EnvironmentLayer>>;
}

const ENTRY_FIELDS: readonly string[] = [...ENVIRONMENT_FIELDS, 'values'];

/**
 * Reads and checks an environment file. `targets` are the names allowed as per-target sections; every
 * problem is thrown at once, each at `file:line:column`.
 */
export function parseEnvironmentFile(text: string, file: string, targets: readonly string[]): EnvironmentFile {
  const source = parseSourceText(text, file);
  const data = source.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new DeputyInputError(locateProblems(source, [{ code: 'invalid-environment-file', message: 'an environment file is a mapping', hint: 'write account:, region:, partition:, values: and per-target sections such as hcl: { region: current }', path: [] }]));
  }
  const problems: PathProblem[] = [];
  const top: Record<string, unknown> = {};
  const sections: [string, unknown][] = [];
  for (const [key, value] of Object.entries(data)) {
    if (targets.includes(key)) sections.push([key, value]);
    else top[key] = value;
  }
  problems.push(...entryProblems(top, [], targets));
  for (const [target, value] of sections) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ code: 'invalid-environment-file', message: `the ${target} section is not a mapping`, hint: `write ${target}: { region: current } — the fields of an environments: entry`, path: [target] });
    } else {
      problems.push(...entryProblems(value as Record<string, unknown>, [target], targets));
    }
  }
  if (problems.length > 0) throw new DeputyInputError(locateProblems(source, problems));
  return {
    file,
    base: layerOf(top, [], source),
    targets: Object.fromEntries(sections.map(([target, value]) => [target, layerOf(value as Record<string, unknown>, [target], source)])),
  };
}

/** The layer one target gets: the file's top-level entry with the target's section over it. */
export function environmentLayerFor(file: EnvironmentFile, target?: string): EnvironmentLayer {
  const own = target === undefined ? undefined : file.targets[target];
  if (own === undefined) return file.base;
  return { fields: { ...file.base.fields, ...own.fields }, values: { ...file.base.values, ...own.values } };
}

/** Problems of one entry (the top of the file, or a target's section): unknown keys, then the `environments:` entry schema, then the literal values. */
function entryProblems(entry: Record<string, unknown>, path: PathSegment[], targets: readonly string[]): PathProblem[] {
  const known = path.length === 0 ? [...ENTRY_FIELDS, ...targets] : ENTRY_FIELDS;
  const problems: PathProblem[] = [];
  const checked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (ENTRY_FIELDS.includes(key)) {
      checked[key] = value;
      continue;
    }
    const where = path.length === 0 ? 'the environment file' : `the ${String(path[0])} section`;
    const fallback =
      path.length > 0 && targets.includes(key)
        ? `sections do not nest: write ${key}: at the top of the file`
        : /^[A-Za-z_]\w*$/.test(key)
          ? `a custom placeholder's value goes under values: (values: { ${key}: … })`
          : `the keys are ${known.join(', ')}`;
    problems.push({ code: 'unknown-environment-field', message: `unknown key ${JSON.stringify(key)} in ${where}`, hint: suggestionHint(key, known, fallback), path: [...path, key], atKey: true });
  }
  const account = checked['account'];
  if (typeof account === 'number') {
    problems.push(numberValueProblem('account', account, [...path, 'account']));
    delete checked['account'];
  }
  const schemaProblems = validateDefinitionSchema({ environments: { entry: checked } }).map((problem): PathProblem => ({ ...problem, path: [...path, ...problem.path.slice(2)] }));
  problems.push(...schemaProblems);
  if (schemaProblems.length > 0) return problems;
  const before = problems.length;
  for (const field of ENVIRONMENT_FIELDS) {
    const value = checked[field];
    if (typeof value === 'number') {
      problems.push(numberValueProblem(field, value, [...path, field]));
    } else if (typeof value === 'string' && value !== 'current') {
      problems.push(...validateEnvironmentValue(field, { kind: 'literal', value }, [...path, field], false));
    }
  }
  const literal = (value: unknown): string | undefined => (typeof value === 'string' && value !== 'current' ? value : undefined);
  if (problems.length === before) problems.push(...partitionRegionProblems(literal(checked['partition']), literal(checked['region']), { path: [...path, 'region'] }));
  return problems;
}

/** The checked entry's values, each with its location. */
function layerOf(entry: Record<string, unknown>, path: PathSegment[], source: SourceDocument): EnvironmentLayer {
  const at = (segments: PathSegment[]): SourceLocation => source.locate([...path, ...segments]);
  const fields: Partial<Record<EnvironmentField, LocatedValue<EnvironmentSetting>>> = {};
  for (const field of ENVIRONMENT_FIELDS) {
    const value = entry[field];
    if (value !== undefined) fields[field] = { value: value as EnvironmentSetting, location: at([field]) };
  }
  const values: Record<string, LocatedValue<string>> = {};
  for (const [name, value] of Object.entries((entry['values'] ?? {}) as Record<string, string | number>)) {
    values[name] = { value: String(value), location: at(['values', name]) };
  }
  return { fields, values };
}
