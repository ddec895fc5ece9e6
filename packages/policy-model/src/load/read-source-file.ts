/** Reads a user's file, turning file-system failures into problems. */
import { readFileSync, statSync } from 'node:fs';
import { DeputyInputError } from '../problems.js';

/** Files larger than this are refused. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * A UTF-8 file decodes to at least one UTF-16 unit for every 3 bytes (an invalid byte becomes one U+FFFD),
 * so text no longer than this came from a file within {@link MAX_INPUT_BYTES}.
 */
const SURELY_WITHIN_LIMIT = Math.floor(MAX_INPUT_BYTES / 3);

/**
 * The text of a file; `-` reads standard input. Messages name the file as `displayName` (default: the path).
 * The file is read first and examined only when that fails or its text is long: a directory, a file over
 * {@link MAX_INPUT_BYTES} and any other failure are reported as a look at the path before reading would.
 */
export function readSourceFile(file: string, displayName: string = file): string {
  if (file === '-') {
    try {
      return readFileSync(0, 'utf8');
    } catch (error) {
      return failure(displayName, error);
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    checkPath(file, displayName);
    return failure(displayName, error);
  }
  if (text.length > SURELY_WITHIN_LIMIT) checkPath(file, displayName);
  return text;
}

/** Throws the problem for a path that is a directory, a file over the size limit, or that cannot be looked at. */
function checkPath(file: string, displayName: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    return failure(displayName, error);
  }
  if (stats.isDirectory()) throw problem(displayName, 'is-directory', 'is a directory, not a file', 'give a file, or pass the directory to emit');
  if (stats.size > MAX_INPUT_BYTES) throw problem(displayName, 'file-too-large', `is ${stats.size} bytes, more than the ${MAX_INPUT_BYTES}-byte limit`, 'split it into smaller files');
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
