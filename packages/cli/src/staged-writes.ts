/**
 * Writing while rendering. Creating thousands of files is almost all kernel time (on the benchmark VM
 * ~0.3 ms a file, and it does not get faster from several threads), and a run used to render everything
 * first and write after. With staging, a worker thread writes each rendered file to a temporary sibling of its
 * final path while the main thread renders the next; once every file is rendered, planned and checked,
 * {@link StagedFiles.take} hands each write its temporary file and the sync renames it into place.
 *
 * Nothing changes for a reader of the output directory: until the commit only `*.tmp` siblings exist, and a
 * run that fails after staging (a path collision, a hand-edited file, a Terraform address clash) removes every
 * temporary file and every directory it made, so it leaves the directory as it found it.
 */
import { existsSync, mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { removeIfPossible, temporarySibling } from './output-files.js';
import type { StagedFile, StagingResult, WorkerMessage } from './staged-writes-protocol.js';

/** Runs that write fewer files than this write after rendering, on the main thread (a worker takes ~30 ms to start). */
export const STAGING_THRESHOLD = 256;

/** Files sent to the worker in one message (a message costs ~0.1 ms on the main thread, whatever its size). */
const BATCH_SIZE = 64;

const WORKER_URL = new URL('./staged-writes-worker.js', import.meta.url);

/** A file to stage: its final absolute path (already checked to stay inside its output directory) and contents. */
export interface FileToStage {
  /** The final path. */
  readonly absolute: string;
  /** The contents. */
  readonly contents: string;
}

/** The staged files once the worker is done: each write takes its temporary file, the rest are discarded. */
export interface StagedFiles {
  /** Moves the staged file for `absolute` into place and returns true; false when nothing was staged for it. */
  take(absolute: string): boolean;
  /** Removes the temporary files no write took. */
  discardUntaken(): void;
}

/** Staging in progress. */
export interface StagedWrites {
  /** Hands files to the worker; they are written to temporary siblings, directories made as needed. */
  stage(files: readonly FileToStage[]): void;
  /** Waits for the worker; throws (after removing everything staged) when a write failed. */
  finish(): Promise<StagedFiles>;
  /** Stops the worker and removes every temporary file and every directory staging made. */
  abort(): Promise<void>;
}

/**
 * Starts a staging worker for a run that writes `fileCount` files, or returns undefined: below
 * {@link STAGING_THRESHOLD}, with `DEPUTY_STAGED_WRITES=0`, or when the worker is not built (running from sources).
 * `workerUrl` is the worker's built module (tests running the sources point it at dist).
 */
export function startStaging(fileCount: number, workerUrl: URL = WORKER_URL): StagedWrites | undefined {
  if (fileCount < STAGING_THRESHOLD || process.env['DEPUTY_STAGED_WRITES'] === '0' || !existsSync(fileURLToPath(workerUrl))) return undefined;
  const worker = new Worker(workerUrl);
  const temporaries = new Map<string, string[]>();
  const madeDirectories: string[] = [];
  /** Each directory staged into, and whether this run made it (no file can be there yet). */
  const freshDirectories = new Map<string, boolean>();
  let counter = 0;
  let pending: PendingFile[] = [];
  const answer = new Promise<StagingResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the staging worker exited with code ${code} before it answered`)));
  });
  answer.catch(() => undefined);

  const removeAll = (): void => {
    for (const paths of temporaries.values()) for (const path of paths) removeIfPossible(path);
    temporaries.clear();
    for (const directory of madeDirectories.reverse()) removeIfEmpty(directory);
  };

  const stage = (files: readonly FileToStage[]): void => {
    for (const { absolute, contents } of files) {
      const directory = dirname(absolute);
      let fresh = freshDirectories.get(directory);
      if (fresh === undefined) {
        const made = mkdirSync(directory, { recursive: true });
        if (made !== undefined) madeDirectories.push(...directoriesBetween(made, directory));
        fresh = made !== undefined;
        freshDirectories.set(directory, fresh);
      }
      const temporary = temporarySibling(absolute, (counter++).toString(36));
      temporaries.set(absolute, [...(temporaries.get(absolute) ?? []), temporary]);
      pending.push({ absolute, temporary, contents, fresh });
    }
    if (pending.length >= BATCH_SIZE) flush();
  };

  const flush = (): void => {
    if (pending.length === 0) return;
    const { files, bytes } = encodeBatch(pending);
    const message: WorkerMessage = { kind: 'stage', files, bytes };
    worker.postMessage(message, [bytes]);
    pending = [];
  };

  const finish = async (): Promise<StagedFiles> => {
    flush();
    const message: WorkerMessage = { kind: 'finish' };
    worker.postMessage(message);
    let result: StagingResult;
    try {
      result = await answer;
    } catch (error) {
      removeAll();
      throw error;
    }
    if (result.failure !== undefined) {
      removeAll();
      throw Object.assign(new Error(`${result.failure.message} (writing ${result.failure.path})`), result.failure.code !== undefined ? { code: result.failure.code } : {});
    }
    for (const absolute of result.skipped) {
      const paths = temporaries.get(absolute);
      if (paths?.length === 1) temporaries.delete(absolute);
    }
    return {
      take: (absolute) => {
        const paths = temporaries.get(absolute);
        if (paths?.length !== 1) return false;
        renameSync(paths[0]!, absolute);
        temporaries.delete(absolute);
        return true;
      },
      discardUntaken: () => {
        for (const paths of temporaries.values()) for (const path of paths) removeIfPossible(path);
        temporaries.clear();
      },
    };
  };

  const abort = async (): Promise<void> => {
    await worker.terminate();
    removeAll();
  };

  return { stage, finish, abort };
}

/** A staged file not yet sent to the worker. */
interface PendingFile extends Omit<StagedFile, 'start' | 'end'> {
  readonly contents: string;
}

/** The batch's files with their contents as ranges of one UTF-8 buffer (allocated outside Node's pool, so it can be transferred). */
function encodeBatch(pending: readonly PendingFile[]): { files: StagedFile[]; bytes: ArrayBuffer } {
  let length = 0;
  for (const file of pending) length += Buffer.byteLength(file.contents, 'utf8');
  const buffer = Buffer.allocUnsafeSlow(length);
  let offset = 0;
  const files = pending.map(({ absolute, temporary, contents, fresh }): StagedFile => {
    const start = offset;
    offset += buffer.write(contents, offset, 'utf8');
    return { absolute, temporary, start, end: offset, fresh };
  });
  return { files, bytes: buffer.buffer as ArrayBuffer };
}

/** `made` (the first directory `mkdir -p` created) and each directory below it down to `leaf`, outermost first. */
function directoriesBetween(made: string, leaf: string): string[] {
  const chain: string[] = [];
  for (let directory = leaf; directory.length >= made.length; directory = dirname(directory)) {
    chain.unshift(directory);
    if (directory === made) break;
  }
  return chain;
}

function removeIfEmpty(directory: string): void {
  try {
    rmdirSync(directory);
  } catch {
    // Not empty (something else lives there now) or already gone: leave it.
  }
}
