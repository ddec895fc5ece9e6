/**
 * What `emit` and `check` share: reading definitions (files or directories), validating flags, checking the
 * definitions against each other, and producing every target's files in memory, grouped by target.
 *
 * Paths written into output (the `Source:` header) are relative to the definitions root — the directory
 * argument, or the file's own directory — so the output is the same from any working directory.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CrossDefinitionChecks,
  DeputyInputError,
  definitionClaims,
  formatProblem,
  loadDefinitionText,
  type PathProblem,
  readSourceFile,
  type DeputyModel,
  type Problem,
} from '@deputy/policy-model';
import type { CliIo } from './cli-io.js';
import { coverage, definitionInputs, type DefinitionInput } from './definition-inputs.js';
import type { PlannedFile } from './output-files.js';
import { loadContext, otherDefinitions, sharedFilesNaming, userFileNames } from './shared-directory.js';
import { targetRenderer, type ModelRenderer } from './render-targets.js';
import { environmentFileFlag, readEnvironmentFileOption, type EnvironmentFileFlags } from './environment-file-option.js';
import { choice, definitionLoadOptions, parseScopedSetFlags, providerVersion, type TargetSetValues } from './shared-options.js';
import { parseTargets, type TargetName } from './targets.js';

/** Flags of `emit` and `check`. */
export interface GenerateFlags extends EnvironmentFileFlags {
  target: string;
  outDir: string;
  set: string[];
  env?: string;
  /** True when `--target` was not given (`all` by default): json is then left out, with a warning, for definitions without literal values. */
  defaultTarget?: boolean;
  templates?: string;
  hclStyle?: string;
  cfnFormat?: string;
  awsProviderVersion?: string;
  /** Print each definition's notices (what AWS documents where deputy adds no condition, waivers) on stderr: `emit` does, `check` does not. */
  printNotices?: boolean;
}

/** Generated files per target, paths relative to the target's directory. */
export interface GeneratedOutputs {
  /** Number of definitions read. */
  readonly definitionCount: number;
  /** Files by target. */
  readonly byTarget: ReadonlyMap<TargetName, PlannedFile[]>;
  /**
   * True for a definition (absolute path) this run speaks for: one it read, or any definition under a directory
   * it was given (so outputs of a definition deleted from that directory are pruned, and nothing else).
   */
  readonly covers: (definition: string) => boolean;
}

export { definitionFiles, definitionInputs, type DefinitionInput } from './definition-inputs.js';

/** Loads every definition and renders every chosen target; throws with every problem found. */
export async function generateOutputs(inputs: readonly string[], flags: GenerateFlags, io: CliIo): Promise<GeneratedOutputs> {
  const targets = parseTargets(flags.target, true);
  const environmentFile = environmentFileFlag(flags);
  const setFor = parseScopedSetFlags(flags.set, targets, readEnvironmentFileOption(environmentFile, io.cwd));
  const style = choice('--hcl-style', flags.hclStyle, ['jsonencode', 'policy-document'] as const);
  const format = choice('--cfn-format', flags.cfnFormat, ['yaml', 'json'] as const);
  if (flags.templates !== undefined && !existsSync(resolve(io.cwd, flags.templates))) {
    throw new DeputyInputError([{ code: 'templates-not-found', message: `templates directory ${flags.templates} not found`, hint: 'give a directory holding <target>/*.hbs files', file: '--templates' }]);
  }
  const awsProviderMajorVersion = providerVersion(flags.awsProviderVersion);
  const jsonOptional = flags.defaultTarget === true && targets.includes('json');
  const groups = await Promise.all(
    targetGroups(targets, setFor, jsonOptional).map(async ({ set, key, optional, targets: members }) => ({
      set,
      key,
      optional,
      render: await targetRenderer(members, {
        ...(awsProviderMajorVersion ? { awsProviderMajorVersion } : {}),
        ...(style ? { style } : {}),
        ...(format ? { format } : {}),
        ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}),
      }),
    })),
  );
  const byTarget = new Map<TargetName, PlannedFile[]>(targets.map((target) => [target, []]));
  const definitions = definitionInputs(inputs, io.cwd, environmentFile === undefined ? [] : [resolve(io.cwd, environmentFile)]);
  const covers = coverage(inputs, io.cwd, definitions);
  const crossChecks = new CrossDefinitionChecks();
  const others = otherDefinitions(targets.map((target) => join(resolve(io.cwd, flags.outDir), target)), covers, io.cwd);
  for (const warning of loadContext(others, groups, flags.env, crossChecks)) io.stderr(`${warning}\n`);
  const withoutLiterals: string[] = [];
  const { judgeModel } = await import('@deputy/verify');
  const noticed = new Set<string>();
  const definitionCount = loadEach(definitions, groups, flags.env, inputs, crossChecks, (input, model, group) => {
    if (flags.printNotices && !noticed.has(input.file)) {
      noticed.add(input.file);
      for (const notice of definitionNotices(model)) io.stderr(`notice: ${input.file}: ${notice}\n`);
    }
    const outputs = group.optional ? renderUnlessLiteralsMissing(group.render, model, input, withoutLiterals) : renderNaming(group.render, model, input);
    for (const output of outputs) {
      byTarget.get(output.target)!.push(...output.files.map((file) => ({ path: file.path, contents: file.contents, source: input.file, definition: input.absolute })));
    }
  }, (model) => judgeModel(model));
  if (withoutLiterals.length > 0) {
    byTarget.delete('json');
    io.stderr(
      `warning: json not written: ${withoutLiterals.join(', ')} ${withoutLiterals.length === 1 ? 'refers' : 'refer'} to the deploying account, Region or partition, which raw JSON cannot; give literals with --set json:account=123456789012 --set json:region=us-east-1 --set json:partition=aws, a json: section of an --env-file, or an environment (--env), or pass --target explicitly\n`,
    );
  }
  const userFiles = userFileNames([...others, ...definitions]);
  for (const group of groups) {
    for (const shared of sharedFilesNaming(group.render, userFiles)) byTarget.get(shared.target)!.push(...shared.files.map((file) => ({ path: file.path, contents: file.contents, source: file.path })));
  }
  return { definitionCount, byTarget, covers };
}

