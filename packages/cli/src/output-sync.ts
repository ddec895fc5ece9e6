/**
 * Brings a target's output directory in line with freshly generated files, without losing anything:
 * a file deputy did not generate, or one edited by hand since, is never overwritten or deleted unless forced;
 * files no definition produces any more are removed only if they are exactly what deputy wrote.
 *
 * `planSync` only reads; `applySync` writes each file atomically, removes stale ones (and temporary files a
 * killed run left), and writes the manifest last. A run killed half-way leaves every file old-complete or
 * new-complete, and the next run accepts files that already hold the new content.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { assertNever, DeputyInputError, type Problem } from '@deputy/policy-model';
import { MANIFEST_FILE, manifestText, onDiskState, readManifest, type ManifestEntry, type RecordedFile } from './generated-manifest.js';
import { planWrites, removeIfPossible, writeFileAtomic, type PlannedFile } from './output-files.js';
import { staleTemporaries } from './stale-temporaries.js';
import type { StagedFiles } from './staged-writes.js';

/** What a sync would do, and what stands in its way. */
export interface SyncPlan {
  /** The target directory. */
  readonly targetDir: string;
  /** Files to write (new or changed), with absolute paths. */
  readonly writes: readonly { absolute: string; relative: string; contents: string }[];
  /** Generated files no longer produced, to delete (absolute paths). */
  readonly deletions: readonly { absolute: string; relative: string }[];
  /** Files that would be overwritten or deleted but are not deputy's, or were edited by hand. */
  readonly conflicts: readonly SyncConflict[];
  /** Files that are already current. */
  readonly unchanged: readonly string[];
  /** The new manifest text. */
  readonly manifest: string;
  /** Temporary files that killed runs left beside generated files (absolute paths), removed by the sync. */
  readonly staleTemporaries: readonly string[];
}

/** A file the sync would overwrite or delete though it should not. */
export interface SyncConflict {
  /** Path relative to the target directory. */
  readonly relative: string;
  /** `edited`: changed by hand since deputy wrote it; `foreign`: not deputy's; `other-definition`: another definition's output. */
  readonly reason: 'edited' | 'foreign' | 'other-definition';
  /** The input that wants to write the file, for messages. */
  readonly source: string;
  /** For `other-definition`: the definition the manifest records, relative to the target directory. */
  readonly owner?: string;
}

/** Options of a sync. */
export interface SyncOptions {
  /** Remove generated files that are no longer produced (emit); keep them and their manifest entries (convert). */
  readonly prune: boolean;
  /**
   * Which definitions this run speaks for (absolute path → true): only files whose recorded source it covers
   * are pruned, so emitting one team's definitions into a shared directory keeps every other file. Files with
   * no recorded source are kept. Absent: every generated file no longer produced is pruned.
   */
  readonly covers?: (definition: string) => boolean;
}

