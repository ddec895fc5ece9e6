/**
 * What the `.tf.json` grants equals what the model says: for every fixture and for generated models with
 * hostile strings everywhere (fast-check), the file parsed and decoded gives back every role, trust
 * policy, inline policy, managed policy, tag and resource policy of the model.
 */
import { convertPolicyText, type DeputyModel } from '@deputy/policy-model';
import { fixtureCases, literalPolicyArbitrary, loadFixture, modelArbitrary } from '@deputy/policy-model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTerraformJson } from '../src/index.js';
import { hostileModel } from './support/hostile-model.js';
import { hasLoneSurrogate, variableFields } from './support/model-fields.js';
import { configurationView, modelView, type ModelView } from './support/model-view.js';
import { readConfiguration } from './support/terraform-configuration.js';

async function viewOfTfJson(model: DeputyModel, awsProviderMajorVersion: 5 | 6 = 6): Promise<ModelView> {
  const [file] = emitTerraformJson(model, { awsProviderMajorVersion });
  return configurationView(await readConfiguration(JSON.parse(file?.contents ?? 'null'), 'tf-json', variableFields(model), awsProviderMajorVersion));
}

describe('the tf-json output grants what the model says', () => {
  it.each(fixtureCases())('fixture %s', async (caseName) => {
    const model = loadFixture(caseName);
    expect(await viewOfTfJson(model)).toEqual(modelView(model));
  });

  it('the hand-made hostile model (cdktf token shapes, template syntax, text not in NFC)', async () => {
    for (const version of [5, 6] as const) expect(await viewOfTfJson(hostileModel(), version)).toEqual(modelView(hostileModel()));
  });

  it('generated models with hostile strings (fast-check, 200 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary().filter((model) => !hasLoneSurrogate(model)), fc.constantFrom(5 as const, 6 as const), async (model, version) => {
        expect(await viewOfTfJson(model, version)).toEqual(modelView(model));
      }),
      { numRuns: 200 },
    );
  });

  it('generated literal policies converted as trust and as resource policies (fast-check, 200 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(literalPolicyArbitrary(), fc.constantFrom('trust' as const, 'resource' as const), async (policy, kind) => {
        const { model } = convertPolicyText(JSON.stringify(policy), 'generated.json', { kind });
        const view = await viewOfTfJson(model);
        expect(view).toEqual(modelView(model));
        const documents = [...view.roles.map((role) => role.trustPolicy), ...view.resourcePolicies.document.map((entry) => entry.document)];
        expect(documents).toEqual([policy]);
      }),
      { numRuns: 200 },
    );
  });
});
