/** `node:util` in the browser: the platform's own TextDecoder. */
export const TextDecoder = globalThis.TextDecoder;

export default { TextDecoder };
