/**
 * Which definition files a run reads: files as given, directories walked in sorted order (skipping output
 * directories and the nx plugin's marker), each with the path its output names it by — relative to its
 * definitions root (the directory argument, or the file's own directory), so output does not depend on the
 * working directory.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { MANIFEST_FILE } from './generated-manifest.js';

/** A definition file to read, with the root its output paths are relative to. */
export interface DefinitionInput {
  /** The path as the user wrote it (relative to the working directory), for messages. */
  readonly file: string;
  /** The absolute path. */
  readonly absolute: string;
  /** The path relative to its definitions root, `/` separators: what the output's `Source:` header says. */
  readonly sourceLabel: string;
}

const DEFINITION_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform', '.nx', 'dist']);
/** The marker of a definitions folder for the nx plugin (@deputy/nx-plugin); never a definition. */
const PROJECT_MARKER = 'deputy.json';

/** The definition files named by the inputs, directories walked in sorted order; paths as the user wrote them. */
export function definitionFiles(inputs: readonly string[], cwd: string, notDefinitions: readonly string[] = []): string[] {
  return definitionInputs(inputs, cwd, notDefinitions).map((input) => input.file);
}

/**
 * The definition files named by the inputs, each with its path relative to its definitions root.
 * `notDefinitions` are absolute paths a directory walk skips: the run's environment file (`--env-file`),
 * which may sit next to the definitions it serves.
 */
export function definitionInputs(inputs: readonly string[], cwd: string, notDefinitions: readonly string[] = []): DefinitionInput[] {
  const files: DefinitionInput[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      files.push(...walk(absolute).filter((file) => !notDefinitions.includes(file)).map((file) => ({ file: relative(cwd, file), absolute: file, sourceLabel: posix(relative(absolute, file)) })));
    } else {
      files.push({ file: input, absolute, sourceLabel: posix(relative(dirname(absolute), absolute)) });
    }
  }
  return files;
}

export function posix(path: string): string {
  return path.split(sep).join('/');
}

/** The run covers the files it read and every definition under a directory it was given. */
export function coverage(inputs: readonly string[], cwd: string, definitions: readonly DefinitionInput[]): (definition: string) => boolean {
  const files = new Set(definitions.map((input) => input.absolute));
  const directories = inputs.map((input) => resolve(cwd, input)).filter((path) => existsSync(path) && statSync(path).isDirectory());
  return (definition) => files.has(definition) || directories.some((directory) => definition.startsWith(`${directory}${sep}`));
}

/**
 * Definition files under a directory, sorted. Output directories (those holding deputy's manifest) and the nx
 * plugin's `deputy.json` marker are not definitions, so `deputy emit . --out-dir generated` works from a
 * definitions folder.
 */
function walk(dir: string): string[] {
  const names = readdirSync(dir).sort();
  if (names.includes(MANIFEST_FILE)) return [];
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIPPED_DIRECTORIES.has(name) ? [] : walk(path);
    return DEFINITION_EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.startsWith('.') && name !== PROJECT_MARKER ? [path] : [];
  });
}

