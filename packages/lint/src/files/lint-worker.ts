/** A lint worker thread: lints the targets it is given with {@link lintFile} and posts the outcomes back, in order. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintTarget } from './discover-files.js';
import { lintFile, type FileOutcome } from './lint-file.js';

const targets = (workerData as { targets: LintTarget[] }).targets;
const outcomes: FileOutcome[] = [];
for (const target of targets) outcomes.push(await lintFile(target));
parentPort!.postMessage(outcomes);
