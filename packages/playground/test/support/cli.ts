/** Test support: the deputy CLI as users run it (packages/cli/bin/deputy.js), for byte-for-byte comparisons. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_DIR } from './browser.js';

const DEPUTY = join(PACKAGE_DIR, '..', 'cli', 'bin', 'deputy.js');

/** The stdout of `deputy <args>`; fails the test when it exits non-zero. */
export function deputy(args: readonly string[]): string {
  const result = spawnSync(process.execPath, [DEPUTY, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`deputy ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** The stdout and stderr of `deputy <args>`, whatever its exit code. */
export function deputyOutput(args: readonly string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [DEPUTY, ...args], { encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}
