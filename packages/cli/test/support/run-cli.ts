/** Runs the CLI in-process or as a real process, capturing stdout, stderr and the exit code. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BufferedIo, run } from '../../src/index.js';

/** The result of one CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `deputy <argv>` in this process against `cwd`. */
export async function deputy(argv: readonly string[], cwd = process.cwd()): Promise<CliResult> {
  const io = new BufferedIo(cwd);
  const code = await run(argv, io);
  return { code, stdout: code === 2 ? '' : io.out, stderr: io.err };
}

/** The built binary. */
export const BIN = fileURLToPath(new URL('../../bin/deputy.js', import.meta.url));

/** Runs the built binary as a child process. */
export function deputyProcess(argv: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? process.cwd(),
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'deputy-test-'));
}

/** The policy-model fixtures directory. */
export const FIXTURES = fileURLToPath(new URL('../../../policy-model/fixtures', import.meta.url));
