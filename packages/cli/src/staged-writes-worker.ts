/**
 * The worker thread of {@link StagedWrites}: writes each staged file to its temporary path as the batches
 * arrive, while the main thread goes on rendering. A file whose final path already holds exactly the staged
 * contents is not written (the sync will find it unchanged). On `finish` it answers with those skipped paths
 * and the first error, then closes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { StagedBatch, StagingResult, WorkerMessage } from './staged-writes-protocol.js';

const port = parentPort!;
const skipped: string[] = [];
let failure: StagingResult['failure'];

function holds(path: string, contents: Uint8Array): boolean {
  try {
    return existsSync(path) && readFileSync(path).equals(contents);
  } catch {
    return false;
  }
}

function writeBatch(batch: StagedBatch): void {
  const bytes = Buffer.from(batch.bytes);
  for (const { absolute, temporary, start, end, fresh } of batch.files) {
    if (failure !== undefined) return;
    const contents = bytes.subarray(start, end);
    if (!fresh && holds(absolute, contents)) {
      skipped.push(absolute);
      continue;
    }
    try {
      writeFileSync(temporary, contents);
    } catch (error) {
      const { message, code, syscall } = error as NodeJS.ErrnoException;
      failure = { path: absolute, message, ...(code !== undefined ? { code } : {}), ...(syscall !== undefined ? { syscall } : {}) };
    }
  }
}

port.on('message', (message: WorkerMessage) => {
  if (message.kind === 'stage') {
    writeBatch(message);
    return;
  }
  const result: StagingResult = { skipped, ...(failure !== undefined ? { failure } : {}) };
  port.postMessage(result);
  port.close();
});
