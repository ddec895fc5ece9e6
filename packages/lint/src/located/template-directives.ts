/**
 * Renderings of a template whose `%{ if }` directives decide which parts of a JSON policy exist, as in
 *
 *     "Statement": [
 *       { … },
 *       %{ if local.queue_enabled }
 *       { … },
 *       %{ endif }
 *       { … }
 *     ]
 *
 * Read with each directive as an opaque part, that text is not JSON, though every rendering of it is. A
 * rendering keeps the text of the branches it takes and drops the directives: an `if` without `else` is taken
 * (the rendering then holds every statement the template can produce), and each `if … else` is read both ways,
 * so every statement the template can produce is read once and no rendering holds both arms of an `else`. A
 * `for` loop cannot be rendered without its collection: such a template has no rendering here.
 */
import type { EmbeddedText } from './embedded-text.js';
import { OPAQUE_MARK } from './embedded-text.js';

/** At most this many renderings (`if … else` read both ways doubles them). */
const MOST_RENDERINGS = 16;

/** `%{ if x }`, `%{~ else ~}`, `%{ endif }`, `%{ for … }`, `%{ endfor }`. */
const DIRECTIVE = /^%\{~?\s*(if|else|endif|for|endfor)\b[\s\S]*\}$/;

type Piece = { readonly kind: 'text'; readonly start: number; readonly end: number } | { readonly kind: 'if'; readonly then: Piece[]; readonly otherwise: Piece[] | undefined };

/**
 * The renderings of `decoded`: undefined when it holds no directive (read it as it is); empty when its
 * directives cannot be rendered (a `for` loop, directives that do not pair up, too many `else` arms).
 */
export function directiveRenderings(decoded: EmbeddedText): EmbeddedText[] | undefined {
  const directives = directivesOf(decoded);
  if (directives.length === 0) return undefined;
  const pieces = piecesOf(decoded.text.length, directives);
  if (pieces === undefined) return [];
  const renderings = rangeChoices(pieces);
  if (renderings === undefined) return [];
  return renderings.map((ranges) => selectedText(decoded, ranges));
}

interface Directive {
  /** Index of its opaque mark in the decoded text. */
  readonly at: number;
  readonly keyword: 'if' | 'else' | 'endif' | 'for' | 'endfor';
}

function directivesOf(decoded: EmbeddedText): Directive[] {
  const directives: Directive[] = [];
  let opaque = 0;
  for (let index = decoded.text.indexOf(OPAQUE_MARK); index >= 0; index = decoded.text.indexOf(OPAQUE_MARK, index + 1), opaque++) {
    const match = DIRECTIVE.exec(decoded.opaque[opaque] ?? '');
    if (match) directives.push({ at: index, keyword: match[1] as Directive['keyword'] });
  }
  return directives;
}

/** The text between directives as nested pieces; undefined for a `for` loop or directives that do not pair up. */
function piecesOf(length: number, directives: readonly Directive[]): Piece[] | undefined {
  const root: Piece[] = [];
  const open: { then: Piece[]; otherwise: Piece[] | undefined; inElse: boolean }[] = [];
  const current = (): Piece[] => {
    const top = open[open.length - 1];
    return top === undefined ? root : top.inElse ? top.otherwise! : top.then;
  };
  let cursor = 0;
  for (const directive of directives) {
    if (directive.at > cursor) current().push({ kind: 'text', start: cursor, end: directive.at });
    cursor = directive.at + 1;
    if (directive.keyword === 'for' || directive.keyword === 'endfor') return undefined;
    if (directive.keyword === 'if') {
      open.push({ then: [], otherwise: undefined, inElse: false });
    } else if (directive.keyword === 'else') {
      const top = open[open.length - 1];
      if (top === undefined || top.inElse) return undefined;
      top.inElse = true;
      top.otherwise = [];
    } else {
      const top = open.pop();
      if (top === undefined) return undefined;
      current().push({ kind: 'if', then: top.then, otherwise: top.otherwise });
    }
  }
  if (open.length > 0) return undefined;
  if (length > cursor) root.push({ kind: 'text', start: cursor, end: length });
  return root;
}

/** Every rendering's kept ranges of the decoded text; undefined beyond {@link MOST_RENDERINGS}. */
function rangeChoices(pieces: readonly Piece[]): [number, number][][] | undefined {
  let renderings: [number, number][][] = [[]];
  for (const piece of pieces) {
    const options = piece.kind === 'text' ? [[[piece.start, piece.end] as [number, number]]] : ifChoices(piece);
    if (options === undefined) return undefined;
    renderings = renderings.flatMap((ranges) => options.map((option) => [...ranges, ...option]));
    if (renderings.length > MOST_RENDERINGS) return undefined;
  }
  return renderings;
}

function ifChoices(piece: Extract<Piece, { kind: 'if' }>): [number, number][][] | undefined {
  const taken = rangeChoices(piece.then);
  if (taken === undefined || piece.otherwise === undefined) return taken;
  const otherwise = rangeChoices(piece.otherwise);
  return otherwise === undefined ? undefined : [...taken, ...otherwise];
}

/** The decoded text of `ranges` only, each character keeping its file position. */
function selectedText(decoded: EmbeddedText, ranges: readonly [number, number][]): EmbeddedText {
  const kept = ranges.filter(([start, end]) => end > start);
  const starts: number[] = [];
  let length = 0;
  for (const [start, end] of kept) {
    starts.push(length);
    length += end - start;
  }
  const text = kept.map(([start, end]) => decoded.text.slice(start, end)).join('');
  const opaqueBefore = (index: number): number => {
    let count = 0;
    for (let at = decoded.text.indexOf(OPAQUE_MARK); at >= 0 && at < index; at = decoded.text.indexOf(OPAQUE_MARK, at + 1)) count++;
    return count;
  };
  const opaque = kept.flatMap(([start, end]) => {
    const first = opaqueBefore(start);
    const count = (decoded.text.slice(start, end).match(new RegExp(OPAQUE_MARK, 'gu')) ?? []).length;
    return decoded.opaque.slice(first, first + count);
  });
  const originalIndex = (index: number): number => {
    if (kept.length === 0) return 0;
    for (let range = kept.length - 1; range >= 0; range--) {
      if (index >= starts[range]!) return Math.min(kept[range]![0] + (index - starts[range]!), kept[range]![1]);
    }
    return kept[0]![0];
  };
  return {
    text,
    opaque,
    position: (index) => decoded.position(originalIndex(index)),
    slice: (from, to) => {
      let result = '';
      kept.forEach(([start, end], range) => {
        const pieceStart = Math.max(from, starts[range]!);
        const pieceEnd = Math.min(to, starts[range]! + (end - start));
        if (pieceEnd > pieceStart) result += decoded.slice(start + (pieceStart - starts[range]!), start + (pieceEnd - starts[range]!));
      });
      return result;
    },
  };
}
