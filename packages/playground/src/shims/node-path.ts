/** `node:path` in the browser: the POSIX functions the deputy packages call, on `/`-separated paths. */
export const sep = '/';

/** Removes `.` and resolves `..` segments. */
export function normalize(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** Joins segments and normalises the result. */
export function join(...parts: string[]): string {
  return normalize(parts.filter((part) => part !== '').join('/'));
}

/** Resolves against `/` (the browser has no working directory). */
export function resolve(...parts: string[]): string {
  let path = '';
  for (const part of parts) path = part.startsWith('/') ? part : `${path}/${part}`;
  return normalize(path.startsWith('/') ? path : `/${path}`);
}

/** Whether a path starts at the root. */
export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}

/** The folder part of a path. */
export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '' && path.startsWith('/')) return '/';
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : path.slice(0, index);
}

/** The last segment, less `suffix` when it ends with it. */
export function basename(path: string, suffix?: string): string {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return suffix !== undefined && base.endsWith(suffix) && base !== suffix ? base.slice(0, -suffix.length) : base;
}

/** The extension, dot included (`.tf`), or ''. */
export function extname(path: string): string {
  const base = basename(path);
  const index = base.lastIndexOf('.');
  return index <= 0 || base === '..' ? '' : base.slice(index);
}

/** The path from one absolute path to another. */
export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

export const posix = { sep, normalize, join, resolve, isAbsolute, dirname, basename, extname, relative };
export default posix;
