/**
 * The manifest deputy keeps in each target's output directory (`.deputy-manifest.json`): every file it
 * generated there, with the SHA-256 of what it wrote. It tells generated files from hand-written ones (JSON has
 * no room for a header), finds hand edits, and lets `emit` remove outputs that no definition produces any more.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_MARKER } from '@deputy/policy-model';

/** The manifest's file name. */
export const MANIFEST_FILE = '.deputy-manifest.json';

/** Generated files of one target directory, by path relative to it. */
export interface GeneratedManifest {
  /** Format version. */
  readonly version: 1;
  /** SHA-256 (hex) of each generated file's contents, by relative path with `/` separators. */
  readonly files: Readonly<Record<string, string>>;
}

/** SHA-256 of text, hex. */
export function contentHash(contents: string): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** Reads a target directory's manifest; an absent or unreadable one is empty. */
export function readManifest(targetDir: string): GeneratedManifest {
  const file = join(targetDir, MANIFEST_FILE);
  if (!existsSync(file)) return { version: 1, files: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<GeneratedManifest>;
    return { version: 1, files: typeof parsed.files === 'object' && parsed.files !== null ? parsed.files : {} };
  } catch {
    return { version: 1, files: {} };
  }
}

/** The manifest's text for generated files (path → contents) plus entries kept as they were (path → hash), keys sorted. */
export function manifestText(files: ReadonlyMap<string, string>, keptHashes: ReadonlyMap<string, string> = new Map()): string {
  const hashes = new Map<string, string>(keptHashes);
  for (const [path, contents] of files) hashes.set(path, contentHash(contents));
  const sorted = Object.fromEntries([...hashes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 1, files: sorted }, null, 2)}\n`;
}

/** How a file on disk relates to what deputy generated. */
export type OnDiskState = 'absent' | 'generated' | 'edited' | 'foreign';

/**
 * `generated`: the manifest records exactly this content; `edited`: the manifest records the path but the
 * content changed since; `foreign`: not in the manifest and without deputy's header; `absent`: no file.
 */
export function onDiskState(manifest: GeneratedManifest, relativePath: string, onDisk: string | undefined): OnDiskState {
  if (onDisk === undefined) return 'absent';
  const recorded = manifest.files[relativePath];
  if (recorded !== undefined) return recorded === contentHash(onDisk) ? 'generated' : 'edited';
  return hasGeneratedHeader(onDisk) ? 'generated' : 'foreign';
}

/** True when the first lines carry deputy's generated-by marker. */
export function hasGeneratedHeader(contents: string): boolean {
  return contents.split('\n', 6).some((line) => line.toLowerCase().includes(GENERATED_MARKER));
}
