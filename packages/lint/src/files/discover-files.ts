/**
 * Turns the paths given on the command line into the files to lint. Directories are walked (skipping
 * `node_modules`, `.terraform` and `.git`, and not following symbolic links to directories); a file named
 * on the command line is always read, a walked file only when its extension is one deputy reads.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import { SIDECAR_SUFFIX } from '../suppress/sidecar.js';

/** How a file is read. */
export type FileKind = 'terraform' | 'tf-json' | 'json' | 'yaml';

/** One file to lint. */
export interface LintTarget {
  /** The absolute path. */
  readonly path: string;
  /** The path as displayed: relative to the working directory when inside it. */
  readonly display: string;
  /** How to read it; undefined for a file named on the command line whose extension says nothing (sniffed). */
  readonly kind?: FileKind;
  /** True when the file was named on the command line rather than found by walking a directory. */
  readonly explicit: boolean;
}

/** Directories never walked. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', '.terraform', '.git'];

/** The kind a file name implies, if any. */
export function kindOfName(name: string): FileKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.tf')) return 'terraform';
  if (lower.endsWith('.tf.json')) return 'tf-json';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml') || lower.endsWith('.template')) return 'yaml';
  return undefined;
}

/** The files to lint, sorted by display path; throws {@link DeputyInputError} for paths that do not exist. */
export function discoverFiles(paths: readonly string[], cwd: string): LintTarget[] {
  const problems: Problem[] = [];
  const targets = new Map<string, LintTarget>();
  const display = (path: string): string => {
    const relativePath = relative(cwd, path);
    return path === cwd ? '.' : path.startsWith(cwd + sep) ? relativePath.split(sep).join('/') : path;
  };
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.includes(entry.name)) walk(path);
        continue;
      }
      if (!entry.isFile() && !(entry.isSymbolicLink() && isFile(path))) continue;
      const kind = kindOfName(entry.name);
      if (kind && !entry.name.endsWith(SIDECAR_SUFFIX) && !targets.has(path)) targets.set(path, { path, display: display(path), kind, explicit: false });
    }
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) {
        walk(path);
      } else {
        const kind = kindOfName(path);
        targets.set(path, { path, display: display(path), ...(kind ? { kind } : {}), explicit: true });
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({
        code: code === 'ENOENT' ? 'path-not-found' : 'path-unreadable',
        message: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'unknown error'})`,
        hint: 'check the path',
        file: given,
      });
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return [...targets.values()].sort((a, b) => compare(a.display, b.display));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
