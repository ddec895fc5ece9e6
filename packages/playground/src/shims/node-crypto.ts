/** `node:crypto` in the browser: only lint baselines and SARIF fingerprints hash, and the playground uses neither. */
export function createHash(algorithm: string): never {
  throw new Error(`invariant: the playground does not hash (${algorithm}): baselines and SARIF are CLI features`);
}

export default { createHash };
