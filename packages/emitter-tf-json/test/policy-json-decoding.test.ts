/**
 * Regression (found by `npm run fuzz`, seed 697869264, case 13,743): the reader's sentinel for interpolations
 * was a private-use character absent from the raw JSON text, but the emitter writes non-ASCII as `\uXXXX`
 * escapes, so a policy holding U+E000 decoded into a broken interpolation. The reader must skip characters that
 * appear escaped too.
 */
import type { DeputyModel } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { emitTerraformJson } from '../src/index.js';
import { variableFields } from './support/model-fields.js';
import { configurationView, modelView } from './support/model-view.js';
import { readConfiguration } from './support/terraform-configuration.js';

const model: DeputyModel = {
  source: 'p.yaml',
  baseName: 'p',
  environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
  roles: [
    {
      name: 'r',
      id: 'r',
      trustPolicy: { Statement: [{ Effect: 'Allow', NotAction: ['sts:AssumeRole'], Condition: { StringEquals: { k: ['\ue000', '\ue0001x', { kind: 'interpolation', parts: ['\ue001', { kind: 'reference', field: 'account' }] }] } } }] },
      inlinePolicies: [],
      managedPolicyArns: [],
      tags: [],
      notices: [],
    },
  ],
  resourcePolicies: [],
};

describe('reading tf-json policies back', () => {
  it('keeps private-use characters the emitter wrote as \\u escapes', async () => {
    const [file] = emitTerraformJson(model);
    expect(configurationView(await readConfiguration(JSON.parse(file!.contents), 'tf-json', variableFields(model)))).toEqual(modelView(model));
  });
});
