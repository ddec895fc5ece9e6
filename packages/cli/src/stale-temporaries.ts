/**
 * Temporary files an earlier run left behind. Every file is written to a sibling `<name>.<pid>.<n>.tmp` and
 * renamed into place; a run killed before the rename (or, for `convert`'s staged writes, before its commit)
 * leaves such siblings, which are not outputs and would otherwise stay in the generated directory for good.
 * A sync removes those of the files it generates (or the manifest records) whose process is gone; a running
 * process's, this run's included, are left alone.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `<name>.<pid>.<token>.tmp`: the shape of `temporarySibling` (output-files.ts). */
const TEMPORARY_NAME = /^(.+)\.(\d+)\.[0-9a-z]+\.tmp$/;

/** The absolute paths of temporary siblings of `generated` (paths relative to `targetDir`) that no running process owns. */
export function staleTemporaries(targetDir: string, generated: Iterable<string>): string[] {
  const namesByDirectory = new Map<string, Set<string>>();
  for (const path of generated) {
    const absolute = join(targetDir, path);
    const directory = dirname(absolute);
    let names = namesByDirectory.get(directory);
    if (names === undefined) namesByDirectory.set(directory, (names = new Set()));
    names.add(basename(absolute));
  }
  const stale: string[] = [];
  for (const [directory, names] of namesByDirectory) {
    for (const entry of entriesOf(directory)) {
      const match = TEMPORARY_NAME.exec(entry);
      if (match === null || !names.has(match[1]!) || processIsRunning(Number(match[2]))) continue;
      stale.push(join(directory, entry));
    }
  }
  return stale;
}

function entriesOf(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}

/** True when a process with this ID runs (one this user may not signal counts as running). */
function processIsRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
