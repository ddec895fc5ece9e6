/** `node:worker_threads` in the browser: directory linting's worker, which the playground never starts. */
export class Worker {
  constructor(url: string | URL) {
    throw new Error(`invariant: the playground starts no worker thread (${String(url)})`);
  }
}

export const isMainThread = true;
export const parentPort = null;
export const workerData = undefined;

export default { Worker, isMainThread, parentPort, workerData };
