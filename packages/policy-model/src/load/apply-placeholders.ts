/**
 * Environments and custom placeholders, applied to a parsed definition before it is checked: the chosen
 * environment (`--env prod`) replaces the account, Region and partition, and every `{{name}}` of a declared
 * placeholder becomes its value, so the rest of the loader sees an ordinary definition. Paths do not change,
 * so every later problem is still reported where it was written.
 */
import type { EnvironmentDefinition, PlaceholderDeclaration } from '../definition/definition.js';
import { ENVIRONMENT_FIELDS, type EnvironmentField } from '../model/value.js';
import type { PathProblem } from '../policy/validate-policy.js';
import type { PathSegment } from './source-document.js';
import { suggestionHint } from '../did-you-mean.js';

/** What a run gives for environments and placeholders. */
export interface PlaceholderInputs {
  /** The environment chosen with `--env`; a definition without `environments:` ignores it. */
  readonly environment?: string;
  /** Values from `--set name=value` for custom placeholders (account, Region and partition are handled by normalisation). */
  readonly values?: Readonly<Record<string, string>>;
}

/** The definition with the environment applied and placeholders replaced, or the problems that prevent it. */
export interface AppliedPlaceholders {
  /** The definition data to check and normalise (`placeholders` and `environments` kept as written, for the schema check). */
  readonly value: unknown;
  /** Where the chosen environment's account, Region and partition are written, by field. */
  readonly environmentPaths: Readonly<Partial<Record<EnvironmentField, readonly PathSegment[]>>>;
  /** Every problem found. */
  readonly problems: readonly PathProblem[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
const BUILT_IN: readonly string[] = ENVIRONMENT_FIELDS;

/** Applies `--env` and custom placeholder values to parsed definition data. */
export function applyPlaceholders(data: unknown, inputs: PlaceholderInputs): AppliedPlaceholders {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { value: data, problems: [], environmentPaths: {} };
  const { placeholders, environments, ...rest } = data as Record<string, unknown>;
  const declared = declarations(placeholders);
  const undeclared = undeclaredValues(inputs.values ?? {}, declared);
  if (placeholders === undefined && environments === undefined) return { value: data, problems: undeclared, environmentPaths: {} };
  const problems: PathProblem[] = [...undeclared];
  const chosen = chooseEnvironment(environments, inputs.environment, problems);
  if (problems.length > undeclared.length) return { value: data, problems, environmentPaths: {} };
  const values = placeholderValues(declared, chosen, inputs.values ?? {}, problems);
  const withEnvironment: Record<string, unknown> = { ...rest };
  const environmentPaths: Partial<Record<EnvironmentField, readonly PathSegment[]>> = {};
  for (const field of ENVIRONMENT_FIELDS) {
    if (chosen?.definition[field] === undefined) continue;
    withEnvironment[field] = chosen.definition[field];
    environmentPaths[field] = ['environments', chosen.name, field];
  }
  const replaced = replaceIn(withEnvironment, [], values, declared, problems) as Record<string, unknown>;
  const value = { ...replaced, ...(placeholders !== undefined ? { placeholders } : {}), ...(environments !== undefined ? { environments } : {}) };
  return { value, problems, environmentPaths };
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

function placeholderValues(
  declared: ReadonlyMap<string, PlaceholderDeclaration>,
  chosen: { name: string; definition: EnvironmentDefinition } | undefined,
  set: Readonly<Record<string, string>>,
  problems: PathProblem[],
): Map<string, string | undefined> {
  const values = new Map<string, string | undefined>();
  for (const [name, declaration] of declared) {
    const fromEnvironment = chosen?.definition.values?.[name];
    const [value, path, origin] =
      set[name] !== undefined
        ? [set[name], ['placeholders', name], `--set ${name}`]
        : fromEnvironment !== undefined
          ? [String(fromEnvironment), ['environments', chosen!.name, 'values', name], `environments.${chosen!.name}.values.${name}`]
          : declaration.default !== undefined
            ? [String(declaration.default), ['placeholders', name, 'default'], `placeholders.${name}.default`]
            : [undefined, ['placeholders', name], ''];
    if (value !== undefined) problems.push(...valueProblems(name, declaration, value, path, origin));
    values.set(name, value);
  }
  return values;
}

function valueProblems(name: string, declaration: PlaceholderDeclaration, value: string, path: PathSegment[], origin: string): PathProblem[] {
  const flag = origin.startsWith('--set') ? { flag: origin } : {};
  if (declaration.type === 'integer' && !/^-?\d+$/.test(value)) {
    return [{ code: 'invalid-placeholder-value', message: `placeholder {{${name}}} is an integer, not ${JSON.stringify(value)}`, hint: `give digits in ${origin}`, path, ...flag }];
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
  return [{ code: 'invalid-placeholder-value', message: `value ${JSON.stringify(value)} of placeholder {{${name}}} does not match ${declaration.pattern}`, hint: `fix ${origin}`, path, ...flag }];
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
        hint: `give --set ${name}=…, a value under environments.<name>.values.${name} with --env <name>, or placeholders.${name}.default`,
        path,
      });
      return whole;
    }
    return value;
  });
}
