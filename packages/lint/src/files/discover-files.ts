/**
 * Turns the paths given on the command line into the files to lint. Directories are walked, skipping
 * generated directories (`.terraform`, `.terragrunt-cache`, `.aws-sam`, `.serverless`, `cdk.out`,
 * `node_modules`, `vendor`, `.git`, … unless the config includes them) and the config's ignore globs;
 * symbolic links are followed, and every file is listed once by its real path, so a file reached through a
 * link is linted once and a link loop ends. A file named on the command line is always read; a walked file
 * only when its extension is one deputy reads.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import { GENERATED_DIRECTORIES, type LintConfig } from '../config/lint-config.js';
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

/** A file or directory the walk left out, and why. */
export interface SkippedPath {
  /** The path, as displayed. */
  readonly file: string;
  /** Why: `generated directory`, `ignored by <glob>`, `duplicate of <path>` (a link), … */
  readonly reason: string;
}

/** What a walk found. */
export interface Discovery {
  /** The files to lint, sorted by display path. */
  readonly targets: LintTarget[];
  /** Directories and files left out, sorted by display path. */
  readonly skipped: SkippedPath[];
}

/** Directories never walked by default (see {@link GENERATED_DIRECTORIES}). */
export const SKIPPED_DIRECTORIES: readonly string[] = GENERATED_DIRECTORIES;

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
export function discoverFiles(paths: readonly string[], cwd: string, config?: LintConfig): LintTarget[] {
  return walkPaths(paths, cwd, config).targets;
}

/** Walks the given paths; throws {@link DeputyInputError} for paths that do not exist. */
export function walkPaths(paths: readonly string[], cwd: string, config?: LintConfig): Discovery {
  const problems: Problem[] = [];
  const targets = new Map<string, LintTarget>();
  const skipped: SkippedPath[] = [];
  const visitedDirectories = new Map<string, string>();
  const normalCwd = resolve(cwd) === cwd;
  const display = (path: string): string => {
    if (path === cwd) return '.';
    if (!path.startsWith(cwd + sep)) return path;
    const relativePath = normalCwd && isNormalAbsolute(path) ? path.slice(cwd.length + 1) : relative(cwd, path);
    return relativePath.split(sep).join('/');
  };
  const generated = (name: string): boolean => GENERATED_DIRECTORIES.includes(name) && config?.includeGenerated !== 'all' && !(config?.includeGenerated ?? []).includes(name);
  const ignoredBy = (path: string, directory: boolean): string | undefined => {
    if (config === undefined || config.ignore.length === 0) return undefined;
    const relativePath = relative(config.root, path).split(sep).join('/');
    if (relativePath.startsWith('../')) return undefined;
    return config.ignore.find((glob) => glob.matches(relativePath, directory))?.pattern;
  };
  const addFile = (path: string, real: string, kind: FileKind | undefined, explicit: boolean): void => {
    const earlier = targets.get(real);
    if (earlier !== undefined) {
      if (!explicit) skipped.push({ file: display(path), reason: `same file as ${earlier.display}` });
      return;
    }
    targets.set(real, { path, display: display(path), ...(kind ? { kind } : {}), explicit });
  };
  const walk = (directory: string): void => {
    const real = realPath(directory);
    const earlier = visitedDirectories.get(real);
    if (earlier !== undefined) {
      skipped.push({ file: display(directory), reason: `same directory as ${earlier}` });
      return;
    }
    visitedDirectories.set(real, display(directory));
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: display(directory), reason: `directory unreadable (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` });
      return;
    }
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
      const path = join(directory, entry.name);
      const type = entry.isSymbolicLink() ? linkTarget(path) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if (type === 'directory') {
        const glob = ignoredBy(path, true);
        if (generated(entry.name)) skipped.push({ file: display(path), reason: 'generated directory' });
        else if (glob !== undefined) skipped.push({ file: display(path), reason: `ignored by ${glob}` });
        else walk(path);
        continue;
      }
      if (type !== 'file') continue;
      const kind = kindOfName(entry.name);
      if (kind === undefined || entry.name.endsWith(SIDECAR_SUFFIX)) continue;
      const glob = ignoredBy(path, false);
      if (glob !== undefined) skipped.push({ file: display(path), reason: `ignored by ${glob}` });
      else addFile(path, entry.isSymbolicLink() ? realPath(path) : join(real, entry.name), kind, false);
    }
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else addFile(path, realPath(path), kindOfName(path), true);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({
        code: code === 'ENOENT' ? 'path-not-found' : 'path-unreadable',
        message: code === 'ENOENT' ? 'no such file or directory' : code === 'ELOOP' ? 'the symbolic link loops' : `cannot read (${code ?? 'unknown error'})`,
        hint: 'check the path',
        file: given,
      });
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return {
    targets: [...targets.values()].sort((a, b) => compare(a.display, b.display)),
    skipped: skipped.sort((a, b) => compare(a.file, b.file)),
  };
}

/** What a symbolic link points at; a dangling or looping link is `other`. */
function linkTarget(path: string): 'file' | 'directory' | 'other' {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * True for a path no segment of which is empty, `.`, `..` or starts with a dot (a path built by `join` from
 * a resolved directory, `.github` aside): below a resolved directory, its relative path is then its tail.
 */
function isNormalAbsolute(path: string): boolean {
  return isAbsolute(path) && !path.includes(`${sep}.`) && !path.includes(`${sep}${sep}`) && !path.endsWith(sep);
}

function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
