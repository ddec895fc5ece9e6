/**
 * Goldens of the hand-built models: `test/goldens/<case>/<emitted path>`, compared byte for byte and
 * rewritten only with `DEPUTY_UPDATE_GOLDENS=1` (the same switch as the shared fixture goldens).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmittedFile } from '@deputy/policy-model';
import type { GoldenPair } from '@deputy/policy-model/testing';
import { updatingGoldens } from '@deputy/policy-model/testing';

/** Where the hand-built goldens live. */
export const LOCAL_GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'goldens');

/** Pairs emitted files with the hand-built goldens of a case, rewriting them first when updating. */
export function localGoldenPairs(caseName: string, files: readonly EmittedFile[]): GoldenPair[] {
  const dir = join(LOCAL_GOLDEN_DIR, caseName);
  if (updatingGoldens()) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file.path), file.contents);
  }
  const committed = existsSync(dir) ? readdirSync(dir).sort() : [];
  const paths = [...new Set([...files.map((file) => file.path), ...committed])].sort();
  return paths.map((path) => ({
    path: `${caseName}/${path}`,
    expected: committed.includes(path) ? readFileSync(join(dir, path), 'utf8') : undefined,
    actual: files.find((file) => file.path === path)?.contents,
  }));
}
