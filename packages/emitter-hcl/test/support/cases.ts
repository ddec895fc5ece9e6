/**
 * Every model the tests print: the shared definition fixtures (goldens in
 * `packages/policy-model/fixtures/<case>/expected/<target>/`), then the hand-built models (goldens in
 * `test/goldens/<case>/<target>/`). The targets are `hcl` (the jsonencode style, the default) and
 * `hcl-policy-document`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeputyModel, EmittedFile } from '@deputy/policy-model';
import { fixtureCases, goldenPairs, loadFixture, updatingGoldens, type GoldenPair } from '@deputy/policy-model/testing';
import type { HclPolicyStyle } from '../../src/index.js';
import { HAND_BUILT_MODELS } from './hand-built-models.js';

/** The golden target directory of each style. */
export const GOLDEN_TARGETS: { readonly [style in HclPolicyStyle]: string } = {
  jsonencode: 'hcl',
  'policy-document': 'hcl-policy-document',
};

/** Both styles. */
export const STYLES: readonly HclPolicyStyle[] = ['jsonencode', 'policy-document'];

/** One model under test. */
export interface TestCase {
  /** Fixture or hand-built case name. */
  readonly name: string;
  /** The model. */
  readonly model: DeputyModel;
  /** Pairs the files emitted in a style with their goldens. */
  readonly goldens: (style: HclPolicyStyle, files: readonly EmittedFile[]) => GoldenPair[];
}

/** The fixture cases, then the hand-built cases. */
export function allCases(): TestCase[] {
  return [
    ...fixtureCases().map((name) => ({
      name,
      model: loadFixture(name),
      goldens: (style: HclPolicyStyle, files: readonly EmittedFile[]) => goldenPairs(name, GOLDEN_TARGETS[style], files),
    })),
    ...[...HAND_BUILT_MODELS].map(([name, model]) => ({
      name,
      model,
      goldens: (style: HclPolicyStyle, files: readonly EmittedFile[]) => localGoldenPairs(name, GOLDEN_TARGETS[style], files),
    })),
  ];
}

const LOCAL_GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'goldens');

/** Pairs emitted files with the hand-built goldens of a case and target, rewriting them first when updating. */
function localGoldenPairs(caseName: string, target: string, files: readonly EmittedFile[]): GoldenPair[] {
  const dir = join(LOCAL_GOLDEN_DIR, caseName, target);
  if (updatingGoldens()) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file.path), file.contents);
  }
  const committed = existsSync(dir) ? readdirSync(dir).sort() : [];
  const paths = [...new Set([...files.map((file) => file.path), ...committed])].sort();
  return paths.map((path) => ({
    path: `test/goldens/${caseName}/${target}/${path}`,
    expected: committed.includes(path) ? readFileSync(join(dir, path), 'utf8') : undefined,
    actual: files.find((file) => file.path === path)?.contents,
  }));
}
