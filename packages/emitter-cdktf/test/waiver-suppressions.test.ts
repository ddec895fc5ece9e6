/**
 * Waived confused-deputy conditions become `deputy:ignore DPT001 <reason>` items of `//` comments that
 * `deputy lint` reads (the lint package's tests lint this output). Here: where they go, that Terraform
 * ignores the `locals` comment, that constructs sharing a stack share it, and that nothing changes without
 * waivers.
 */
import * as cdktf from 'cdktf';
import { fixtureCases, loadFixture } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { DeputyRoles } from '../src/index.js';
import { synthesizeTerraformJson as emitTerraformJson } from './support/synthesized-json.js';
import { synthesizeStack } from './support/synth-app.js';
import { requireTerraform, terraformApplyOutputs } from '../../emitter-tf-json/test/support/terraform-cli.js';
import { waivedDocument, waivedModel } from '../../emitter-tf-json/test/support/waived-model.js';

type Json = { [key: string]: Json } | Json[] | string | number | boolean | null;

function emittedJson(model = waivedModel()): { [key: string]: { [key: string]: Json } } {
  return JSON.parse(emitTerraformJson(model)[0]!.contents) as { [key: string]: { [key: string]: Json } };
}

function commentOf(json: ReturnType<typeof emittedJson>, type: string, label: string): Json {
  return ((json['resource']?.[type] as { [label: string]: { [key: string]: Json } })[label] ?? {})['//'] ?? null;
}

describe('waiver suppressions in the .tf.json', () => {
  it('end the // comment of each block holding a waived statement, one line per reason', () => {
    const json = emittedJson();
    const model = waivedModel();
    expect(commentOf(json, 'aws_iam_role', 'legacy_batch')).toEqual([
      ...model.roles[0]!.notices,
      'deputy:ignore DPT001 Batch compute environments here predate SourceArn support; tracked in SEC-1234',
    ]);
    expect(commentOf(json, 'aws_s3_bucket_policy', 'trail_bucket')).toEqual([
      ...model.resourcePolicies[0]!.notices,
      'deputy:ignore DPT001 The organization trail writes here; SourceArn lands with SEC-9',
    ]);
    expect(commentOf(json, 'aws_lambda_permission', 'thumbnailer_invoke_s3_invoke')).toEqual(model.resourcePolicies[1]!.notices);
    expect(commentOf(json, 'aws_lambda_permission', 'thumbnailer_invoke_events_invoke')).toEqual(['deputy:ignore DPT001 Scheduled rules are created by a partner account (SEC-15)']);
  });

  it('of policies attached to nothing go into the locals comment, its first key', () => {
    const locals = emittedJson()['locals'] ?? {};
    expect(Object.keys(locals)).toEqual(['//', 'shared_log_policy_json', 'second_log_policy_json']);
    expect(locals['//']).toEqual([
      "Confused-deputy conditions for logs.amazonaws.com waived: Attached by hand to a destination other teams' log groups use",
      "deputy:ignore DPT001 Attached by hand to a destination other teams' log groups use",
      'Confused-deputy conditions for logs.amazonaws.com waived: A second destination, reviewed in SEC-16',
      'deputy:ignore DPT001 A second destination, reviewed in SEC-16',
    ]);
  });

  it('leave the locals values to Terraform, which ignores the comment (terraform apply)', () => {
    if (!requireTerraform('applying a .tf.json whose locals carry a // comment')) return;
    const model = { ...waivedModel(), roles: [], resourcePolicies: waivedModel().resourcePolicies.filter((policy) => policy.attachment.type === 'document') };
    const outputs = terraformApplyOutputs(new Map([['main.tf.json', emitTerraformJson(model)[0]!.contents]]));
    expect(Object.keys(outputs).sort()).toEqual(['second_log_policy_json', 'shared_log_policy_json']);
    for (const policy of model.resourcePolicies) expect(JSON.parse(String(outputs[`${policy.id.replace(/-/g, '_')}_json`]?.value))).toEqual(policy.document);
  });

  it('of several DeputyRoles in one stack all reach the locals comment', () => {
    const json = synthesizeStack(cdktf, (stack) => {
      for (const [id, reason] of [['first', 'First destination, reviewed in SEC-20'], ['second', 'Second destination, reviewed in SEC-21']] as const) {
        const model = { ...waivedModel(), baseName: id, roles: [], resourcePolicies: [waivedDocument(`${id}-policy`, 'logs.amazonaws.com', reason)] };
        new DeputyRoles(stack, id, { model });
      }
    }) as { locals?: { [key: string]: unknown } };
    expect((json.locals?.['//'] as string[]).filter((line) => line.startsWith('deputy:ignore'))).toEqual([
      'deputy:ignore DPT001 First destination, reviewed in SEC-20',
      'deputy:ignore DPT001 Second destination, reviewed in SEC-21',
    ]);
  });

  it('appear in no output of a fixture without waivers', () => {
    const unwaived = fixtureCases().filter((name) => {
      const model = loadFixture(name);
      return [...model.roles, ...model.resourcePolicies].every((entry) => (entry.waivers ?? []).length === 0);
    });
    expect(unwaived.length).toBeGreaterThan(3);
    for (const name of unwaived) expect(emitTerraformJson(loadFixture(name))[0]!.contents, name).not.toContain('deputy:ignore');
  });
});
