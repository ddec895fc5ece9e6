/**
 * Real Terraform evaluates every template of the `.tf.json` (offline, see support/terraform-evaluation.ts):
 * each policy evaluates to JSON text that parses to the model's document exactly — including text that
 * is not in Unicode NFC, which Terraform would otherwise normalise — and every other argument to the
 * model's text as Terraform stores it (NFC). Runs for every fixture and for generated hostile models.
 */
import { fixtureCases, loadFixture, modelArbitrary } from '@deputy/policy-model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileModel } from './support/hostile-model.js';
import { hasLoneSurrogate } from './support/model-fields.js';
import { requireTerraform, terraformApplyOutputs } from './support/terraform-cli.js';
import { evaluationModule, rootConfiguration, withParameters, type EvaluationModule } from './support/terraform-evaluation.js';

const TERRAFORM = requireTerraform('evaluating .tf.json templates with terraform');

function expectTerraformAgrees(modules: readonly EvaluationModule[]): number {
  const outputs = terraformApplyOutputs(rootConfiguration(modules));
  let compared = 0;
  modules.forEach((module, index) => {
    const values = outputs[`m${index}`]?.value;
    expect(Array.isArray(values)).toBe(true);
    expect((values as unknown[]).length).toBe(module.evaluated.length);
    module.evaluated.forEach((evaluated, position) => {
      expect(evaluated.read((values as unknown[])[position]), `module m${index}: ${evaluated.where}`).toEqual(evaluated.expected);
      compared += 1;
    });
  });
  return compared;
}

describe.runIf(TERRAFORM)('terraform evaluates the tf-json templates to the model', () => {
  it('every fixture', () => {
    const modules = fixtureCases().map((caseName) => evaluationModule(withParameters(loadFixture(caseName))));
    expect(expectTerraformAgrees(modules)).toBeGreaterThan(fixtureCases().length);
  });

  it('the hand-made hostile model: cdktf token shapes, template syntax, text not in NFC', () => {
    expect(expectTerraformAgrees([evaluationModule(withParameters(hostileModel()))])).toBeGreaterThan(5);
  });

  it('generated models with hostile strings (40 models in one terraform apply)', () => {
    const models = fc.sample(modelArbitrary().filter((model) => !hasLoneSurrogate(model)), { numRuns: 40, seed: 20251210 });
    expect(expectTerraformAgrees(models.map((model) => evaluationModule(withParameters(model))))).toBeGreaterThan(40);
  });
});
