/**
 * Lints many files, on two threads when it pays: with at least {@link PARALLEL_THRESHOLD} files, more than
 * one CPU and a CPU idle (the one-minute load average at most CPUs - 1), one worker thread takes every other
 * file while the main thread lints the rest (parsing and the rules are CPU-bound; a worker's start-up, ~50 ms
 * plus its own parser start, is paid back after a few hundred files). On a machine already busy a worker
 * only adds CPU time (measured: 20,000 files, load 11 on 2 CPUs: 27.3 s of CPU with it, 23.5 s without), so
 * none is started. `DEPUTY_LINT_WORKERS=0` turns workers off, `=1` forces one. Outcomes come back in target
 * order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintTarget } from './discover-files.js';
import { lintFile, type FileOutcome } from './lint-file.js';

/** Fewer files than this are linted on the main thread alone. */
export const PARALLEL_THRESHOLD = 300;

const WORKER_URL = new URL('./lint-worker.js', import.meta.url);

/** Lints every target; the outcomes are in target order. */
export async function lintFiles(targets: readonly LintTarget[]): Promise<FileOutcome[]> {
  if (!useWorker(targets.length)) return sequential(targets);
  const mine = targets.filter((_, index) => index % 2 === 0);
  const theirs = targets.filter((_, index) => index % 2 === 1);
  const [own, other] = await Promise.all([sequential(mine), inWorker(theirs)]);
  return targets.map((_, index) => (index % 2 === 0 ? own[index >> 1]! : other[index >> 1]!));
}

function useWorker(count: number): boolean {
  const setting = process.env['DEPUTY_LINT_WORKERS'];
  if (count < PARALLEL_THRESHOLD || setting === '0' || !existsSync(fileURLToPath(WORKER_URL))) return false;
  if (setting === '1') return true;
  const cpus = availableParallelism();
  if (cpus < 2 || loadavg()[0]! > cpus - 1) return false;
  return true;
}

async function sequential(targets: readonly LintTarget[]): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const target of targets) outcomes.push(await lintFile(target));
  return outcomes;
}

function inWorker(targets: readonly LintTarget[]): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const execArgv = process.execArgv.filter((argument) => !argument.startsWith('--input-type') && !argument.startsWith('--eval') && argument !== '-e');
    const worker = new Worker(WORKER_URL, { workerData: { targets }, execArgv });
    worker.once('message', (outcomes: FileOutcome[]) => resolve(outcomes));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}
