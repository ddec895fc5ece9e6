/**
 * cdktn (CDK Terrain, the maintained fork of cdktf): the construct builds with it, auto-detected from the
 * app, and the tf-json target synthesized through cdktn is byte-identical to the one through cdktf.
 */
import * as cdktf from 'cdktf';
import * as cdktn from 'cdktn';
import { fixtureCases, loadFixture } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { DeputyRoles, type CdkModule } from '../src/index.js';
import { synthesizeTerraformJson as emitTerraformJson } from './support/synthesized-json.js';
import { hostileModel } from '../../emitter-tf-json/test/support/hostile-model.js';
import { synthesizeStack } from './support/synth-app.js';

describe('cdktn', () => {
  it('satisfies the module type deputy builds with', () => {
    const module: CdkModule = cdktn;
    expect(module.App).toBe(cdktn.App);
  });

  it.each([...fixtureCases(), 'hand-made hostile model'])('emits the same .tf.json through cdktn as through cdktf: %s', (caseName) => {
    const model = caseName === 'hand-made hostile model' ? hostileModel() : loadFixture(caseName);
    const throughCdktn = emitTerraformJson(model, { cdk: cdktn });
    expect(throughCdktn).toEqual(emitTerraformJson(model, { cdk: cdktf }));
  });

  it('builds the construct with cdktn when the app is a cdktn App, with cdktf installed too', () => {
    const model = loadFixture('resource-policies-every-attachment');
    let roles: DeputyRoles | undefined;
    const json = synthesizeStack(cdktn, (stack) => {
      roles = new DeputyRoles(stack, 'deputy', { model });
    });
    const elements = [...(roles?.elements.values() ?? [])];
    expect(elements.length).toBeGreaterThan(0);
    expect(elements.every((element) => cdktn.TerraformElement.isTerraformElement(element) && !(element instanceof cdktf.TerraformElement))).toBe(true);
    expect(Object.keys(json['resource'] as object).sort()).toEqual(['aws_lambda_permission', 'aws_s3_bucket_policy', 'aws_sns_topic_policy', 'aws_sqs_queue_policy']);
  });
});
