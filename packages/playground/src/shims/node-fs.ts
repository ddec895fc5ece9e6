/**
 * `node:fs` in the browser: a small read-only virtual file system. The deputy packages import fs at module
 * level for paths the playground never takes (directories, config files, baselines). What is read on the
 * browser path: @deputy/lint's own `package.json` (for its version) when it loads; each emitter's packaged
 * templates (`/templates/<target>/*.hbs`, registered by `packaged-templates.ts`), found as the emitters find
 * them, walking up from the module's URL; and the IAM action data, registered by `iam-data.ts`.
 */
import { LINT_PACKAGE_JSON } from 'virtual:deputy-cjs';

const files = new Map<string, string | (() => string)>();

/** Adds (or replaces) a virtual file: its text, or a function that makes the text when it is first read. */
export function registerVirtualFile(path: string, contents: string | (() => string)): void {
  files.set(path, contents);
}

function textOf(path: string): string | undefined {
  const entry = files.get(path);
  if (typeof entry !== 'function') return entry;
  const text = entry();
  files.set(path, text);
  return text;
}

function key(path: unknown): string {
  return path instanceof URL ? path.pathname : String(path);
}

function notFound(path: unknown): Error {
  return Object.assign(new Error(`ENOENT: no such file in the browser playground: ${key(path)}`), { code: 'ENOENT' });
}

function isDirectory(path: string): boolean {
  const prefix = path.endsWith('/') ? path : `${path}/`;
  for (const file of files.keys()) if (file.startsWith(prefix)) return true;
  return false;
}

/** True when a virtual file, or a folder holding one, exists at the path. */
export function existsSync(path: unknown): boolean {
  return files.has(key(path)) || isDirectory(key(path));
}

/** The text of a virtual file (any `package.json`: @deputy/lint's); throws ENOENT otherwise. */
export function readFileSync(path: unknown): string {
  if (key(path).endsWith('/package.json')) return LINT_PACKAGE_JSON;
  const text = textOf(key(path));
  if (text === undefined) throw notFound(path);
  return text;
}

/** A virtual file's or folder's kind. */
export function statSync(path: unknown): { isDirectory(): boolean; isFile(): boolean; size: number } {
  const text = textOf(key(path));
  if (text !== undefined) return { isDirectory: () => false, isFile: () => true, size: text.length };
  if (isDirectory(key(path))) return { isDirectory: () => true, isFile: () => false, size: 0 };
  throw notFound(path);
}

/** The names in a virtual folder (files and folders), sorted. */
export function readdirSync(path: unknown): string[] {
  const prefix = key(path).endsWith('/') ? key(path) : `${key(path)}/`;
  const names = new Set<string>();
  for (const file of files.keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]!);
  return [...names].sort();
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
