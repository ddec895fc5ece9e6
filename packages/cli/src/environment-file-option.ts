/**
 * `--env-file <file>`: an `environments:` entry kept outside the definitions (account, region, partition,
 * values, and per-target sections such as `hcl: { region: current }`), read with the definition reader so
 * that every problem is reported at `file:line:column`. Its format and checks live in
 * `@deputy/policy-model` (`parseEnvironmentFile`); this only reads the file the flag names.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DeputyInputError, environmentLayerFor, parseEnvironmentFile, readSourceFile, type EnvironmentFile, type Problem } from '@deputy/policy-model';
import { TARGET_NAMES } from './targets.js';

/** The two spellings of the flag, as commander stores them. */
export interface EnvironmentFileFlags {
  /** `--env-file <file>`. */
  envFile?: string;
  /** `--environment-file <file>`: the same, under a name Node.js does not claim. */
  environmentFile?: string;
}

/**
 * Adds `--env-file` and its spelling `--environment-file`. Node.js 20 reads `--env-file` even after the
 * script name (nodejs/node#54232): when the file is missing, `node` exits 9 (`node: <file>: not found`)
 * before deputy runs, so `--environment-file` is there for scripts that want deputy's own error.
 */
export function addEnvironmentFileOptions(command: Command, description: string): Command {
  return command
    .option('--env-file <file>', description)
    .option('--environment-file <file>', 'the same as --env-file, under a name Node.js 20 does not also read (it exits 9 on a missing --env-file before deputy runs)');
}

/** The file the flags name; giving both spellings is an error. */
export function environmentFileFlag(flags: EnvironmentFileFlags): string | undefined {
  if (flags.envFile !== undefined && flags.environmentFile !== undefined) {
    throw new DeputyInputError([{ code: 'invalid-flag', message: '--env-file and --environment-file are both given', hint: 'they are the same option: give one', file: '--env-file' }]);
  }
  return flags.envFile ?? flags.environmentFile;
}

/** The environment file `--env-file` names, parsed and checked; undefined without the flag. */
export function readEnvironmentFileOption(file: string | undefined, cwd: string): EnvironmentFile | undefined {
  if (file === undefined) return undefined;
  return parseEnvironmentFile(readSourceFile(resolve(cwd, file), file), file, TARGET_NAMES);
}

/** The account, Region and partition flags of `snippet`. */
export interface SnippetEnvironmentFlags {
  /** `--account`. */
  account?: string;
  /** `--region`. */
  region?: string;
  /** `--partition`. */
  partition?: string;
}

/**
 * `snippet`'s account, Region and partition: each flag, else what the environment file gives the snippet's
 * target (its section over its top-level entry). A snippet has no placeholders, so the file's `values` do
 * not apply; a parameter cannot be printed in a snippet either.
 */
export function snippetEnvironment(flags: SnippetEnvironmentFlags, file: EnvironmentFile | undefined, target: string): { account: string; region: string; partition?: string } {
  const layer = file === undefined ? undefined : environmentLayerFor(file, target);
  const problems: Problem[] = [];
  const valueOf = (field: 'account' | 'region' | 'partition', placeholder: string, required: boolean): string | undefined => {
    if (flags[field] !== undefined) return flags[field];
    const given = layer?.fields[field];
    if (given !== undefined && typeof given.value === 'string') return given.value;
    if (given !== undefined) {
      problems.push({ code: 'snippet-parameter', message: `${field} is a parameter, which a snippet cannot print`, hint: `give a literal or current here, or --${field}`, location: given.location });
    } else if (required) {
      const hint = file === undefined ? 'see deputy snippet --help' : `give --${field}, or ${field}: in ${file.file}`;
      problems.push({ code: 'missing-option', message: `required option '--${field} <${placeholder}>' not specified`, hint, file: `--${field}` });
    }
    return undefined;
  };
  const account = valueOf('account', 'id', true);
  const region = valueOf('region', 'region', true);
  const partition = valueOf('partition', 'partition', false);
  if (problems.length > 0) throw new DeputyInputError(problems);
  return { account: account!, region: region!, ...(partition !== undefined ? { partition } : {}) };
}
