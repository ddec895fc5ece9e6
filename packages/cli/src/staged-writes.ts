/**
 * Writing while rendering. Creating thousands of files is almost all kernel time (on the benchmark VM ~0.03 ms
 * a file, and up to 0.3 ms for minutes after a large deletion on its journal-less ext4), and a run used to
 * render everything first and write after. With staging, a worker thread writes each rendered file while the
 * main thread renders the next; once every file is rendered, planned and checked, {@link StagedFiles.take}
 * moves each write's staged file into place.
 *
 * Where a file goes until the commit:
 * - into a directory that exists: a temporary sibling of its final path, renamed into place by its own `take`;
 * - into a directory the run makes (a new output directory): a temporary sibling of the outermost directory the
 *   run makes (`out.<pid>.<token>.tmp/hcl/x.tf` for `out/hcl/x.tf`), holding the whole new tree under its final
 *   names. The first `take` renames that tree into place, so thousands of files appear at once for the price of
 *   one rename; had the directory appeared meanwhile, each file is moved into it on its own instead.
 *
 * Nothing changes for a reader of the output directory: until the commit only `*.tmp` names exist, and a run
 * that fails after staging (a path collision, a hand-edited file, a Terraform address clash) removes every
 * temporary file and tree it made, so it leaves the directory as it found it. A tree a killed run left is
 * removed by the next run that stages beside it.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerThreads } from './lazy-builtins.js';
import { removeIfPossible, temporarySibling } from './output-files.js';
import { staleTemporaries } from './stale-temporaries.js';
import type { StagedFile, StagingResult, WorkerMessage } from './staged-writes-protocol.js';

/** Runs that write fewer files than this write after rendering, on the main thread (a worker takes ~30 ms to start). */
export const STAGING_THRESHOLD = 256;

/** Files sent to the worker in one message (a message costs ~0.1 ms on the main thread, whatever its size). */
const BATCH_SIZE = 64;

const WORKER_URL = new URL('./staged-writes-worker.js', import.meta.url);

