/**
 * `deputy lint [paths…] [--format text|json|sarif] [--severity error|warning|note] [--config file]
 * [--baseline file [--update-baseline]] [--verbose]`, ready for the CLI to register. Exit codes follow the
 * CLI's convention:
 *
 * - 0: no finding at or above `--severity`, and every file was read;
 * - 1: a finding at or above `--severity` (not recorded in the baseline), or a file that could not be read
 *   (reported on standard error and in the report; the scan goes on, so one broken file never hides the
 *   findings of the others, and never passes silently either);
 * - 2 ({@link DeputyInputError}): bad flags or config, a path that does not exist, or nothing could be read.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DeputyInputError, formatProblem } from '@deputy/policy-model';
import type { BaselineComparison, LintResult, UnreadableFile } from './finding.js';

/** Where the command writes; structurally the CLI's `CliIo`. */
export interface LintIo {
  /** Appends to standard output. */
  stdout(text: string): void;
  /** Appends to standard error. */
  stderr(text: string): void;
  /** The working directory paths are resolved against. */
  readonly cwd: string;
}

/** Report formats. */
export const LINT_FORMATS = ['text', 'json', 'sarif'] as const;

/** A report format. */
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The exit code for findings at or above the threshold. */
export const FINDINGS_EXIT_CODE = 1;

/** This package's version, written into JSON and SARIF reports. */
export const LINT_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface LintFlags {
  format: string;
  severity: string;
  verbose?: boolean;
  config?: string;
  baseline?: string;
  updateBaseline?: boolean;
}

/** The exit-code rule, as `deputy lint --help` prints it. */
export const LINT_EXIT_CODES = `
Exit codes:
  0  no finding at or above --severity, and every file was read
  1  findings at or above --severity (not in the baseline), or files that could not be read
     (each reported on stderr and in the report; the scan goes on without them)
  2  bad flags or config, a path that does not exist, or no file could be read at all

Configuration: .deputy-lint.yaml (or the "lint" section of deputy.config.json) in the scan root, or --config:
  ignore: [globs]   include-generated: [vendor, ...] | true   rules: { DPT002: off|note|warning|error }
  baseline: file
Generated directories (.terraform, .terragrunt-cache, .aws-sam, .serverless, cdk.out, node_modules, vendor,
.git, ...) and files that are not infrastructure code (Kubernetes, Helm, OpenAPI, CI configs) are skipped;
--verbose lists them.`;

/** Registers `lint` on the program; the root program's `exitCode` option becomes 1 when findings meet the threshold. */
export function registerLint(program: Command, io: LintIo): void {
  program
    .command('lint')
    .description('find confused-deputy holes in Terraform (.tf, .tf.json), CloudFormation (YAML, JSON) and IAM policy JSON, with fixes in each file\'s syntax')
    .argument('[paths...]', 'files or directories to lint (directories are walked, skipping generated directories and the config\'s ignore globs)', ['.'])
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--severity <severity>', 'lowest severity that makes the exit code 1: error, warning or note', 'error')
    .option('--config <file>', 'the lint config (default: .deputy-lint.yaml or deputy.config.json in the scan root)')
    .option('--baseline <file>', 'report only findings this baseline does not record, and list the recorded ones that are fixed')
    .option('--update-baseline', 'record the current findings in the --baseline file (exit 0 unless files could not be read)')
    .option('--verbose', 'also list exempt service principals, suppressed findings, skipped files and lenient readings')
    .addHelpText('after', LINT_EXIT_CODES)
    .action(async (paths: string[], flags: LintFlags) => {
      const { meetsThreshold, SEVERITIES } = await import('./rules/rule-catalog.js');
      const format = oneOf('--format', flags.format, LINT_FORMATS);
      const threshold = oneOf('--severity', flags.severity, SEVERITIES);
      if (flags.updateBaseline && flags.baseline === undefined) throw new DeputyInputError([{ code: 'invalid-flag', message: '--update-baseline needs --baseline <file>', hint: 'e.g. deputy lint --baseline .deputy-baseline.json --update-baseline', file: '--update-baseline' }]);
      const { lint, configFor } = await import('./lint.js');
      const config = configFor(paths, { cwd: io.cwd, ...(flags.config !== undefined ? { configFile: flags.config } : {}) });
      const linted = await lint(paths, { cwd: io.cwd, config });
      const baselinePath = flags.baseline !== undefined ? resolve(io.cwd, flags.baseline) : config.baseline;
      const result = baselinePath === undefined ? linted : await withBaseline(linted, baselinePath, flags.baseline ?? baselinePath, flags.updateBaseline === true);
      for (const unreadable of result.unreadable ?? []) io.stderr(`${formatProblem(problemOf(unreadable))}\n`);
      io.stdout(await render(result, format, flags.verbose === true));
      const failing = result.findings.some((finding) => meetsThreshold(finding.severity, threshold)) || (result.unreadable ?? []).length > 0;
      if (failing) program.setOptionValue('exitCode', FINDINGS_EXIT_CODE);
    });
}

/** Compares with (or, with `update`, records) the baseline; recorded findings leave `findings`. */
async function withBaseline(result: LintResult, path: string, display: string, update: boolean): Promise<LintResult> {
  const { baselineOf, compareWithBaseline } = await import('./baseline/baseline.js');
  const { readBaseline, writeBaseline } = await import('./baseline/baseline-file.js');
  const previous = readBaseline(path, display, update);
  if (update) writeBaseline(path, baselineOf(result.findings));
  const split = compareWithBaseline(result.findings, update ? baselineOf(result.findings) : previous);
  const fixed = update ? compareWithBaseline(result.findings, previous).fixed : split.fixed;
  const baseline: BaselineComparison = { file: display, known: split.known, fixed, updated: update };
  return { ...result, findings: split.fresh, baseline };
}

function problemOf(unreadable: UnreadableFile): Parameters<typeof formatProblem>[0] {
  const base = { code: unreadable.code, message: unreadable.message, hint: unreadable.hint };
  return unreadable.line !== undefined ? { ...base, location: { file: unreadable.file, line: unreadable.line, column: unreadable.column ?? 1 } } : { ...base, file: unreadable.file };
}

/** The linter and its formatters load only when `lint` runs, so other commands start fast. */
async function render(result: LintResult, format: LintFormat, verbose: boolean): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./output/format-text.js')).formatText(result, { verbose });
    case 'json':
      return (await import('./output/format-json.js')).formatJson(result, LINT_VERSION);
    case 'sarif':
      return (await import('./output/format-sarif.js')).formatSarif(result, { toolVersion: LINT_VERSION });
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DeputyInputError([{ code: 'invalid-flag', message: `invalid ${flag} ${JSON.stringify(value)}`, hint: `use ${allowed.join(' or ')}`, file: flag }]);
}

