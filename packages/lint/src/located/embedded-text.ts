/**
 * Text handed to a parser after decoding (HCL string escapes, heredoc templates, CloudFormation `Fn::Sub`),
 * with a map from every decoded character back to its offset in the file, and the opaque parts (template
 * interpolations) each stood in for by one private-use character.
 */
import type { LineIndex, Position } from './position.js';

/** The character that stands in for one opaque part in decoded text. */
export const OPAQUE_MARK = '\u{E000}';

/** Decoded text ready for a parser. */
export interface EmbeddedText {
  /** The decoded text; each opaque part is one {@link OPAQUE_MARK}. */
  readonly text: string;
  /** The source text of each opaque part, in order of appearance. */
  readonly opaque: readonly string[];
  /** The file position of the decoded character at `index` (`index === text.length` is the end). */
  position(index: number): Position;
  /** The decoded text between two indexes with each opaque mark replaced by its source. */
  slice(start: number, end: number): string;
}

/** Text read straight from a file: no decoding, no opaque parts. */
export function fileText(text: string, lines: LineIndex, startOffset = 0): EmbeddedText {
  return {
    text: text.slice(startOffset),
    opaque: [],
    position: (index) => lines.position(startOffset + index),
    slice: (start, end) => text.slice(startOffset + start, startOffset + end),
  };
}

/**
 * The characters of `text` from `start` to `end` as they are: what {@link EmbeddedTextBuilder} builds from one
 * run appended at `start` with `endOrigin` `end`, without collecting it (most strings hold no escape or
 * interpolation).
 */
export function verbatimText(text: string, start: number, end: number, positionOf: (origin: number) => Position): EmbeddedText {
  const content = text.slice(start, end);
  return {
    text: content,
    opaque: [],
    position: (index) => positionOf(start + Math.min(Math.max(0, index), content.length)),
    slice: (from, to) => content.slice(from, to),
  };
}

/**
 * Collects decoded characters with their file offsets. Characters are kept in runs: a run maps its
 * characters either to consecutive offsets (text read as it is) or all to one offset (an escape, a
 * directive), so a long literal costs one entry, not one per character.
 */
export class EmbeddedTextBuilder {
  private text = '';
  /** For each run: the index of its first character in {@link text}, its first origin, and whether origins advance with it. */
  private readonly runStarts: number[] = [];
  private readonly runOrigins: number[] = [];
  private readonly runSpread: boolean[] = [];
  private readonly opaqueSources: string[] = [];

  /** Appends decoded text whose characters come from file offsets `origin`, `origin + 1`, … (or all from `origin` when `spread` is false). */
  append(text: string, origin: number, spread = true): void {
    if (text.length === 0) return;
    const spreads = spread || text.length === 1;
    const last = this.runStarts.length - 1;
    if (!(spreads && last >= 0 && this.runSpread[last] && this.runOrigins[last]! + (this.text.length - this.runStarts[last]!) === origin)) {
      this.runStarts.push(this.text.length);
      this.runOrigins.push(origin);
      this.runSpread.push(spreads);
    }
    this.text += text;
  }

  /** Appends one opaque part written at file offset `origin`. */
  appendOpaque(source: string, origin: number): void {
    this.append(OPAQUE_MARK, origin);
    this.opaqueSources.push(source);
  }

  /**
   * The finished text. Origins are offsets in the enclosing text, which `positionOf` turns into file
   * positions; `endOrigin` is the origin just after the last character.
   */
  build(positionOf: (origin: number) => Position, endOrigin: number): EmbeddedText {
    const text = this.text;
    const runStarts = [...this.runStarts];
    const runOrigins = [...this.runOrigins];
    const runSpread = [...this.runSpread];
    const opaque = [...this.opaqueSources];
    const markIndexes: number[] = [];
    for (let index = text.indexOf(OPAQUE_MARK); index >= 0; index = text.indexOf(OPAQUE_MARK, index + 1)) markIndexes.push(index);
    const originAt = (index: number): number => {
      if (index >= text.length) return endOrigin;
      const run = firstAtOrAfter(runStarts, index + 1) - 1;
      return runSpread[run] ? runOrigins[run]! + (index - runStarts[run]!) : runOrigins[run]!;
    };
    return {
      text,
      opaque,
      position: (index) => positionOf(originAt(Math.max(0, index))),
      slice: (start, end) => {
        let result = '';
        let cursor = start;
        for (let mark = firstAtOrAfter(markIndexes, start); mark < markIndexes.length && markIndexes[mark]! < end; mark++) {
          result += text.slice(cursor, markIndexes[mark]) + opaque[mark]!;
          cursor = markIndexes[mark]! + 1;
        }
        return result + text.slice(cursor, end);
      },
    };
  }
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
