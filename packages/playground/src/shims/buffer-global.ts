/**
 * The global `Buffer` in the browser, as far as the deputy packages use it: emitter-hcl compares strings by
 * their UTF-8 bytes (`Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))`, Go's order). esbuild
 * injects this wherever a bundled module names `Buffer` without importing it.
 */
const encoder = new TextEncoder();

/** A UTF-8 byte view with the two static functions used. */
export const Buffer = {
  /** The UTF-8 bytes of a string. */
  from(text: string, encoding: 'utf8' | 'utf-8' = 'utf8'): Uint8Array {
    if (encoding !== 'utf8' && encoding !== 'utf-8') throw new Error(`invariant: the playground's Buffer only encodes UTF-8, not ${String(encoding)}`);
    return encoder.encode(text);
  },
  /** -1, 0 or 1: byte-wise order, a prefix first. */
  compare(left: Uint8Array, right: Uint8Array): number {
    const length = Math.min(left.length, right.length);
    for (let index = 0; index < length; index += 1) {
      if (left[index] !== right[index]) return left[index]! < right[index]! ? -1 : 1;
    }
    return left.length === right.length ? 0 : left.length < right.length ? -1 : 1;
  },
};
