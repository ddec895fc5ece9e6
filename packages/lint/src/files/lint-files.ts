/**
 * Lints many files, on two threads when it pays: with at least {@link PARALLEL_THRESHOLD} files and more than
 * one CPU, one worker thread takes every other file while the main thread lints the rest (parsing and the
 * rules are CPU-bound; a worker's start-up, ~50 ms plus its own parser start, is paid back after a few
 * hundred files). `DEPUTY_LINT_WORKERS=0` turns workers off. Outcomes come back in target order.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
  if (count < PARALLEL_THRESHOLD || process.env['DEPUTY_LINT_WORKERS'] === '0') return false;
  if (availableParallelism() < 2) return false;
  return existsSync(fileURLToPath(WORKER_URL));
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
