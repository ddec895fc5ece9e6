/**
 * `deputy emit`: definitions (files or directories of .yaml/.yml/.json) into files for each target. Every
 * definition is loaded and emitted in memory first; files are written only when all of them succeed.
 */
import type { Command } from 'commander';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DeputyInputError, loadDefinitionText, readSourceFile, type DeputyModel, type Problem } from '@deputy/policy-model';
import type { CliIo } from '../cli-io.js';
import { writePlannedFiles, type PlannedFile } from '../output-files.js';
import { renderTargets } from '../render-targets.js';
import { parseTargets } from '../targets.js';
import { choice, collectSet, parseSetFlags } from '../shared-options.js';

interface EmitFlags {
  target: string;
  outDir: string;
  set: string[];
  templates?: string;
  hclStyle?: string;
  cfnFormat?: string;
}

const DEFINITION_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', '.nx', 'dist']);

/** Registers `emit`. */
export function registerEmit(program: Command, io: CliIo): void {
  program
    .command('emit')
    .description('emit definitions (files or directories) into json, hcl, cfn and tf-json files')
    .argument('<inputs...>', 'definition files (.yaml, .yml, .json) or directories of them')
    .option('--target <target>', 'json, hcl, cfn, tf-json or all', 'all')
    .option('--out-dir <dir>', 'output directory; files go to DIR/<target>/…', 'generated')
    .option('--set <field=value>', 'literal account, region or partition for fields left current or parameters (repeatable)', collectSet, [])
    .option('--templates <dir>', 'directory of <target>/*.hbs templates overriding the defaults')
    .option('--hcl-style <style>', 'jsonencode or policy-document')
    .option('--cfn-format <format>', 'yaml or json')
    .action(async (inputs: string[], flags: EmitFlags) => {
      const targets = parseTargets(flags.target, true);
      const set = parseSetFlags(flags.set);
      const style = choice('--hcl-style', flags.hclStyle, ['jsonencode', 'policy-document'] as const);
      const format = choice('--cfn-format', flags.cfnFormat, ['yaml', 'json'] as const);
      if (flags.templates !== undefined && !existsSync(resolve(io.cwd, flags.templates))) {
        throw new DeputyInputError([{ code: 'templates-not-found', message: `templates directory ${flags.templates} not found`, hint: 'give a directory holding <target>/*.hbs files', file: '--templates' }]);
      }
      const files = definitionFiles(inputs, io.cwd);
      const models = loadAll(files, set, io.cwd);
      const outputs = await renderTargets(models, targets, {
        ...(style ? { style } : {}),
        ...(format ? { format } : {}),
        ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}),
      });
      const planned: PlannedFile[] = outputs.flatMap((output) => output.files.map((file) => ({ path: `${output.target}/${file.path}`, contents: file.contents, source: output.model.source })));
      const written = writePlannedFiles(resolve(io.cwd, flags.outDir), planned, io.cwd);
      io.stderr(`deputy: wrote ${written.length} file${written.length === 1 ? '' : 's'} from ${models.length} definition${models.length === 1 ? '' : 's'} to ${flags.outDir}\n`);
    });
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
      return DEFINITION_EXTENSIONS.some((extension) => name.endsWith(extension)) ? [path] : [];
    });
}

function loadAll(files: readonly string[], set: ReturnType<typeof parseSetFlags>, cwd: string): DeputyModel[] {
  const problems: Problem[] = [];
  const models: DeputyModel[] = [];
  for (const file of files) {
    try {
      models.push(loadDefinitionText(readSourceFile(resolve(cwd, file), file), file, { set }));
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  if (models.length === 0) throw new DeputyInputError([{ code: 'no-definitions', message: 'no definition files found', hint: 'give .yaml, .yml or .json definition files or directories holding them', file: files[0] ?? '<inputs>' }]);
  return models;
}
