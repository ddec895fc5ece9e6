/**
 * `deputy check`: regenerates in memory and compares with the output directory. Exit 1 listing missing,
 * stale, hand-edited, foreign and orphaned outputs; 0 when every output is current.
 */
import type { Command } from 'commander';
import { join, relative, resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { generateOutputs, type GenerateFlags } from '../generate-outputs.js';
import { planSync, type SyncPlan } from '../output-sync.js';
import { addGenerateOptions } from './generate-options.js';
import { existsSync } from 'node:fs';

/** One output that is not current. */
export interface Drift {
  /** Path relative to the working directory. */
  readonly path: string;
  /** What is wrong. */
  readonly kind: 'missing' | 'stale' | 'edited' | 'not-generated' | 'orphaned';
}

/** Registers `check`. */
export function registerCheck(program: Command, io: CliIo): void {
  addGenerateOptions(program.command('check').description('check that generated outputs are current: exit 1 listing missing, stale or hand-edited files')).action(
    async (inputs: string[], flags: GenerateFlags) => {
      const generated = await generateOutputs(inputs, flags, io);
      const outDir = resolve(io.cwd, flags.outDir);
      const drifts = [...generated.byTarget].flatMap(([target, files]) => driftsOf(planSync(join(outDir, target), files, { prune: true }), io.cwd));
      if (drifts.length === 0) {
        io.stderr(`deputy: ${flags.outDir} is current\n`);
        return;
      }
      for (const drift of drifts) io.stdout(`${drift.kind}: ${drift.path}\n`);
      io.stderr(`deputy: ${drifts.length} output${drifts.length === 1 ? ' is' : 's are'} not current; run deputy emit\n`);
      program.setOptionValue('exitCode', 1);
    },
  );
}

/** Every way a plan's directory differs from what deputy would write. */
export function driftsOf(plan: SyncPlan, cwd: string): Drift[] {
  const display = (relativePath: string) => relative(cwd, join(plan.targetDir, relativePath));
  const conflicted = new Map(plan.conflicts.map((conflict) => [conflict.relative, conflict.reason]));
  return [
    ...plan.writes.map((write): Drift => {
      const reason = conflicted.get(write.relative);
      if (reason === 'edited') return { path: display(write.relative), kind: 'edited' };
      if (reason === 'foreign') return { path: display(write.relative), kind: 'not-generated' };
      return { path: display(write.relative), kind: existsSync(write.absolute) ? 'stale' : 'missing' };
    }),
    ...plan.deletions.map((deletion): Drift => ({ path: display(deletion.relative), kind: conflicted.get(deletion.relative) === 'edited' ? 'edited' : 'orphaned' })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));
}
