/**
 * What `emit` and `check` share: reading definitions (files or directories), validating flags, checking the
 * definitions against each other, and producing every target's files in memory, grouped by target.
 *
 * Paths written into output (the `Source:` header) are relative to the definitions root — the directory
 * argument, or the file's own directory — so the output is the same from any working directory.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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
import { MANIFEST_FILE, readManifest } from './generated-manifest.js';
import type { PlannedFile } from './output-files.js';
import { targetRenderer, type ModelRenderer } from './render-targets.js';
import { choice, parseScopedSetFlags, providerVersion, type TargetSetValues } from './shared-options.js';
import { parseTargets, type TargetName } from './targets.js';

/** Flags of `emit` and `check`. */
export interface GenerateFlags {
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

/** A definition file to read, with the root its output paths are relative to. */
export interface DefinitionInput {
  /** The path as the user wrote it (relative to the working directory), for messages. */
  readonly file: string;
  /** The absolute path. */
  readonly absolute: string;
  /** The path relative to its definitions root, `/` separators: what the output's `Source:` header says. */
  readonly sourceLabel: string;
}

const DEFINITION_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', '.nx', 'dist']);
/** The marker of a definitions folder for the nx plugin (@deputy/nx-plugin); never a definition. */
const PROJECT_MARKER = 'deputy.json';

/** Loads every definition and renders every chosen target; throws with every problem found. */
export async function generateOutputs(inputs: readonly string[], flags: GenerateFlags, io: CliIo): Promise<GeneratedOutputs> {
  const targets = parseTargets(flags.target, true);
  const setFor = parseScopedSetFlags(flags.set, targets);
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
  const definitions = definitionInputs(inputs, io.cwd);
  const covers = coverage(inputs, io.cwd, definitions);
  const crossChecks = new CrossDefinitionChecks();
  const others = otherDefinitions(targets.map((target) => join(resolve(io.cwd, flags.outDir), target)), covers, io.cwd);
  for (const warning of loadContext(others, groups, flags.env, crossChecks)) io.stderr(`${warning}\n`);
  const withoutLiterals: string[] = [];
  const { judgeModel } = await import('@deputy/verify');
  const definitionCount = loadEach(definitions, groups, flags.env, inputs, crossChecks, (input, model, group) => {
    const outputs = group.optional ? renderUnlessLiteralsMissing(group.render, model, input, withoutLiterals) : renderNaming(group.render, model, input);
    for (const output of outputs) {
      byTarget.get(output.target)!.push(...output.files.map((file) => ({ path: file.path, contents: file.contents, source: input.file, definition: input.absolute })));
    }
  }, (model) => judgeModel(model));
  if (withoutLiterals.length > 0) {
    byTarget.delete('json');
    io.stderr(
      `warning: json not written: ${withoutLiterals.join(', ')} ${withoutLiterals.length === 1 ? 'refers' : 'refer'} to the deploying account, Region or partition, which raw JSON cannot; give literals with --set json:account=123456789012 --set json:region=us-east-1 --set json:partition=aws or an environment (--env), or pass --target explicitly\n`,
    );
  }
  const userFiles = userFileNames([...others, ...definitions]);
  for (const group of groups) {
    for (const shared of sharedFilesNaming(group.render, userFiles)) byTarget.get(shared.target)!.push(...shared.files.map((file) => ({ path: file.path, contents: file.contents, source: file.path })));
  }
  return { definitionCount, byTarget, covers };
}

/**
 * Definitions this run does not cover whose outputs are already in its target directories (the manifest
 * records each file's definition): another team's, in a shared output directory. They are read again, not
 * written, so that the directory's shared Terraform declarations keep their variables and so that this run is
 * checked against them (a role or Terraform address another team already declares).
 */
function otherDefinitions(targetDirs: readonly string[], covers: (definition: string) => boolean, cwd: string): DefinitionInput[] {
  const found = new Map<string, DefinitionInput>();
  for (const targetDir of targetDirs) {
    for (const entry of Object.values(readManifest(targetDir).files)) {
      if (entry.source === undefined) continue;
      const absolute = resolve(targetDir, entry.source);
      if (found.has(absolute) || covers(absolute) || !existsSync(absolute)) continue;
      found.set(absolute, { file: relative(cwd, absolute), absolute, sourceLabel: posix(relative(dirname(absolute), absolute)) });
    }
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * Loads the other definitions of the output directory into each renderer's shared declarations and into the
 * cross-definition checks. One that does not load with this run's values (it needs its own --set or --env) is
 * left out, with a warning.
 */
function loadContext(others: readonly DefinitionInput[], groups: readonly RenderGroup[], environment: string | undefined, crossChecks: CrossDefinitionChecks): string[] {
  const warnings: string[] = [];
  for (const input of others) {
    try {
      const text = readSourceFile(input.absolute, input.file);
      for (const [index, group] of groups.entries()) {
        const model = loadDefinitionText(text, input.file, { set: group.set.environment, source: input.sourceLabel, ...(environment !== undefined ? { environment } : {}) });
        if (index === 0) crossChecks.add(input.file, input.absolute, definitionClaims(model), true);
        group.render.addContext(model);
      }
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      warnings.push(`warning: ${input.file}: its outputs share the output directory, but it does not load with this run's values (${error.problems[0]?.message ?? 'invalid'}); emit it together with this run so that shared declarations and cross-definition checks include it`);
    }
  }
  return warnings;
}

/** Each definition's Source label → the path the user knows it by, for labels that name one file only. */
function userFileNames(inputs: readonly DefinitionInput[]): Map<string, string> {
  const names = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const input of inputs) {
    if (names.has(input.sourceLabel) && names.get(input.sourceLabel) !== input.file) ambiguous.add(input.sourceLabel);
    names.set(input.sourceLabel, input.file);
  }
  for (const label of ambiguous) names.delete(label);
  return names;
}

/** The shared files; problems (two definitions declaring one Terraform address) name the files as the user gave them. */
function sharedFilesNaming(render: ModelRenderer, userFiles: ReadonlyMap<string, string>): ReturnType<ModelRenderer['sharedFiles']> {
  try {
    return render.sharedFiles();
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    const rename = (text: string) => text.replace(/(?<=^| )([^ ]+)(?= and |$)/g, (label: string) => userFiles.get(label) ?? label);
    throw new DeputyInputError(error.problems.map((problem) => ({ ...problem, message: rename(problem.message), ...(problem.file !== undefined ? { file: userFiles.get(problem.file) ?? problem.file } : {}) })));
  }
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
    const key = JSON.stringify([Object.entries(set.environment).sort(), Object.entries(set.placeholders).sort()]);
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
    hint: `raw JSON cannot refer to the deploying account or a parameter; give literal values to the json target alone with --set json:account=123456789012 --set json:region=us-east-1 --set json:partition=aws, or in an environment (environments.<name>) chosen with --env <name>; or leave json out with --target hcl,cfn,tf-json`,
  };
}

/** The definition files named by the inputs, directories walked in sorted order; paths as the user wrote them. */
export function definitionFiles(inputs: readonly string[], cwd: string): string[] {
  return definitionInputs(inputs, cwd).map((input) => input.file);
}

/** The definition files named by the inputs, each with its path relative to its definitions root. */
export function definitionInputs(inputs: readonly string[], cwd: string): DefinitionInput[] {
  const files: DefinitionInput[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      files.push(...walk(absolute).map((file) => ({ file: relative(cwd, file), absolute: file, sourceLabel: posix(relative(absolute, file)) })));
    } else {
      files.push({ file: input, absolute, sourceLabel: posix(relative(dirname(absolute), absolute)) });
    }
  }
  return files;
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

/** The run covers the files it read and every definition under a directory it was given. */
function coverage(inputs: readonly string[], cwd: string, definitions: readonly DefinitionInput[]): (definition: string) => boolean {
  const files = new Set(definitions.map((input) => input.absolute));
  const directories = inputs.map((input) => resolve(cwd, input)).filter((path) => existsSync(path) && statSync(path).isDirectory());
  return (definition) => files.has(definition) || directories.some((directory) => definition.startsWith(`${directory}${sep}`));
}

/**
 * Definition files under a directory, sorted. Output directories (those holding deputy's manifest) and the nx
 * plugin's `deputy.json` marker are not definitions, so `deputy emit . --out-dir generated` works from a
 * definitions folder.
 */
function walk(dir: string): string[] {
  const names = readdirSync(dir).sort();
  if (names.includes(MANIFEST_FILE)) return [];
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_DIRECTORIES.has(name) ? [] : walk(path);
    return DEFINITION_EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.startsWith('.') && name !== PROJECT_MARKER ? [path] : [];
  });
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
        model ??= loadDefinitionText(text, input.file, {
          set: group.set.environment,
          source: input.sourceLabel,
          placeholderValues: group.set.placeholders,
          ...(environment !== undefined ? { environment } : {}),
          ...(judge ? { judge } : {}),
        });
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
