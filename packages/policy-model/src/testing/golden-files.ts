/**
 * Golden files: `fixtures/<case>/input.yaml` → `fixtures/<case>/expected/<target>/<emitted path>`, compared
 * byte for byte. They change only when a test runs with `DEPUTY_UPDATE_GOLDENS=1`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmittedFile } from '../model/emitted-file.js';
import type { DeputyModel } from '../model/model.js';
import { loadDefinitionText, type LoadDefinitionOptions } from '../load/load-definition.js';

/** The fixtures directory of the policy-model package. */
export const FIXTURES_DIR = findUp(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The literal policies of the round-trip set (`fixtures/policies/*.json`), by file name. */
export function roundTripPolicies(): { name: string; file: string; text: string }[] {
  const dir = join(FIXTURES_DIR, 'policies');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

/** The names of every fixture case (directories holding `input.yaml`). */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => existsSync(join(FIXTURES_DIR, name, 'input.yaml')))
    .sort();
}

/** Loads a fixture's definition, naming it `fixtures/<case>/input.yaml` so headers do not depend on the machine. */
export function loadFixture(caseName: string, options: LoadDefinitionOptions = {}): DeputyModel {
  const text = readFileSync(join(FIXTURES_DIR, caseName, 'input.yaml'), 'utf8');
  return loadDefinitionText(text, `fixtures/${caseName}/input.yaml`, options);
}

/** Example literal values for fixtures that leave fields `current`, for targets that need literals (JSON). */
export const EXAMPLE_ENVIRONMENT = { account: '123456789012', region: 'us-east-1', partition: 'aws' } as const;

/** One emitted file next to its golden. */
export interface GoldenPair {
  /** Path relative to `expected/<target>/`. */
  readonly path: string;
  /** The committed golden, or undefined when missing. */
  readonly expected: string | undefined;
  /** What the emitter produced now, or undefined when it no longer produces this file. */
  readonly actual: string | undefined;
}

/** True when goldens are being rewritten. */
export function updatingGoldens(): boolean {
  return process.env.DEPUTY_UPDATE_GOLDENS === '1';
}

/**
 * Pairs each emitted file with its golden, and each golden with what was emitted. With
 * `DEPUTY_UPDATE_GOLDENS=1` the goldens are rewritten first (stale ones removed), so every pair matches.
 */
export function goldenPairs(caseName: string, target: string, files: readonly EmittedFile[]): GoldenPair[] {
  const dir = join(FIXTURES_DIR, caseName, 'expected', target);
  if (updatingGoldens()) {
    rmSync(dir, { recursive: true, force: true });
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.contents);
    }
  }
  const committed = existsSync(dir) ? listFiles(dir).map((file) => relative(dir, file).split('\\').join('/')) : [];
  const paths = [...new Set([...files.map((file) => file.path), ...committed])].sort();
  return paths.map((path) => ({
    path: `${caseName}/expected/${target}/${path}`,
    expected: committed.includes(path) ? readFileSync(join(dir, path), 'utf8') : undefined,
    actual: files.find((file) => file.path === path)?.contents,
  }));
}

/** The targets that have goldens for a case. */
export function goldenTargets(caseName: string): string[] {
  const dir = join(FIXTURES_DIR, caseName, 'expected');
  return existsSync(dir) ? readdirSync(dir).filter((name) => listFiles(join(dir, name)).length > 0).sort() : [];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function findUp(start: string, name: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) throw new Error(`invariant: no ${name} directory above ${start}`);
  }
}
