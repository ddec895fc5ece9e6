/**
 * Environments and custom placeholders, applied to a parsed definition before it is checked: the chosen
 * environment (`--env prod`) and the environment file (`--env-file`) replace the account, Region and
 * partition, and every `{{name}}` of a declared placeholder becomes its value, so the rest of the loader sees
 * an ordinary definition. Paths do not change, so every later problem is still reported where it was written
 * (a value from the environment file, in that file).
 *
 * Precedence, for placeholder values and for account, Region and partition alike: `--set` > `--env-file` >
 * `environments.<name>` (`--env`) > the placeholder's `default` or the definition's top-level field. One
 * guard: a literal account, Region or partition written at the top of a definition that no chosen
 * environment replaces is kept — `--set` and `--env-file` fill what a definition leaves `current` or a
 * parameter, and never move a definition pinned to its account.
 */
import type { EnvironmentDefinition, PlaceholderDeclaration } from '../definition/definition.js';
import { ENVIRONMENT_FIELDS, type EnvironmentField } from '../model/value.js';
import type { ValueOrigin } from '../normalize/environment.js';
import type { PathProblem } from '../policy/validate-policy.js';
import type { SourceLocation } from '../problems.js';
import type { EnvironmentLayer } from './environment-file.js';
import type { PathSegment } from './source-document.js';
import { suggestionHint } from '../did-you-mean.js';

/** What a run gives for environments and placeholders. */
export interface PlaceholderInputs {
  /** The environment chosen with `--env`; a definition without `environments:` ignores it. */
  readonly environment?: string;
  /** Values from `--set name=value` for custom placeholders. */
  readonly values?: Readonly<Record<string, string>>;
  /**
   * Literal account, Region and partition from `--set`: they win over the environment's and the environment
   * file's; a field neither gives is left to normalisation, which fills it only when `current` or a parameter.
   */
  readonly set?: Readonly<Partial<Record<EnvironmentField, string>>>;
  /** What the environment file (`--env-file`) gives this target: below `--set`, above the chosen environment. */
  readonly file?: EnvironmentLayer;
  /** The definition as messages name it (`team.yaml`), for problems reported in the environment file. */
  readonly definitionName?: string;
}