/** Targets rendered together: they get the same `--set` values (`key`), and share one load of each definition. */
interface TargetGroup {
  readonly set: TargetSetValues;
  /** The `--set` values as a key: groups with the same key share the loaded model. */
  readonly key: string;
  /** True for json under the default `--target all`: left out (with a warning) when a definition needs literals it lacks. */
  readonly optional: boolean;
  readonly targets: TargetName[];
}

function targetGroups(targets: readonly TargetName[], setFor: (target: string) => TargetSetValues, jsonOptional: boolean): TargetGroup[] {
  const groups = new Map<string, TargetGroup>();
  for (const target of targets) {
    const set = setFor(target);
    const key = JSON.stringify([Object.entries(set.environment).sort(), Object.entries(set.placeholders).sort(), set.file ?? null]);
    const optional = jsonOptional && target === 'json';
    const groupKey = `${optional ? 'optional ' : ''}${key}`;
    const group = groups.get(groupKey) ?? { set, key, optional, targets: [] };
    group.targets.push(target);
    groups.set(groupKey, group);
  }
  return [...groups.values()];
}

/** Renders the optional json group, or records the definition when raw JSON lacks the literal values it needs. */
function renderUnlessLiteralsMissing(render: ModelRenderer, model: DeputyModel, input: DefinitionInput, withoutLiterals: string[]): ReturnType<ModelRenderer> {
  try {
    return render(model);
  } catch (error) {
    if (!(error instanceof DeputyInputError) || !error.problems.every((problem) => problem.code === 'json-needs-literals')) throw error;
    withoutLiterals.push(input.file);
    return [];
  }
}

/** Renders, naming the file as the user gave it in problems (the model's source is relative to the definitions root). */
function renderNaming(render: ModelRenderer, model: DeputyModel, input: DefinitionInput): ReturnType<ModelRenderer> {
  try {
    return render(model);
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    throw new DeputyInputError(error.problems.map((problem) => withUserFile(problem, model.source, input.file)));
  }
}

function withUserFile(problem: Problem, source: string, file: string): Problem {
  const renamed = problem.file === source ? { ...problem, file } : problem;
  if (renamed.code !== 'json-needs-literals') return renamed;
  return {
    ...renamed,
    hint: `raw JSON cannot refer to the deploying account or a parameter; give literal values to the json target alone with --set json:account=123456789012 --set json:region=us-east-1 --set json:partition=aws, a json: { account, region, partition } section of an --env-file, or an environment (environments.<name>) chosen with --env <name>; or leave json out with --target hcl,cfn,tf-json`,
  };
}

/** Problems without repeats (a `--set` problem is found once per definition). */
function distinct(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A prepared group of targets sharing `--set` values. */
interface RenderGroup {
  readonly set: TargetSetValues;
  readonly key: string;
  readonly optional: boolean;
  readonly render: ModelRenderer;
}

/** Every notice of a model, each once: its roles' and resource policies', prefixed with their name. */
function definitionNotices(model: DeputyModel): string[] {
  const notices = [
    ...model.roles.flatMap((role) => role.notices.map((notice) => `role ${role.name}: ${notice}`)),
    ...model.resourcePolicies.flatMap((policy) => policy.notices.map((notice) => `resource policy ${policy.name}: ${notice}`)),
  ];
  return [...new Set(notices)];
}

/**
 * Loads each definition (once per group of targets sharing `--set` values) and hands its model on at once, so
 * that only one model is alive at a time (10,000 definitions would otherwise hold every model until the last
 * is rendered). Once any definition has a problem, the rest are only loaded, to report every problem, and
 * nothing more is rendered. Then the definitions are checked against each other; it throws before anything
 * is written.
 */
function loadEach(
  files: readonly DefinitionInput[],
  groups: readonly RenderGroup[],
  environment: string | undefined,
  inputs: readonly string[],
  crossChecks: CrossDefinitionChecks,
  render: (input: DefinitionInput, model: DeputyModel, group: RenderGroup) => void,
  judge?: (model: DeputyModel) => readonly PathProblem[],
): number {
  const problems: Problem[] = [];
  for (const input of files) {
    let text: string;
    try {
      text = readSourceFile(input.absolute, input.file);
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    const models = new Map<string, DeputyModel>();
    for (const [index, group] of groups.entries()) {
      let model = models.get(group.key);
      try {
        model ??= loadDefinitionText(text, input.file, { ...definitionLoadOptions(group.set, environment), source: input.sourceLabel, ...(judge ? { judge } : {}) });
      } catch (error) {
        if (!(error instanceof DeputyInputError)) throw error;
        problems.push(...error.problems);
        break;
      }
      models.set(group.key, model);
      if (index === 0) crossChecks.add(input.file, input.absolute, definitionClaims(model));
      if (problems.length === 0) render(input, model, group);
    }
  }
  if (problems.length > 0) throw new DeputyInputError(distinct(problems));
  if (files.length === 0) throw new DeputyInputError([{ code: 'no-definitions', message: 'no definition files found', hint: 'give .yaml, .yml or .json definition files or directories holding them', file: inputs.join(', ') }]);
  const collisions = crossChecks.problems();
  if (collisions.length > 0) throw new DeputyInputError(collisions);
  return files.length;
}
