/**
 * Where a path was written in JSON text that the JSON fast path read ({@link parseJsonExactly}): valid JSON,
 * no key repeated. It walks the text to the path, skipping every value off the way, and gives the same
 * `file:line:column` the located (YAML) reader gives — the start of the value, or of its key with `atKey`, or
 * of the nearest ancestor that exists — without building a YAML document for a warning (`convert` of 1,000
 * policies asked for ~1,000 locations, ~100 ms with the YAML reader).
 */
import type { SourceLocation } from '../problems.js';
import { skipSpace, stringEnd } from './json-text.js';
import type { PathSegment } from './source-document.js';

/** The location of `path` in `text` (JSON read by the fast path), as the located reader would give it. */
export function locateInJson(text: string, file: string, path: readonly PathSegment[], atKey: boolean): SourceLocation {
  const offset = offsetInJson(text, path, atKey);
  return { file, ...linePosition(text, offset) };
}

/** The offset of the value at `path` (of its key with `atKey`, when the key exists), else of its nearest existing ancestor. */
export function offsetInJson(text: string, path: readonly PathSegment[], atKey: boolean): number {
  let at = skipSpace(text, 0);
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth]!;
    const found = text[at] === '{' ? memberOf(text, at, segment) : text[at] === '[' ? elementOf(text, at, segment) : undefined;
    if (found === undefined) return at;
    if (atKey && depth === path.length - 1 && found.key !== undefined) return found.key;
    at = found.value;
  }
  return at;
}

/** The key and value offsets of the member `segment` of the object at `at`. */
function memberOf(text: string, at: number, segment: PathSegment): { key: number; value: number } | undefined {
  if (typeof segment !== 'string') return undefined;
  let index = skipSpace(text, at + 1);
  while (text[index] === '"') {
    const keyEnd = stringEnd(text, index);
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (keyText(text, index, keyEnd) === segment) return { key: index, value };
    index = skipSpace(text, valueEnd(text, value));
    if (text[index] !== ',') return undefined;
    index = skipSpace(text, index + 1);
  }
  return undefined;
}

/** The value offset of element `segment` of the array at `at`. */
function elementOf(text: string, at: number, segment: PathSegment): { key?: undefined; value: number } | undefined {
  if (typeof segment !== 'number') return undefined;
  let index = skipSpace(text, at + 1);
  if (text[index] === ']') return undefined;
  for (let element = 0; ; element++) {
    if (element === segment) return { value: index };
    index = skipSpace(text, valueEnd(text, index));
    if (text[index] !== ',') return undefined;
    index = skipSpace(text, index + 1);
  }
}

/** The offset just after the JSON value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== '{' && first !== '[') {
    let index = at;
    while (index < text.length && !SCALAR_END.has(text[index]!)) index++;
    return index;
  }
  let depth = 0;
  for (let index = at; index < text.length; index++) {
    const character = text[index];
    if (character === '"') index = stringEnd(text, index) - 1;
    else if (character === '{' || character === '[') depth++;
    else if ((character === '}' || character === ']') && --depth === 0) return index + 1;
  }
  return text.length;
}

/** Characters that end a number, `true`, `false` or `null`. */
const SCALAR_END = new Set([',', '}', ']', ' ', '\t', '\n', '\r']);

/** A key's text, its escapes decoded only when it has any. */
function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** One-based line and column of an offset, lines ending at `\n` (as the located reader counts them). */
function linePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
