/** A lint worker thread: lints the targets it claims with {@link lintClaimed} and posts the outcomes back, with their indices. */
import { parentPort, workerData } from 'node:worker_threads';
import { lintClaimed, type WorkerInput } from './lint-files.js';

parentPort!.postMessage(await lintClaimed(workerData as WorkerInput));
