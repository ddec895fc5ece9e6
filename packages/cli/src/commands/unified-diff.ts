/**
 * A unified diff of two texts by lines (Myers' O((N+M)·D) algorithm), for `deputy check --diff`: what is on
 * disk (`---`) against what deputy would write (`+++`), with three lines of context, as `diff -u` prints it.
 */

/** One line of an edit script. */
interface Edit {
  readonly kind: ' ' | '-' | '+';
  readonly line: string;
}

const CONTEXT = 3;

/** The unified diff of `before` → `after`, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string): string {
  if (before === after) return '';
  const edits = diffLines(splitLines(before), splitLines(after));
  const hunks = hunksOf(edits);
  return [`--- ${beforeName}\n`, `+++ ${afterName}\n`, ...hunks].join('');
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

/**
 * The edit script from `a` to `b`: common head and tail kept, the middle by Myers' shortest edit script. When
 * the middle needs more than MAX_EDITS edits (a rewritten file), it is shown as removed then added, which is
 * still a correct diff and keeps time and memory bounded.
 */
function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const middle = myers(middleA, middleB) ?? [...middleA.map((line): Edit => ({ kind: '-', line })), ...middleB.map((line): Edit => ({ kind: '+', line }))];
  const kept = (lines: readonly string[]) => lines.map((line): Edit => ({ kind: ' ', line }));
  return [...kept(a.slice(0, head)), ...middle, ...kept(a.slice(a.length - tail))];
}

const MAX_EDITS = 2000;

/** Myers' shortest edit script, or undefined when it needs more than MAX_EDITS edits. */
function myers(a: readonly string[], b: readonly string[]): Edit[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    if (d > MAX_EDITS) return undefined;
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const previous = trace[d]!;
    const at = (k: number) => previous[k + d]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      y--;
      edits.push({ kind: ' ', line: a[--x]! });
    }
    if (d === 0) break;
    if (down) edits.push({ kind: '+', line: b[--y]! });
    else edits.push({ kind: '-', line: a[--x]! });
  }
  return edits.reverse();
}

/** Groups edits into `@@ -l,s +l,s @@` hunks with context lines around each change. */
function hunksOf(edits: readonly Edit[]): string[] {
  const hunks: string[] = [];
  let index = 0;
  let oldLine = 1;
  let newLine = 1;
  while (index < edits.length) {
    if (edits[index]!.kind === ' ') {
      index++;
      oldLine++;
      newLine++;
      continue;
    }
    const start = Math.max(0, index - CONTEXT);
    let end = index;
    for (let quiet = 0; end < edits.length; end++) {
      quiet = edits[end]!.kind === ' ' ? quiet + 1 : 0;
      if (quiet > 2 * CONTEXT) break;
    }
    end = Math.min(edits.length, trimTrailingContext(edits, end));
    const lead = index - start;
    const body = edits.slice(start, end);
    const oldCount = body.filter((edit) => edit.kind !== '+').length;
    const newCount = body.filter((edit) => edit.kind !== '-').length;
    const oldStart = oldLine - lead;
    const newStart = newLine - lead;
    hunks.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`, ...body.map((edit) => `${edit.kind}${edit.line}\n`));
    for (const edit of edits.slice(index, end)) {
      if (edit.kind !== '+') oldLine++;
      if (edit.kind !== '-') newLine++;
    }
    index = end;
  }
  return hunks;
}

/** The end of a hunk: its last change plus at most CONTEXT kept lines. */
function trimTrailingContext(edits: readonly Edit[], end: number): number {
  let last = end - 1;
  while (last >= 0 && edits[last]!.kind === ' ') last--;
  return last + 1 + CONTEXT;
}

function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