/** Plans the sync of `files` (paths relative to `targetDir`) into `targetDir`. */
export function planSync(targetDir: string, files: readonly PlannedFile[], options: SyncOptions): SyncPlan {
  // A target directory that does not exist yet (a first run) holds no file to compare, keep or clean up.
  const present = existsSync(targetDir);
  const manifest = readManifest(targetDir);
  const planned = planWrites(targetDir, files);
  const produced = new Map<string, RecordedFile>();
  const writes: SyncPlan['writes'][number][] = [];
  const conflicts: SyncPlan['conflicts'][number][] = [];
  const unchanged: string[] = [];
  for (const { absolute, file } of planned) {
    const source = file.definition !== undefined ? sourceFromTarget(targetDir, file.definition) : undefined;
    produced.set(file.path, { contents: file.contents, ...(source !== undefined ? { source } : {}) });
    const owner = manifest.files[file.path]?.source;
    if (owner !== undefined && source !== undefined && owner !== source && !covered(targetDir, manifest.files[file.path]!, options.covers) && existsSync(resolve(targetDir, owner))) {
      conflicts.push({ relative: file.path, reason: 'other-definition', source: file.source, owner });
    }
    const onDisk = present && existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
    if (onDisk === file.contents) {
      unchanged.push(file.path);
      continue;
    }
    const state = onDiskState(manifest, file.path, onDisk);
    if (state === 'edited' || state === 'foreign') conflicts.push({ relative: file.path, reason: state, source: file.source });
    writes.push({ absolute, relative: file.path, contents: file.contents });
  }
  const deletions: SyncPlan['deletions'][number][] = [];
  const kept = new Map<string, ManifestEntry>();
  for (const relative of Object.keys(manifest.files).sort()) {
    if (produced.has(relative)) continue;
    const entry = manifest.files[relative]!;
    if (!options.prune || !covered(targetDir, entry, options.covers)) {
      kept.set(relative, entry);
      continue;
    }
    const absolute = join(targetDir, relative);
    if (!existsSync(absolute)) continue;
    const state = onDiskState(manifest, relative, readFileSync(absolute, 'utf8'));
    if (state === 'edited') conflicts.push({ relative, reason: 'edited', source: MANIFEST_FILE });
    deletions.push({ absolute, relative });
  }
  const staleFiles = present ? staleTemporaries(targetDir, [...produced.keys(), ...Object.keys(manifest.files), MANIFEST_FILE]) : [];
  return { targetDir, writes, deletions, conflicts, unchanged, manifest: manifestText(produced, kept), staleTemporaries: staleFiles };
}

/** The path of a definition as the manifest records it: relative to the target directory, `/` separators. */
export function sourceFromTarget(targetDir: string, definition: string): string {
  return relative(resolve(targetDir), definition).split(sep).join('/');
}

function covered(targetDir: string, entry: ManifestEntry, covers: SyncOptions['covers']): boolean {
  if (covers === undefined) return true;
  if (entry.source === undefined) return false;
  return covers(resolve(targetDir, entry.source));
}

/** Refuses plans with conflicts, naming each file, unless forced. */
export function assertNoConflicts(plans: readonly SyncPlan[], displayDir: (plan: SyncPlan) => string): void {
  const problems: Problem[] = plans.flatMap((plan) => plan.conflicts.map((conflict) => conflictProblem(conflict, displayDir(plan))));
  if (problems.length > 0) throw new DeputyInputError(problems);
}

function conflictProblem(conflict: SyncConflict, displayDir: string): Problem {
  const file = join(displayDir, conflict.relative);
  switch (conflict.reason) {
    case 'edited':
      return { code: 'output-edited', message: 'was edited by hand since deputy generated it', hint: 'move it away, or pass --force to overwrite it', file };
    case 'foreign':
      return { code: 'output-not-generated', message: 'exists and was not generated by deputy', hint: 'move it away, or pass --force to overwrite it', file };
    case 'other-definition':
      return {
        code: 'output-of-other-definition',
        message: `${conflict.source} would overwrite the output of ${join(displayDir, conflict.owner ?? '')}`,
        hint: 'rename one of the definition files, emit into another --out-dir, or pass --force to take the file over',
        file,
      };
    default:
      return assertNever(conflict.reason, 'conflict reason');
  }
}

/**
 * Carries out a plan: atomic writes, then deletions, then the manifest. A write whose file was staged
 * (written to a temporary sibling while the run rendered) is renamed into place; any other is written now.
 */
export function applySync(plan: SyncPlan, staged?: StagedFiles): void {
  const madeDirectories = new Set<string>();
  for (const write of plan.writes) if (!staged?.take(write.absolute)) writeFileAtomic(write.absolute, write.contents, madeDirectories);
  for (const deletion of plan.deletions) rmSync(deletion.absolute, { force: true });
  for (const temporary of plan.staleTemporaries) removeIfPossible(temporary);
  writeFileAtomic(join(plan.targetDir, MANIFEST_FILE), plan.manifest);
}
