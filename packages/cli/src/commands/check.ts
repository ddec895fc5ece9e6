/**
 * `deputy check`: regenerates in memory and compares with the output directory. Exit 1 listing missing,
 * stale, hand-edited, foreign and orphaned outputs (with `--diff`, a unified diff of each stale or edited
 * file); 0 when every output is current.
 */
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { generateOutputs, type GenerateFlags } from '../generate-outputs.js';
import { planSync, type SyncPlan } from '../output-sync.js';
import { addGenerateOptions } from './generate-options.js';
import { unifiedDiff } from './unified-diff.js';

/** One output that is not current. */
export interface Drift {
  /** Path relative to the working directory. */
  readonly path: string;
  /** What is wrong. */
  readonly kind: 'missing' | 'stale' | 'edited' | 'not-generated' | 'orphaned' | 'other-definition';
  /** What deputy would write there; absent for files it would remove. */
  readonly expected?: string;
  /** The absolute path. */
  readonly absolute: string;
}

/** Registers `check`. */
export function registerCheck(program: Command, io: CliIo): void {
  addGenerateOptions(program.command('check').description('check that generated outputs are current: exit 1 listing missing, stale or hand-edited files'))
    .option('--diff', 'print a unified diff (on disk → what deputy would write) for each file that is not current')
    .action(async (inputs: string[], flags: GenerateFlags & { diff?: boolean }, command: Command) => {
      const generated = await generateOutputs(inputs, { ...flags, defaultTarget: command.getOptionValueSource('target') === 'default' }, io);
      const outDir = resolve(io.cwd, flags.outDir);
      const drifts = [...generated.byTarget].flatMap(([target, files]) => driftsOf(planSync(join(outDir, target), files, { prune: true, covers: generated.covers }), io.cwd));
      if (drifts.length === 0) {
        io.stderr(`deputy: ${flags.outDir} is current\n`);
        return;
      }
      for (const drift of drifts) {
        io.stdout(`${drift.kind}: ${drift.path}\n`);
        if (flags.diff) io.stdout(driftDiff(drift));
      }
      io.stderr(`deputy: ${drifts.length} output${drifts.length === 1 ? ' is' : 's are'} not current; run deputy emit\n`);
      program.setOptionValue('exitCode', 1);
    });
}

/** Every way a plan's directory differs from what deputy would write. */
export function driftsOf(plan: SyncPlan, cwd: string): Drift[] {
  const display = (relativePath: string) => relative(cwd, join(plan.targetDir, relativePath));
  const conflicted = new Map(plan.conflicts.map((conflict) => [conflict.relative, conflict.reason]));
  const owned = plan.conflicts.filter((conflict) => conflict.reason === 'other-definition').map((conflict) => conflict.relative);
  return [
    ...plan.writes
      .filter((write) => !owned.includes(write.relative))
      .map((write): Drift => {
        const reason = conflicted.get(write.relative);
        const base = { path: display(write.relative), absolute: write.absolute, expected: write.contents };
        if (reason === 'edited') return { ...base, kind: 'edited' };
        if (reason === 'foreign') return { ...base, kind: 'not-generated' };
        return { ...base, kind: existsSync(write.absolute) ? 'stale' : 'missing' };
      }),
    ...owned.map((path): Drift => ({ path: display(path), absolute: join(plan.targetDir, path), kind: 'other-definition' })),
    ...plan.deletions.map((deletion): Drift => ({ path: display(deletion.relative), absolute: deletion.absolute, kind: conflicted.get(deletion.relative) === 'edited' ? 'edited' : 'orphaned' })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The unified diff of a drift: from what is on disk (or nothing) to what deputy would write (or nothing). */
function driftDiff(drift: Drift): string {
  if (drift.kind === 'other-definition') return '';
  const onDisk = existsSync(drift.absolute) ? readFileSync(drift.absolute, 'utf8') : '';
  const name = drift.path.split('\\').join('/');
  return unifiedDiff(onDisk, drift.expected ?? '', onDisk === '' && !existsSync(drift.absolute) ? '/dev/null' : `a/${name}`, drift.expected === undefined ? '/dev/null' : `b/${name}`);
}
