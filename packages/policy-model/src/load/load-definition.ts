/**
 * Loads a definition file (YAML or JSON) into a model, or throws {@link DeputyInputError} with every
 * problem found, each at `file:line:column` with a path and a hint.
 */
import { basename, extname } from 'node:path';
import { checkAttachment, type KnownEnvironment } from '../definition/attachment-targets.js';
import type { Definition } from '../definition/definition.js';
import { validateDefinitionSchema } from '../definition/validate-definition-schema.js';
import type { DeputyModel } from '../model/model.js';
import { ENVIRONMENT_FIELDS, type EnvironmentField } from '../model/value.js';
import { numberValueProblem, partitionRegionProblems, type ValueOrigin } from '../normalize/environment.js';
import { normalizeDefinition } from '../normalize/normalize-definition.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { DeputyInputError } from '../problems.js';
import { applyPlaceholders } from './apply-placeholders.js';
import type { EnvironmentLayer } from './environment-file.js';
import { locateProblems } from './locate-problems.js';
import { readSourceFile } from './read-source-file.js';
import { parseSourceText, type SourceDocument } from './source-document.js';

/** Options for loading a definition. */
export interface LoadDefinitionOptions {
  /** Literal values for fields the definition leaves `current` or makes parameters (`--set account=…`); literals written in the definition win. */
  readonly set?: Partial<Record<EnvironmentField, string>>;
  /**
   * The name printed in output headers (`# Source: …`), e.g. the path relative to the definitions root so that
   * output does not depend on the working directory; defaults to `file`, which problems always name.
   */
  readonly source?: string;
  /** The environment to use (`--env prod`): its account, Region, partition and placeholder values; ignored by definitions without `environments:`. */
  readonly environment?: string;
  /** Values of custom placeholders (`--set team=ml`), which win over the environment file's, the environment's and the defaults. */
  readonly placeholderValues?: Readonly<Record<string, string>>;
  /**
   * What an environment file (`--env-file`, see {@link parseEnvironmentFile}) gives this target: account,
   * Region, partition and placeholder values below `--set` and above the chosen environment.
   */
  readonly environmentFile?: EnvironmentLayer;
  /**
   * deputy's decision procedure (`judgeModel` of `@deputy/verify`, passed in by the CLI so that this package
   * depends on no other): problems of the normalised model's policies, located by path in the definition.
   * The loader reports them like every other problem, so a definition it rejects is never written.
   */
  readonly judge?: (model: DeputyModel) => readonly PathProblem[];
}

/** Reads, checks and normalises a definition file. */
export function loadDefinitionFile(file: string, options: LoadDefinitionOptions = {}): DeputyModel {
  return loadDefinitionText(readSourceFile(file), file, options);
}

/** Checks and normalises definition text; `file` names it in messages and headers. */
export function loadDefinitionText(text: string, file: string, options: LoadDefinitionOptions = {}): DeputyModel {
  const source = parseSourceText(text, file);
  const applied = applyPlaceholders(source.value, {
    ...(options.environment !== undefined ? { environment: options.environment } : {}),
    ...(options.placeholderValues !== undefined ? { values: options.placeholderValues } : {}),
    ...(options.set !== undefined ? { set: options.set } : {}),
    ...(options.environmentFile !== undefined ? { file: options.environmentFile } : {}),
    definitionName: file,
  });
  fail(source, applied.problems);
  fail(source, validateDefinitionSchema(applied.value));
  const checked = checkFields(applied.value as Definition, options.set ?? {}, applied.environmentOrigins);
  fail(source, checked.problems);
  const result = normalizeDefinition(checked.definition, {
    source: options.source ?? file,
    baseName: baseNameOf(file),
    ...(options.set ? { set: options.set } : {}),
  });
  if (!result.model) throw new DeputyInputError(locateProblems(source, result.problems));
  if (options.judge) fail(source, options.judge(result.model));
  return result.model;
}

function fail(source: SourceDocument, problems: readonly PathProblem[]): void {
  if (problems.length > 0) throw new DeputyInputError(locateProblems(source, problems));
}

/** The checks per field that the schema cannot express: attachment targets by kind, partition ↔ Region. */
function checkFields(definition: Definition, set: Partial<Record<EnvironmentField, string>>, environmentOrigins: Partial<Record<EnvironmentField, ValueOrigin>>): { definition: Definition; problems: PathProblem[] } {
  const problems: PathProblem[] = numberValueProblems(definition, environmentOrigins);
  const literal = (field: EnvironmentField): { value: string; origin: ValueOrigin } | undefined => {
    const written = definition[field];
    if (typeof written === 'string' && written !== 'current') return { value: written, origin: environmentOrigins[field] ?? { path: [field] } };
    const given = set[field];
    return given !== undefined ? { value: given, origin: { flag: `--set ${field}` } } : undefined;
  };
  const partition = literal('partition');
  const region = literal('region');
  if (region) problems.push(...partitionRegionProblems(partition?.value, region.value, region.origin));
  const known: KnownEnvironment = { ...(partition ? { partition: partition.value } : {}), ...(region ? { region: region.value } : {}) };
  let changed = false;
  const resourcePolicies = (definition.resourcePolicies ?? []).map((policy, index) => {
    if (policy.attachTo === undefined) return policy;
    const result = checkAttachment(policy, ['resourcePolicies', index], known);
    problems.push(...result.problems);
    if (result.attachTo === policy.attachTo) return policy;
    changed = true;
    return { ...policy, attachTo: result.attachTo };
  });
  return { definition: changed ? { ...definition, resourcePolicies } : definition, problems };
}

/** The file name without directory and extension (`examples/personalize.yaml` → `personalize`). */
export function baseNameOf(file: string): string {
  return basename(file, extname(file));
}

/** An account, Region or partition written as a number, in the definition or its chosen environment (an environment file checks its own). */
function numberValueProblems(definition: Definition, environmentOrigins: Partial<Record<EnvironmentField, ValueOrigin>>): PathProblem[] {
  return ENVIRONMENT_FIELDS.flatMap((field) => {
    const written: unknown = definition[field];
    if (typeof written !== 'number') return [];
    const origin = environmentOrigins[field];
    return [numberValueProblem(field, written, origin !== undefined && 'path' in origin ? origin.path : [field])];
  });
}
