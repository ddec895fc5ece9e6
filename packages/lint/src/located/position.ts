/** Positions in a source file, and the index that turns character offsets into lines and columns. */

/** A 1-based line and column in a source file (columns count UTF-16 code units, as editors do). */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** Turns character offsets of one text into 1-based positions. */
export interface LineIndex {
  /** The position of the character at `offset` (clamped to the text). */
  position(offset: number): Position;
  /** The text of 1-based line `line`, without its line break. */
  lineText(line: number): string;
  /** The offset of the first character of 1-based line `line` (the text length past the last line). */
  lineStart(line: number): number;
  /** How many lines the text has. */
  readonly lineCount: number;
}

/** Builds a line index over `text`. */
export function lineIndexOf(text: string): LineIndex {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) starts.push(index + 1);
  }
  return {
    lineCount: starts.length,
    position(offset) {
      const clamped = Math.max(0, Math.min(offset, text.length));
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= clamped) low = middle;
        else high = middle - 1;
      }
      return { line: low + 1, column: clamped - starts[low]! + 1 };
    },
    lineStart(line) {
      return starts[line - 1] ?? text.length;
    },
    lineText(line) {
      const start = starts[line - 1];
      if (start === undefined) return '';
      const next = starts[line];
      return text.slice(start, next === undefined ? text.length : next - 1).replace(/\r$/, '');
    },
  };
}