/** A file to stage: its final absolute, normalised path (already checked to stay inside its output directory) and contents. */
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
  const worker = new (workerThreads().Worker)(workerUrl);
  /** Every staged copy of each final path (two copies of one path: neither is taken, the sync writes it itself). */
  const temporaries = new Map<string, StagedCopy[]>();
  /** The directories this run makes, each staged as one tree. */
  const roots: NewDirectory[] = [];
  /** Where the files of each final directory are staged. */
  const places = new Map<string, Place>();
  let counter = 0;
  let pending: PendingFile[] = [];
  const answer = new Promise<StagingResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the staging worker exited with code ${code} before it answered`)));
  });
  answer.catch(() => undefined);
  const token = (): string => (counter++).toString(36);

  const removeAll = (): void => {
    for (const copies of temporaries.values()) for (const copy of copies) if (copy.root === undefined) removeIfPossible(copy.path);
    temporaries.clear();
    for (const root of roots) if (root.state !== 'renamed') removeTree(root.staging);
  };

  const placeOf = (directory: string): Place => {
    let place = places.get(directory);
    if (place === undefined) {
      place = placeDirectory(directory, roots, token);
      places.set(directory, place);
    }
    return place;
  };

  const stage = (files: readonly FileToStage[]): void => {
    for (const { absolute, contents } of files) {
      const slash = absolute.lastIndexOf(sep);
      const place = placeOf(slash === 0 ? sep : absolute.slice(0, slash));
      const copies = temporaries.get(absolute);
      const path = stagedPath(place, absolute, absolute.slice(slash + 1), copies === undefined, token);
      const copy: StagedCopy = place.root === undefined ? { path } : { path, root: place.root };
      if (copies === undefined) temporaries.set(absolute, [copy]);
      else copies.push(copy);
      pending.push({ absolute, temporary: path, contents, fresh: place.root !== undefined });
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
      const { message, path, code, syscall } = result.failure;
      // Shaped as the error Node would have thrown writing the final path, so that it is reported as one.
      throw Object.assign(new Error(`${message} (writing ${path})`), { path, ...(code !== undefined ? { code } : {}), ...(syscall !== undefined ? { syscall } : {}) });
    }
    for (const absolute of result.skipped) {
      const copies = temporaries.get(absolute);
      if (copies?.length === 1) temporaries.delete(absolute);
    }
    return {
      take: (absolute) => {
        const copies = temporaries.get(absolute);
        if (copies?.length !== 1) return false;
        moveIntoPlace(copies[0]!, absolute);
        temporaries.delete(absolute);
        return true;
      },
      discardUntaken: () => {
        for (const copies of temporaries.values()) for (const copy of copies) removeIfPossible(currentPath(copy));
        temporaries.clear();
        for (const root of roots) if (root.state !== 'renamed') removeTree(root.staging);
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

/** A directory this run makes, and the temporary tree its files are staged in. */
interface NewDirectory {
  /** Its final path: the outermost directory of a chain the run makes. */
  readonly final: string;
  /** The temporary sibling holding the staged tree until the commit. */
  readonly staging: string;
  /** `staged` until the first take; then `renamed` (the tree moved into place) or `per-file` (the directory had appeared meanwhile). */
  state: 'staged' | 'renamed' | 'per-file';
}

/**
 * Where one final directory's files are staged: as temporary siblings when it exists already (no root); else
 * in `stagingDirectory`, its counterpart inside the staging tree of the new directory it lies in.
 */
type Place = { readonly root?: undefined } | { readonly root: NewDirectory; readonly stagingDirectory: string };

/** One staged copy of a file. */
interface StagedCopy {
  /** Where the worker writes it. */
  readonly path: string;
  /** The new directory whose staging tree holds it; absent for a temporary sibling. */
  readonly root?: NewDirectory;
}

/**
 * Where the files of `directory` are staged: beside their final paths when it exists; else in the staging tree
 * of the new directory that holds it, started here (its stale trees from killed runs removed) when it is the first.
 */
function placeDirectory(directory: string, roots: NewDirectory[], token: () => string): Place {
  let root = roots.find((candidate) => directory === candidate.final || directory.startsWith(`${candidate.final}${sep}`));
  if (root === undefined) {
    if (existsSync(directory)) return {};
    let outermost = directory;
    while (!existsSync(dirname(outermost))) outermost = dirname(outermost);
    for (const stale of staleTemporaries(dirname(outermost), [basename(outermost)])) removeTree(stale);
    root = { final: outermost, staging: temporarySibling(outermost, token()), state: 'staged' };
    roots.push(root);
  }
  const stagingDirectory = root.staging + directory.slice(root.final.length);
  try {
    mkdirSync(stagingDirectory, { recursive: true });
  } catch (error) {
    // Reported against the directory the user asked for, not its temporary stand-in.
    throw Object.assign(error as Error, { path: directory });
  }
  return { root, stagingDirectory };
}

/**
 * Where the worker writes a file: a temporary sibling in an existing directory; its final name in a staging
 * tree, unless a copy of the same path is there already (a collision the plan refuses later, which must not
 * overwrite the first copy).
 */
function stagedPath(place: Place, absolute: string, name: string, firstCopy: boolean, token: () => string): string {
  if (place.root === undefined) return temporarySibling(absolute, token());
  const inTree = `${place.stagingDirectory}${sep}${name}`;
  return firstCopy ? inTree : temporarySibling(inTree, token());
}

/** Moves a staged copy to its final path: the first take of a new directory renames its whole tree. */
function moveIntoPlace(copy: StagedCopy, absolute: string): void {
  const { root } = copy;
  if (root === undefined) {
    renameSync(copy.path, absolute);
    return;
  }
  if (root.state === 'staged') root.state = commitTree(root);
  if (root.state === 'per-file') {
    mkdirSync(dirname(absolute), { recursive: true });
    renameSync(copy.path, absolute);
  }
}

/** Renames a staging tree into place; `per-file` when its directory appeared since the run began. */
function commitTree(root: NewDirectory): 'renamed' | 'per-file' {
  try {
    renameSync(root.staging, root.final);
    return 'renamed';
  } catch (error) {
    if (existsSync(root.final)) return 'per-file';
    throw error;
  }
}

/** Where a staged copy is now: inside its final directory once its tree was renamed. */
function currentPath(copy: StagedCopy): string {
  const { root } = copy;
  return root?.state === 'renamed' ? root.final + copy.path.slice(root.staging.length) : copy.path;
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

/** Removes a staging tree this run (or a killed run) made; one that cannot be removed is left. */
function removeTree(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Not this run's to insist on.
  }
}
