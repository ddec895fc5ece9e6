/** Parses an emitted template back and compares what it says with the model. */
import type { DeputyModel, EmittedFile } from '@deputy/policy-model';
import { expect } from 'vitest';
import { expectedRecovery, loadCfnTemplate, recoverTemplate, templateFormatOf } from '../../src/testing.js';

/** Asserts that the template recovers to exactly the model (references compared structurally). */
export function expectRoundTrip(model: DeputyModel, file: EmittedFile): void {
  const recovered = recoverTemplate(loadCfnTemplate(file.contents, templateFormatOf(file.path)));
  expect(recovered).toStrictEqual(expectedRecovery(model));
}
