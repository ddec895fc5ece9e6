/**
 * `deputy lint [paths…] [--format text|json|sarif] [--severity error|warning] [--verbose]`, ready for the
 * CLI to register. Exit codes follow the CLI's convention: the command sets the root program's `exitCode`
 * option to 1 when a finding is at or above `--severity`, leaves it unset (0) otherwise, and throws
 * {@link DeputyInputError} (exit 2) for bad flags and unreadable input.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DeputyInputError } from '@deputy/policy-model';
import type { LintResult } from './finding.js';

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
}

/** Registers `lint` on the program; the root program's `exitCode` option becomes 1 when findings meet the threshold. */
export function registerLint(program: Command, io: LintIo): void {
  program
    .command('lint')
    .description('find confused-deputy holes in Terraform (.tf, .tf.json), CloudFormation (YAML, JSON) and IAM policy JSON, with fixes in each file\'s syntax')
    .argument('[paths...]', 'files or directories to lint (directories are walked, skipping node_modules, .terraform and .git)', ['.'])
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--severity <severity>', 'lowest severity that makes the exit code 1: error or warning', 'error')
    .option('--verbose', 'also list exempt service principals (with the reason) and suppressed findings')
    .action(async (paths: string[], flags: LintFlags) => {
      const { meetsThreshold, SEVERITIES } = await import('./rules/rule-catalog.js');
      const format = oneOf('--format', flags.format, LINT_FORMATS);
      const threshold = oneOf('--severity', flags.severity, SEVERITIES);
      const { lint } = await import('./lint.js');
      const result = await lint(paths, { cwd: io.cwd });
      io.stdout(await render(result, format, flags.verbose === true));
      if (result.findings.some((finding) => meetsThreshold(finding.severity, threshold))) program.setOptionValue('exitCode', FINDINGS_EXIT_CODE);
    });
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

