/**
 * `--env-file <file>`: an `environments:` entry kept outside the definitions (account, region, partition,
 * values, and per-target sections such as `hcl: { region: current }`), read with the definition reader so
 * that every problem is reported at `file:line:column`. Its format and checks live in
 * `@deputy/policy-model` (`parseEnvironmentFile`); this only reads the file the flag names.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DeputyInputError, parseEnvironmentFile, readSourceFile, type EnvironmentFile } from '@deputy/policy-model';
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
