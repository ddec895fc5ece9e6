/**
 * Path globs as in `.gitignore`: `*` matches within one path segment, `**` any number of segments, `?` one
 * character; a pattern without `/` matches a file or directory name at any depth; a trailing `/` matches
 * directories only (a directory walk tests a directory before its files); a leading `/` anchors the pattern to the config's directory.
 */

/** A compiled glob. */
export interface PathGlob {
  /** The pattern as written. */
  readonly pattern: string;
  /** True when `path` (relative, `/`-separated) matches; `directory` says whether it names a directory. */
  matches(path: string, directory: boolean): boolean;
}

/** Compiles a glob. */
export function compileGlob(pattern: string): PathGlob {
  const directoryOnly = pattern.endsWith('/');
  let body = pattern.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.replace(/^\/+/, '').includes('/');
  body = body.replace(/^\/+/, '');
  const source = body
    .split('/')
    .map((segment) => (segment === '**' ? '\u0000' : segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')))
    .join('/')
    .replace(/\u0000\//g, '(?:[^/]+/)*')
    .replace(/\/\u0000/g, '(?:/[^/]+)*')
    .replace(/\u0000/g, '.*');
  const expression = new RegExp(`^${anchored ? '' : '(?:[^/]+/)*'}${source}(?:/.*)?$`);
  return {
    pattern,
    matches(path, directory) {
      return (directory || !directoryOnly) && expression.test(path);
    },
  };
}