/** The definition with the environment applied and placeholders replaced, or the problems that prevent it. */
export interface AppliedPlaceholders {
  /** The definition data to check and normalise (`placeholders` and `environments` kept as written, for the schema check). */
  readonly value: unknown;
  /** Where the account, Region and partition that replaced the definition's came from, by field. */
  readonly environmentOrigins: Readonly<Partial<Record<EnvironmentField, ValueOrigin>>>;
  /** Every problem found. */
  readonly problems: readonly PathProblem[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
const BUILT_IN: readonly string[] = ENVIRONMENT_FIELDS;

/** Applies `--env`, `--env-file`, `--set` and custom placeholder values to parsed definition data. */
export function applyPlaceholders(data: unknown, inputs: PlaceholderInputs): AppliedPlaceholders {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { value: data, problems: [], environmentOrigins: {} };
  const { placeholders, environments, ...rest } = data as Record<string, unknown>;
  const declared = declarations(placeholders);
  const problems: PathProblem[] = [...undeclaredValues(inputs.values ?? {}, declared), ...undeclaredFileValues(inputs.file, declared, inputs.definitionName)];
  const before = problems.length;
  const chosen = chooseEnvironment(environments, inputs.environment, problems);
  if (problems.length > before) return { value: data, problems, environmentOrigins: {} };
  const { fields, origins } = environmentFields(rest, chosen, inputs);
  const withEnvironment: Record<string, unknown> = { ...rest, ...fields };
  if (placeholders === undefined && environments === undefined) {
    return { value: Object.keys(fields).length === 0 ? data : withEnvironment, problems, environmentOrigins: origins };
  }
  const values = placeholderValues(declared, chosen, inputs, problems);
  const replaced = replaceIn(withEnvironment, [], values, declared, problems) as Record<string, unknown>;
  const value = { ...replaced, ...(placeholders !== undefined ? { placeholders } : {}), ...(environments !== undefined ? { environments } : {}) };
  return { value, problems, environmentOrigins: origins };
}

/**
 * The account, Region and partition that replace the definition's, with where each came from: `--set` over
 * the environment file over the chosen environment; a literal at the definition's top level that no chosen
 * environment replaces stays (`--set` alone is applied by normalisation, which fills only `current` and parameters).
 */
function environmentFields(
  written: Readonly<Record<string, unknown>>,
  chosen: { name: string; definition: EnvironmentDefinition } | undefined,
  inputs: PlaceholderInputs,
): { fields: Record<string, unknown>; origins: Partial<Record<EnvironmentField, ValueOrigin>> } {
  const fields: Record<string, unknown> = {};
  const origins: Partial<Record<EnvironmentField, ValueOrigin>> = {};
  for (const field of ENVIRONMENT_FIELDS) {
    const fromEnvironment = chosen?.definition[field];
    const pinned = fromEnvironment === undefined && (typeof written[field] === 'string' || typeof written[field] === 'number') && written[field] !== 'current';
    if (pinned) continue;
    const fromSet = inputs.set?.[field];
    const fromFile = inputs.file?.fields[field];
    if (fromSet !== undefined && (fromFile !== undefined || fromEnvironment !== undefined)) {
      fields[field] = fromSet;
      origins[field] = { flag: `--set ${field}` };
    } else if (fromFile !== undefined) {
      fields[field] = fromFile.value;
      origins[field] = { location: fromFile.location };
    } else if (fromEnvironment !== undefined) {
      fields[field] = fromEnvironment;
      origins[field] = { path: ['environments', chosen!.name, field] };
    }
  }
  return { fields, origins };
}

function declarations(placeholders: unknown): Map<string, PlaceholderDeclaration> {
  const declared = new Map<string, PlaceholderDeclaration>();
  if (typeof placeholders !== 'object' || placeholders === null) return declared;
  for (const [name, declaration] of Object.entries(placeholders)) {
    if (typeof declaration === 'object' && declaration !== null && !BUILT_IN.includes(name)) declared.set(name, declaration as PlaceholderDeclaration);
  }
  return declared;
}

/** `--set name=…` for a name the definition does not declare: a typo of account/region/partition, or a missing declaration. */
function undeclaredValues(values: Readonly<Record<string, string>>, declared: ReadonlyMap<string, PlaceholderDeclaration>): PathProblem[] {
  return Object.keys(values)
    .filter((name) => !declared.has(name))
    .map((name) => ({
      code: 'unknown-placeholder',
      message: `unknown --set name ${JSON.stringify(name)}: the definition declares no placeholder ${name}`,
      hint: suggestionHint(name, [...BUILT_IN, ...declared.keys()], `set account, region or partition, or declare it under placeholders: { ${name}: { type: string } }`),
      path: [],
      flag: `--set ${name}`,
    }));
}

/** Environment-file values for names the definition does not declare, reported in the environment file. */
function undeclaredFileValues(file: EnvironmentLayer | undefined, declared: ReadonlyMap<string, PlaceholderDeclaration>, definitionName: string | undefined): PathProblem[] {
  return Object.entries(file?.values ?? {})
    .filter(([name]) => !declared.has(name))
    .map(([name, { location }]) => ({
      code: 'unknown-placeholder',
      message: `unknown placeholder ${JSON.stringify(name)} in the environment file: ${definitionName ?? 'the definition'} declares no placeholder ${name}`,
      hint: suggestionHint(
        name,
        [...declared.keys(), ...BUILT_IN],
        BUILT_IN.includes(name) ? `${name} goes at the top of the environment file, not under values:` : `declare it under placeholders: { ${name}: { type: string } } in ${definitionName ?? 'the definition'}, or remove it from the environment file`,
      ),
      path: [],
      location,
    }));
}

function chooseEnvironment(environments: unknown, name: string | undefined, problems: PathProblem[]): { name: string; definition: EnvironmentDefinition } | undefined {
  if (name === undefined || typeof environments !== 'object' || environments === null) return undefined;
  const known = Object.keys(environments);
  const definition = (environments as Record<string, unknown>)[name];
  if (typeof definition !== 'object' || definition === null) {
    problems.push({ code: 'unknown-environment', message: `no environment ${JSON.stringify(name)}`, hint: suggestionHint(name, known, `--env is one of ${known.join(', ')}`), path: ['environments'], atKey: true });
    return undefined;
  }
  return { name, definition: definition as EnvironmentDefinition };
}

/** Where a placeholder's value came from: `describe` names it in hints; `flag` or `location` when it is not in the definition. */
interface ValueSource {
  readonly path: PathSegment[];
  readonly describe: string;
  readonly flag?: string;
  readonly location?: SourceLocation;
}

function placeholderValues(
  declared: ReadonlyMap<string, PlaceholderDeclaration>,
  chosen: { name: string; definition: EnvironmentDefinition } | undefined,
  inputs: PlaceholderInputs,
  problems: PathProblem[],
): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  const set = inputs.values ?? {};
  for (const [name, declaration] of declared) {
    const fromFile = inputs.file?.values[name];
    const fromEnvironment = chosen?.definition.values?.[name];
    const [value, source]: [string | undefined, ValueSource] =
      set[name] !== undefined
        ? [set[name], { path: ['placeholders', name], describe: `--set ${name}`, flag: `--set ${name}` }]
        : fromFile !== undefined
          ? [fromFile.value, { path: [], describe: `values.${name} of the environment file`, location: fromFile.location }]
          : fromEnvironment !== undefined
            ? [String(fromEnvironment), { path: ['environments', chosen!.name, 'values', name], describe: `environments.${chosen!.name}.values.${name}` }]
            : declaration.default !== undefined
              ? [String(declaration.default), { path: ['placeholders', name, 'default'], describe: `placeholders.${name}.default` }]
              : [undefined, { path: ['placeholders', name], describe: '' }];
    if (value !== undefined) problems.push(...valueProblems(name, declaration, value, source));
    values.set(name, value);
  }
  return values;
}

function valueProblems(name: string, declaration: PlaceholderDeclaration, value: string, source: ValueSource): PathProblem[] {
  const where = { path: source.path, ...(source.flag !== undefined ? { flag: source.flag } : {}), ...(source.location !== undefined ? { location: source.location } : {}) };
  if (declaration.type === 'integer' && !/^-?\d+$/.test(value)) {
    return [{ code: 'invalid-placeholder-value', message: `placeholder {{${name}}} is an integer, not ${JSON.stringify(value)}`, hint: `give digits in ${source.describe}`, ...where }];
  }
  if (declaration.pattern === undefined) return [];
  let pattern: RegExp;
  try {
    pattern = new RegExp(declaration.pattern, 'u');
  } catch {
    return [{ code: 'invalid-pattern', message: `invalid pattern ${JSON.stringify(declaration.pattern)}`, hint: 'write a JavaScript regular expression', path: ['placeholders', name, 'pattern'] }];
  }
  const whole = pattern.exec(value);
  if (whole !== null && whole[0] === value) return [];
  return [{ code: 'invalid-placeholder-value', message: `value ${JSON.stringify(value)} of placeholder {{${name}}} does not match ${declaration.pattern}`, hint: `fix ${source.describe}`, ...where }];
}

function replaceIn(value: unknown, path: PathSegment[], values: ReadonlyMap<string, string | undefined>, declared: ReadonlyMap<string, PlaceholderDeclaration>, problems: PathProblem[]): unknown {
  if (typeof value === 'string') return replaceText(value, path, values, declared, problems);
  if (Array.isArray(value)) return value.map((item, index) => replaceIn(item, [...path, index], values, declared, problems));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceIn(item, [...path, key], values, declared, problems)]));
  }
  return value;
}

function replaceText(text: string, path: PathSegment[], values: ReadonlyMap<string, string | undefined>, declared: ReadonlyMap<string, PlaceholderDeclaration>, problems: PathProblem[]): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (BUILT_IN.includes(name)) return whole;
    if (!declared.has(name)) {
      problems.push({ code: 'unknown-placeholder', message: `unknown placeholder {{${name}}}`, hint: suggestionHint(name, [...BUILT_IN, ...declared.keys()], `declare it under placeholders: { ${name}: { type: string } }`), path });
      return whole;
    }
    const value = values.get(name);
    if (value === undefined) {
      const description = declared.get(name)?.description;
      problems.push({
        code: 'missing-placeholder-value',
        message: `placeholder {{${name}}}${description ? ` (${description})` : ''} has no value`,
        hint: `give --set ${name}=…, values.${name} in an --env-file, a value under environments.<name>.values.${name} with --env <name>, or placeholders.${name}.default`,
        path,
      });
      return whole;
    }
    return value;
  });
}
