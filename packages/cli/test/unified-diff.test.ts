/** `check --diff`'s unified diff: `patch` applies it to give the new text, and it is as short as `diff -u`'s. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../src/commands/unified-diff.js';

const hasTools = ['patch', 'diff'].every((tool) => spawnSync(tool, ['--version']).status === 0);
const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'resource {', '}', ''), { maxLength: 30 });
const text = lines.map((items) => items.map((line) => `${line}\n`).join(''));

function changedLineCount(diff: string): number {
  return diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line)).length;
}

describe('unifiedDiff', () => {
  it('is empty for equal texts and names both sides', () => {
    expect(unifiedDiff('x\n', 'x\n', 'a/f', 'b/f')).toBe('');
    expect(unifiedDiff('x\ny\n', 'x\nz\n', 'a/f', 'b/f')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n');
    expect(unifiedDiff('', 'new\n', '/dev/null', 'b/f')).toBe('--- /dev/null\n+++ b/f\n@@ -0,0 +1 @@\n+new\n');
  });

  it('shows a rewritten file as removed then added, keeping the common head and tail', () => {
    const before = ['head', ...Array.from({ length: 2500 }, (_, index) => `old ${index}`), 'tail'].map((line) => `${line}\n`).join('');
    const after = ['head', ...Array.from({ length: 2500 }, (_, index) => `new ${index}`), 'tail'].map((line) => `${line}\n`).join('');
    const lines = unifiedDiff(before, after, 'a/f', 'b/f').split('\n');
    expect(lines.slice(0, 4)).toEqual(['--- a/f', '+++ b/f', '@@ -1,2502 +1,2502 @@', ' head']);
    expect([lines[4], lines[2503], lines[2504], lines[5003], lines[5004]]).toEqual(['-old 0', '-old 2499', '+new 0', '+new 2499', ' tail']);
  });

  it.runIf(hasTools)('gives what patch turns into the new text, with as few changed lines as diff -u (property)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deputy-diff-'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        writeFileSync(join(dir, 'before'), before);
        writeFileSync(join(dir, 'after'), after);
        writeFileSync(join(dir, 'target'), before);
        const ours = unifiedDiff(before, after, 'a/target', 'b/target');
        if (before === after) return ours === '';
        const applied = spawnSync('patch', ['-s', '-p1', '--no-backup-if-mismatch', 'target'], { cwd: dir, input: ours, encoding: 'utf8' });
        expect(applied.status, applied.stderr + applied.stdout + ours).toBe(0);
        expect(readFileSync(join(dir, 'target'), 'utf8')).toBe(after);
        const theirs = spawnSync('diff', ['-u', 'before', 'after'], { cwd: dir, encoding: 'utf8' }).stdout;
        expect(changedLineCount(ours)).toBe(changedLineCount(theirs));
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
