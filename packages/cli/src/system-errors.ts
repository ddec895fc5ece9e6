/**
 * Errors the operating system gives while deputy reads or writes outside its inputs (an `--out-dir` that runs
 * through a file, a read-only or full disk, a directory without permission). They are the user's to fix, not
 * deputy bugs: each is reported as `error: <path>: <what failed>: <why> (<hint>)` with exit 2, the path
 * relative to the working directory.
 */
import { isAbsolute, relative } from 'node:path';
import type { Problem } from '@deputy/policy-model';

/** What each system call was doing, in words. */
const ACTIONS: Readonly<Record<string, string>> = {
  open: 'cannot write the file',
  write: 'cannot write the file',
  mkdir: 'cannot create the directory',
  rename: 'cannot move the file into place',
  unlink: 'cannot remove the file',
  rmdir: 'cannot remove the directory',
  rm: 'cannot remove',
  scandir: 'cannot read the directory',
  read: 'cannot read the file',
  stat: 'cannot read',
  lstat: 'cannot read',
  copyfile: 'cannot copy the file',
};

/** The likely cause and remedy of each error code. */
const HINTS: Readonly<Record<string, string>> = {
  ENOTDIR: 'part of the path is a file, not a directory: choose another --out-dir or move the file away',
  EISDIR: 'a directory stands where a file must go: move it away',
  EEXIST: 'something already stands at that path: move it away',
  ENOTEMPTY: 'a directory stands where a file must go: move it away',
  EACCES: 'permission denied: choose a directory you can write, or change its permissions',
  EPERM: 'not permitted: choose a directory you can write, or change its permissions',
  EROFS: 'the file system is read-only: choose another --out-dir',
  ENOSPC: 'no space left on the device: free some space or choose another --out-dir',
  EDQUOT: 'the disk quota is exceeded: free some space or choose another --out-dir',
  ENAMETOOLONG: 'the path is too long: choose a shorter --out-dir or shorter names',
  EMFILE: 'too many open files: raise the limit (ulimit -n) and rerun',
  ENFILE: 'too many open files on the system: rerun when fewer are open',
  EIO: 'the device reported an input/output error: check the disk',
};

/** An error from a Node file-system call: a known code and the path it concerned. */
interface SystemError {
  readonly code: string;
  readonly path: string;
  readonly syscall?: string;
  readonly message: string;
}

function asSystemError(error: unknown): SystemError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || typeof path !== 'string' || HINTS[code] === undefined) return undefined;
  return { code, path, message: error.message, ...(typeof syscall === 'string' ? { syscall } : {}) };
}

/** The reason in Node's message (`ENOTDIR: not a directory, mkdir '/x'` → `not a directory`). */
function reason(error: SystemError): string {
  const text = error.message.replace(/^[A-Z]+: /, '');
  const comma = text.lastIndexOf(', ');
  return comma > 0 ? text.slice(0, comma) : text;
}

/** The error as a problem naming its path, or undefined when it is not a file-system error the user can fix. */
export function systemErrorProblem(error: unknown, cwd: string): Problem | undefined {
  const system = asSystemError(error);
  if (system === undefined) return undefined;
  const shown = isAbsolute(system.path) ? relative(cwd, system.path) || '.' : system.path;
  const action = (system.syscall !== undefined ? ACTIONS[system.syscall] : undefined) ?? 'cannot access';
  return { code: `system-${system.code.toLowerCase()}`, message: `${action}: ${reason(system)}`, hint: HINTS[system.code]!, file: shown };
}
