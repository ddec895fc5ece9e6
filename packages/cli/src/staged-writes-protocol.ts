/** The messages between {@link StagedWrites} and its worker thread. */

/** One file to write to its temporary path. */
export interface StagedFile {
  /** Where the file ends up once the run commits. */
  readonly absolute: string;
  /** The temporary sibling the worker writes. */
  readonly temporary: string;
  /** Where its UTF-8 contents start in the batch's bytes. */
  readonly start: number;
  /** Where they end. */
  readonly end: number;
  /** True when the run made the file's directory: nothing can be at `absolute` yet. */
  readonly fresh: boolean;
}

/**
 * Files sent together. Their contents travel as one UTF-8 buffer whose memory is transferred, not copied:
 * cloning the strings cost the main thread ~0.05 ms per file.
 */
export interface StagedBatch {
  readonly kind: 'stage';
  readonly files: readonly StagedFile[];
  /** The files' contents, one after another. */
  readonly bytes: ArrayBuffer;
}

/** Asks the worker to report once every batch before it is written. */
export interface FinishMessage {
  readonly kind: 'finish';
}

/** What the main thread sends. */
export type WorkerMessage = StagedBatch | FinishMessage;

/** The worker's answer to `finish`. */
export interface StagingResult {
  /** Final paths that already held the staged contents: no temporary file was written for them. */
  readonly skipped: readonly string[];
  /** The first write that failed; the worker wrote nothing after it. */
  readonly failure?: { readonly path: string; readonly message: string; readonly code?: string; readonly syscall?: string };
}
