/** Every model the tests print: the shared definition fixtures, then the hand-built models. */
import type { DeputyModel, EmittedFile } from '@deputy/policy-model';
import type { GoldenPair } from '@deputy/policy-model/testing';
import { fixtureCases, goldenPairs, loadFixture } from '@deputy/policy-model/testing';
import { emitCfn } from '../../src/index.js';
import { HAND_BUILT_MODELS } from './hand-built-models.js';
import { localGoldenPairs } from './golden.js';

/** One model under test. */
export interface TestCase {
  /** Fixture or hand-built case name. */
  readonly name: string;
  /** The model. */
  readonly model: DeputyModel;
  /** Pairs the emitted files with their goldens. */
  readonly goldens: (files: readonly EmittedFile[]) => GoldenPair[];
}

/** The fixture cases and the hand-built cases, in that order. */
export function allCases(): TestCase[] {
  return [
    ...fixtureCases().map((name) => ({ name, model: loadFixture(name), goldens: (files: readonly EmittedFile[]) => goldenPairs(name, 'cfn', files) })),
    ...[...HAND_BUILT_MODELS].map(([name, model]) => ({ name, model, goldens: (files: readonly EmittedFile[]) => localGoldenPairs(name, files) })),
  ];
}

/** The YAML and the JSON template of a model. */
export function emitBothFormats(model: DeputyModel): EmittedFile[] {
  return [...emitCfn(model, { format: 'yaml' }), ...emitCfn(model, { format: 'json' })];
}
