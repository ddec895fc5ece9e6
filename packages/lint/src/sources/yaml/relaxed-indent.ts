/**
 * PyYAML (CloudFormation's and cfn-lint's reader) does not check the indentation of the continuation lines
 * of a quoted scalar or a flow collection; the `yaml` package demands they be indented deeper than the
 * enclosing block node. Public templates rely on PyYAML's leniency:
 *
 *     PolicyDocument: !Sub '{
 *         "Statement": []
 *     }'                        <- closing line at the key's indentation
 *     Resource: [
 *     "a", "b"
 *     ]                         <- flow sequence closed at the parent's indentation
 *
 * {@link relaxIndentation} indents such continuation lines just enough for the `yaml` package. Leading
 * white space of a continuation line is insignificant in both constructs (folded away in quoted scalars,
 * ignored in flow collections), so the values read are unchanged; `shifts` records the spaces added per
 * line so that columns can be mapped back to the file.
 */

/** Text with under-indented continuation lines indented, and the spaces added per 1-based line. */
export interface RelaxedText {
  /** The re-indented text (same lines, same line count). */
  readonly text: string;
  /** Spaces inserted at the start of each changed 1-based line. */
  readonly shifts: ReadonlyMap<number, number>;
}

type Mode = 'block' | 'single' | 'double';

/** Re-indents continuation lines of multi-line quoted scalars and flow collections; undefined when nothing changes. */
export function relaxIndentation(text: string): RelaxedText | undefined {
  const lines = text.split('\n');
  const shifts = new Map<number, number>();
  followLines(lines, (index, required) => {
    const line = lines[index]!;
    const indent = indentOf(line);
    if (line.trim() === '' || indent >= required || /^(?:---|\.\.\.)(?:\s|$)/.test(line)) return;
    lines[index] = ' '.repeat(required - indent) + line;
    shifts.set(index + 1, required - indent);
  });
  return shifts.size === 0 ? undefined : { text: lines.join('\n'), shifts };
}

/**
 * Which lines continue a construct begun on an earlier line (a quoted scalar, a flow collection or a block
 * scalar), so that a line-based split of a file never cuts through one.
 */
export function continuationLines(lines: readonly string[]): boolean[] {
  const continued = lines.map(() => false);
  followLines(lines, (index) => {
    continued[index] = true;
  }, (index) => {
    continued[index] = true;
  });
  return continued;
}

/**
 * Walks the lines, calling `onContinuation(index, required)` for each line inside a quoted scalar or flow
 * collection begun earlier (`required`: the indentation the yaml package wants), and `onBlockScalar(index)`
 * for each line of a block scalar's content. `onContinuation` may rewrite `lines[index]` (re-indent it).
 */
function followLines(lines: string[] | readonly string[], onContinuation: (index: number, required: number) => void, onBlockScalar: (index: number) => void = () => undefined): void {
  let mode: Mode = 'block';
  let flowDepth = 0;
  let required = 0;
  let blockScalarIndent = -1;
  for (let index = 0; index < lines.length; index++) {
    const original = lines[index]!;
    const indent = indentOf(original);
    if (blockScalarIndent >= 0) {
      if (original.trim() === '' || indent > blockScalarIndent) {
        onBlockScalar(index);
        continue;
      }
      blockScalarIndent = -1;
    }
    const continuing = mode !== 'block' || flowDepth > 0;
    if (!continuing && (original.startsWith('---') || original.startsWith('...'))) continue;
    if (continuing) onContinuation(index, required);
    const line = lines[index]!;
    if (!continuing) required = contentColumn(line) + 1;
    const scanned = scanLine(line, mode, flowDepth);
    mode = scanned.mode;
    flowDepth = scanned.flowDepth;
    if (mode === 'block' && flowDepth === 0 && scanned.blockScalar) blockScalarIndent = indentOf(line);
  }
}

/** The column (0-based) of a line's content after its indentation and any `- ` sequence markers. */
function contentColumn(line: string): number {
  const match = /^[ ]*(?:-[ ]+)*/.exec(line);
  return match ? match[0].length : 0;
}

function indentOf(line: string): number {
  let count = 0;
  while (count < line.length && line.charCodeAt(count) === 32) count++;
  return count;
}

/** Follows quotes, flow brackets and comments through one line. */
function scanLine(line: string, startMode: Mode, startDepth: number): { mode: Mode; flowDepth: number; blockScalar: boolean } {
  let mode = startMode;
  let flowDepth = startDepth;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (mode === 'single') {
      if (char === "'") {
        if (line[index + 1] === "'") index++;
        else mode = 'block';
      }
      continue;
    }
    if (mode === 'double') {
      if (char === '\\') index++;
      else if (char === '"') mode = 'block';
      continue;
    }
    const previous = index === 0 ? ' ' : line[index - 1]!;
    if (flowDepth > 0 && (char === ']' || char === '}')) {
      flowDepth--;
      continue;
    }
    const tokenStart = previous === ' ' || previous === '\t' || previous === '[' || previous === '{' || previous === ',' || (flowDepth > 0 && previous === ':');
    if (char === '#' && (previous === ' ' || previous === '\t' || index === 0)) break;
    if (!tokenStart) continue;
    if (flowDepth === 0 && (char === "'" || char === '"' || char === '[' || char === '{') && !NODE_START.test(line.slice(0, index))) continue;
    if (char === "'") mode = 'single';
    else if (char === '"') mode = 'double';
    else if (char === '[' || char === '{') flowDepth++;
  }
  const tail = mode === 'block' && flowDepth === 0 ? withoutComment(line).trimEnd() : '';
  const blockScalar = /(?:^|[\s:])[|>][+-]?[0-9]?[+-]?$/.test(tail);
  return { mode, flowDepth, blockScalar };
}

/** What may precede a quoted scalar or flow collection on a block line: indentation, `- ` markers, a key, tags and anchors. */
const NODE_START = /^\s*(?:-\s+)*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#\[\]{}][^#]*?)\s*:\s+)?(?:[!&]\S*\s+)*$/;

function withoutComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match ? line.slice(0, match.index) : line;
}
