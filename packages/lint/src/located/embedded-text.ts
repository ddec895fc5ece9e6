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

/** Collects decoded characters with their file offsets. */
export class EmbeddedTextBuilder {
  private readonly chunks: string[] = [];
  private readonly origins: number[] = [];
  private readonly opaqueSources: string[] = [];

  /** Appends decoded text whose characters come from file offsets `origin`, `origin + 1`, … (or all from `origin` when `spread` is false). */
  append(text: string, origin: number, spread = true): void {
    for (let index = 0; index < text.length; index++) {
      this.chunks.push(text[index]!);
      this.origins.push(spread ? origin + index : origin);
    }
  }

  /** Appends one opaque part written at file offset `origin`. */
  appendOpaque(source: string, origin: number): void {
    this.chunks.push(OPAQUE_MARK);
    this.origins.push(origin);
    this.opaqueSources.push(source);
  }

  /**
   * The finished text. Origins are offsets in the enclosing text, which `positionOf` turns into file
   * positions; `endOrigin` is the origin just after the last character.
   */
  build(positionOf: (origin: number) => Position, endOrigin: number): EmbeddedText {
    const text = this.chunks.join('');
    const origins = [...this.origins, endOrigin];
    const opaque = [...this.opaqueSources];
    const markIndexes: number[] = [];
    for (let index = 0; index < text.length; index++) if (text[index] === OPAQUE_MARK) markIndexes.push(index);
    return {
      text,
      opaque,
      position: (index) => positionOf(origins[Math.max(0, Math.min(index, origins.length - 1))]!),
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
