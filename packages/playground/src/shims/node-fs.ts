/**
 * `node:fs` in the browser: a small read-only virtual file system. The deputy packages import fs at module
 * level for paths the playground never takes (directories, config files, baselines); the one file read on the
 * browser path is the IAM action data, registered here by `iam-data.ts` before the first definition is loaded.
 */
const files = new Map<string, string>();

/** Adds (or replaces) a virtual file. */
export function registerVirtualFile(path: string, contents: string): void {
  files.set(path, contents);
}

function key(path: unknown): string {
  return path instanceof URL ? path.pathname : String(path);
}

function notFound(path: unknown): Error {
  return Object.assign(new Error(`ENOENT: no such file in the browser playground: ${key(path)}`), { code: 'ENOENT' });
}

/** True when a virtual file exists at the path. */
export function existsSync(path: unknown): boolean {
  return files.has(key(path));
}

/** The text of a virtual file; throws ENOENT otherwise. */
export function readFileSync(path: unknown): string {
  const text = files.get(key(path));
  if (text === undefined) throw notFound(path);
  return text;
}

/** A file's kind; only virtual files exist. */
export function statSync(path: unknown): { isDirectory(): boolean; isFile(): boolean; size: number } {
  const text = files.get(key(path));
  if (text === undefined) throw notFound(path);
  return { isDirectory: () => false, isFile: () => true, size: text.length };
}

/** No directory is listed in the browser. */
export function readdirSync(): never[] {
  return [];
}

/** Paths are already real. */
export function realpathSync(path: unknown): string {
  return key(path);
}

/** The playground never writes files: the browser offers downloads instead. */
export function writeFileSync(path: unknown): never {
  throw new Error(`invariant: the playground does not write files (${key(path)})`);
}

/** See {@link writeFileSync}. */
export function renameSync(path: unknown): never {
  throw new Error(`invariant: the playground does not rename files (${key(path)})`);
}

export default { existsSync, readFileSync, statSync, readdirSync, realpathSync, writeFileSync, renameSync };
