/**
 * `deputy convert`: existing IAM policy JSON into any target, unchanged in meaning. Every input is read and
 * checked before anything is written: one invalid input means exit 2 and no files.
 */
import type { Command } from 'commander';
import { DeputyInputError, convertPolicyText, readSourceFile, type ConvertOptions, type ConvertedPolicy, type Problem } from '@deputy/policy-model';
import type { CliIo } from '../cli-io.js';
import { writePlannedFiles, type PlannedFile } from '../output-files.js';
import { renderTargets } from '../render-targets.js';
import { parseTargets } from '../targets.js';
import { choice } from '../shared-options.js';
import { resolve } from 'node:path';

interface ConvertFlags {
  kind?: string;
  target: string;
  outDir?: string;
  name?: string;
  hclStyle?: string;
  cfnFormat?: string;
  templates?: string;
}

/** Registers `convert`. */
export function registerConvert(program: Command, io: CliIo): void {
  program
    .command('convert')
    .description('convert IAM policy JSON files (or - for stdin) into json, hcl, cfn or tf-json, keeping every statement, operator, key and value')
    .argument('<inputs...>', 'policy JSON files, or - for standard input')
    .option('--kind <kind>', 'trust or resource (default: guessed from the policy)')
    .option('--target <target>', 'json, hcl, cfn, tf-json or all', 'json')
    .option('--out-dir <dir>', 'write DIR/<target>/<input basename>.<ext> instead of printing')
    .option('--name <name>', 'role or policy name (default: the input basename)')
    .option('--hcl-style <style>', 'jsonencode or policy-document')
    .option('--cfn-format <format>', 'yaml or json')
    .option('--templates <dir>', 'directory of <target>/*.hbs templates overriding the defaults')
    .action(async (inputs: string[], flags: ConvertFlags) => {
      const targets = parseTargets(flags.target, true);
      const kind = choice('--kind', flags.kind, ['trust', 'resource'] as const);
      const style = choice('--hcl-style', flags.hclStyle, ['jsonencode', 'policy-document'] as const);
      const format = choice('--cfn-format', flags.cfnFormat, ['yaml', 'json'] as const);
      if (flags.outDir === undefined && (inputs.length > 1 || targets.length > 1)) {
        throw new DeputyInputError([{ code: 'needs-out-dir', message: 'several inputs or targets need --out-dir', hint: 'add --out-dir DIR, or convert one file to one target', file: '--out-dir' }]);
      }
      if (inputs.length > 1 && flags.name !== undefined) {
        throw new DeputyInputError([{ code: 'name-with-many-inputs', message: '--name applies to a single input', hint: 'drop --name to use each input basename', file: '--name' }]);
      }
      const converted = readAll(inputs, io.cwd, { ...(kind ? { kind } : {}), ...(flags.name !== undefined ? { name: flags.name } : {}) });
      const outputs = await renderTargets(converted.map((c) => c.model), targets, {
        layout: 'flat',
        ...(style ? { style } : {}),
        ...(format ? { format } : {}),
        ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}),
      });
      for (const warning of converted.flatMap((c) => c.warnings)) io.stderr(`${warning}\n`);
      if (flags.outDir === undefined) {
        io.stdout(outputs[0]!.files.map((file) => file.contents).join(''));
        return;
      }
      const planned: PlannedFile[] = outputs.flatMap((output) => output.files.map((file) => ({ path: `${output.target}/${file.path}`, contents: file.contents, source: output.model.source })));
      const written = writePlannedFiles(resolve(io.cwd, flags.outDir), planned, io.cwd);
      io.stderr(`deputy: wrote ${written.length} file${written.length === 1 ? '' : 's'} to ${flags.outDir}\n`);
    });
}

function readAll(inputs: readonly string[], cwd: string, options: ConvertOptions): ConvertedPolicy[] {
  const problems: Problem[] = [];
  const converted: ConvertedPolicy[] = [];
  for (const input of inputs) {
    try {
      converted.push(convertPolicyText(readSourceFile(input === '-' ? '-' : resolve(cwd, input), input), input === '-' ? '<stdin>' : input, options));
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return converted;
}
