/** A UTF-16 surrogate without its pair: not a character, so no file can hold it and no target can write it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the text holds an unpaired UTF-16 surrogate (an escape such as `\ud800` without its pair). */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
