/**
 * What `emit` and `check` share: reading definitions (files or directories), validating flags, and producing
 * every target's files in memory, grouped by target.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DeputyInputError, loadDefinitionText, readSourceFile, type DeputyModel, type Problem } from '@deputy/policy-model';
import type { CliIo } from './cli-io.js';
import type { PlannedFile } from './output-files.js';
import { targetRenderer } from './render-targets.js';
import { choice, parseSetFlags, providerVersion } from './shared-options.js';
import { parseTargets, type TargetName } from './targets.js';

/** Flags of `emit` and `check`. */
export interface GenerateFlags {
  target: string;
  outDir: string;
  set: string[];
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
}

const DEFINITION_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', '.nx', 'dist']);

/** Loads every definition and renders every chosen target; throws with every problem found. */
export async function generateOutputs(inputs: readonly string[], flags: GenerateFlags, io: CliIo): Promise<GeneratedOutputs> {
  const targets = parseTargets(flags.target, true);
  const set = parseSetFlags(flags.set);
  const style = choice('--hcl-style', flags.hclStyle, ['jsonencode', 'policy-document'] as const);
  const format = choice('--cfn-format', flags.cfnFormat, ['yaml', 'json'] as const);
  if (flags.templates !== undefined && !existsSync(resolve(io.cwd, flags.templates))) {
    throw new DeputyInputError([{ code: 'templates-not-found', message: `templates directory ${flags.templates} not found`, hint: 'give a directory holding <target>/*.hbs files', file: '--templates' }]);
  }
  const awsProviderMajorVersion = providerVersion(flags.awsProviderVersion);
  const render = await targetRenderer(targets, {
    ...(awsProviderMajorVersion ? { awsProviderMajorVersion } : {}),
    ...(style ? { style } : {}),
    ...(format ? { format } : {}),
    ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}),
  });
  const byTarget = new Map<TargetName, PlannedFile[]>(targets.map((target) => [target, []]));
  const definitionCount = loadEach(definitionFiles(inputs, io.cwd), set, io.cwd, inputs, (model) => {
    for (const output of render(model)) {
      byTarget.get(output.target)!.push(...output.files.map((file) => ({ path: file.path, contents: file.contents, source: model.source })));
    }
  });
  return { definitionCount, byTarget };
}

/** The definition files named by the inputs, directories walked in sorted order; paths as the user wrote them. */
export function definitionFiles(inputs: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) files.push(...walk(absolute).map((file) => relative(cwd, file)));
    else files.push(input);
  }
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return SKIPPED_DIRECTORIES.has(name) ? [] : walk(path);
      return DEFINITION_EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.startsWith('.') ? [path] : [];
    });
}

/**
 * Loads each definition and hands its model on at once, so that only one model is alive at a time (10,000
 * definitions would otherwise hold every model until the last is rendered). Once any definition has a problem,
 * the rest are only loaded, to report every problem, and nothing more is rendered; then it throws.
 */
function loadEach(files: readonly string[], set: ReturnType<typeof parseSetFlags>, cwd: string, inputs: readonly string[], render: (model: DeputyModel) => void): number {
  const problems: Problem[] = [];
  for (const file of files) {
    let model: DeputyModel;
    try {
      model = loadDefinitionText(readSourceFile(resolve(cwd, file), file), file, { set });
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    if (problems.length === 0) render(model);
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  if (files.length === 0) throw new DeputyInputError([{ code: 'no-definitions', message: 'no definition files found', hint: 'give .yaml, .yml or .json definition files or directories holding them', file: inputs.join(', ') }]);
  return files.length;
}
