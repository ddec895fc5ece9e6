/** Reads a user's file, turning file-system failures into problems. */
import { readFileSync, statSync } from 'node:fs';
import { DeputyInputError } from '../problems.js';

/** Files larger than this are refused rather than read into memory. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** The text of a file; `-` reads standard input. Messages name the file as `displayName` (default: the path). */
export function readSourceFile(file: string, displayName: string = file): string {
  try {
    if (file !== '-') {
      const stats = statSync(file);
      const size = stats.size;
      if (stats.isDirectory()) throw problem(displayName, 'is-directory', 'is a directory, not a file', 'give a file, or pass the directory to emit');
      if (size > MAX_INPUT_BYTES) throw problem(displayName, 'file-too-large', `is ${size} bytes, more than the ${MAX_INPUT_BYTES}-byte limit`, 'split it into smaller files');
    }
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    if (error instanceof DeputyInputError) throw error;
    return failure(displayName, error);
  }
}

function failure(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') throw problem(file, 'file-not-found', 'file not found', 'check the path');
  if (code === 'EACCES') throw problem(file, 'file-unreadable', 'permission denied', 'check the file permissions');
  throw problem(file, 'file-unreadable', `cannot read the file (${code ?? 'unknown error'})`, 'check the path');
}

function problem(file: string, code: string, message: string, hint: string): DeputyInputError {
  return new DeputyInputError([{ code, message, hint, file }]);
}
