/**
 * Node built-ins that only some commands need, loaded on first use. Each one that is not in Node's start-up
 * snapshot is compiled when first imported (`node:worker_threads` ~10 ms with its internals, `node:crypto`
 * ~5 ms), which every command used to pay at start-up; `deputy snippet`, which needs neither, started ~15 ms
 * sooner without them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `node:worker_threads`, loaded when a command first starts a worker. */
export const workerThreads = once(() => require('node:worker_threads') as typeof import('node:worker_threads'));

/** `node:crypto`, loaded when a command first hashes. */
export const nodeCrypto = once(() => require('node:crypto') as typeof import('node:crypto'));

function once<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
