/**
 * Lints many files, on two threads when it pays: with at least {@link PARALLEL_THRESHOLD} files, more than
 * one CPU and a CPU idle (the one-minute load average at most CPUs - 1), one worker thread lints alongside
 * the main thread. Both take the next unlinted file from one shared counter, so the main thread works while
 * the worker starts (~50 ms plus its own parser start) and neither waits for the other at the end. On a
 * machine already busy a worker only adds CPU time (measured: 20,000 files, load 11 on 2 CPUs: 27.3 s of CPU
 * with it, 23.5 s without), so none is started. `DEPUTY_LINT_WORKERS=0` turns workers off, `=1` forces one.
 * Outcomes come back in target order.
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

/** What a worker is given: every target, and the counter both threads take the next index from. */
export interface WorkerInput {
  readonly targets: readonly LintTarget[];
  readonly next: Int32Array;
}

/** Lints every target; the outcomes are in target order. */
export async function lintFiles(targets: readonly LintTarget[]): Promise<FileOutcome[]> {
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const outcomes: FileOutcome[] = new Array(targets.length);
  const worker = useWorker(targets.length) ? inWorker({ targets, next }) : undefined;
  for (const [index, outcome] of await lintClaimed({ targets, next })) outcomes[index] = outcome;
  for (const [index, outcome] of (await worker) ?? []) outcomes[index] = outcome;
  return outcomes;
}

/** Lints the targets this thread claims from the shared counter, until none is left: `[index, outcome]` pairs. */
export async function lintClaimed({ targets, next }: WorkerInput): Promise<[number, FileOutcome][]> {
  const done: [number, FileOutcome][] = [];
  for (let index = Atomics.add(next, 0, 1); index < targets.length; index = Atomics.add(next, 0, 1)) done.push([index, await lintFile(targets[index]!)]);
  return done;
}

function useWorker(count: number): boolean {
  const setting = process.env['DEPUTY_LINT_WORKERS'];
  if (count < PARALLEL_THRESHOLD || setting === '0' || !existsSync(fileURLToPath(WORKER_URL))) return false;
  if (setting === '1') return true;
  const cpus = availableParallelism();
  if (cpus < 2 || loadavg()[0]! > cpus - 1) return false;
  return true;
}

function inWorker(input: WorkerInput): Promise<[number, FileOutcome][]> {
  return new Promise((resolve, reject) => {
    const execArgv = process.execArgv.filter((argument) => !argument.startsWith('--input-type') && !argument.startsWith('--eval') && argument !== '-e');
    const worker = new Worker(WORKER_URL, { workerData: input, execArgv });
    worker.once('message', (outcomes: [number, FileOutcome][]) => resolve(outcomes));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`lint worker exited with code ${code}`));
    });
  });
}
