/**
 * Writing generated files without losing anything: every path is checked to stay inside the output
 * directory before anything is written, and each file is written to a temporary sibling and renamed into
 * place, so a reader (or a crash) sees either the old or the new file, never half of one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DeputyInputError } from '@deputy/policy-model';

/** A file to write, with its path relative to the output directory. */
export interface PlannedFile {
  /** Path relative to the output directory. */
  readonly path: string;
  /** Contents. */
  readonly contents: string;
  /** The input the file was generated from, for messages. */
  readonly source: string;
  /** The absolute path of the definition that produced the file, recorded in the manifest; absent for shared files. */
  readonly definition?: string;
}

/** Checks that no two files share a path and none leaves `outDir`; returns absolute paths. */
export function planWrites(outDir: string, files: readonly PlannedFile[]): { absolute: string; file: PlannedFile }[] {
  const root = resolve(outDir);
  const seen = new Map<string, string>();
  return files.map((file) => {
    const absolute = pathInside(root, file.path);
    if (absolute === undefined) {
      throw new DeputyInputError([{ code: 'path-escapes-output', message: `output path ${JSON.stringify(file.path)} leaves the output directory`, hint: 'rename the role or policy', file: file.source }]);
    }
    const previous = seen.get(absolute);
    if (previous !== undefined) {
      throw new DeputyInputError([{ code: 'output-collision', message: `${file.source} and ${previous} both write ${join(outDir, file.path)}`, hint: 'give the inputs different file names', file: file.source }]);
    }
    seen.set(absolute, file.source);
    return { absolute, file };
  });
}

/** A relative path of plain segments (no `.`, `..`, empty segment or backslash): it stays inside any directory. */
const PLAIN_RELATIVE_PATH = /^(?!\.\.?(?:\/|$))[^/\\]+(?:\/(?!\.\.?(?:\/|$))[^/\\]+)*$/;

/**
 * The absolute path of `path` inside the resolved directory `root`, or undefined when it would leave it. Paths
 * of plain segments (what emitters write) are joined without `path.resolve`, which costs ~10 µs a call.
 */
export function pathInside(root: string, path: string): string | undefined {
  if (sep === '/' && PLAIN_RELATIVE_PATH.test(path)) return `${root}/${path}`;
  return staysInside(root, path) ? resolve(root, path) : undefined;
}

/** True when `path`, relative to the resolved directory `root`, names a file inside it. */
function staysInside(root: string, path: string): boolean {
  const inside = relative(root, resolve(root, path));
  return !(isAbsolute(path) || inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside));
}

/**
 * The file with its contents as one flat string. Emitters build files by concatenation, and V8 keeps a
 * concatenation as a tree of its pieces until something reads it whole (hashing, writing). A run holds every
 * file until the last definition is rendered, so 30,000 files held as trees, then flattened at once when the
 * manifest hashes them, cost ~35 MB of peak memory; flattened as each is made, the pieces die young.
 * `Buffer.byteLength` reads the whole string, which makes V8 flatten it in place.
 */
export function withFlatContents<File extends { readonly contents: string }>(file: File): File {
  Buffer.byteLength(file.contents, 'utf8');
  return file;
}

/**
 * Writes one file atomically: temporary sibling, then rename. `madeDirectories` remembers the directories
 * already made in this run, so a run of thousands of files makes each directory once.
 */
export function writeFileAtomic(path: string, contents: string, madeDirectories?: Set<string>): void {
  const directory = dirname(path);
  if (!madeDirectories?.has(directory)) {
    mkdirSync(directory, { recursive: true });
    madeDirectories?.add(directory);
  }
  const temporary = temporarySibling(path, Date.now().toString(36));
  try {
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The temporary sibling a file is written to before it is renamed into place: `<path>.<pid>.<token>.tmp`, the
 * pid telling a later run whether the writer still runs (stale-temporaries.ts reads the same shape).
 */
export function temporarySibling(path: string, token: string): string {
  return `${path}.${process.pid}.${token}.tmp`;
}

/** Removes a file; one that cannot be removed (a directory by that name, a permission) is left as it is. */
export function removeIfPossible(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Not this run's to insist on.
  }
}
