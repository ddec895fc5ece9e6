/**
 * The construct builds the plan the hcl and tf-json targets print: what a stack holding `DeputyRoles`
 * synthesizes (cdktf's metadata removed) is the plan's Terraform JSON document, block for block and
 * argument for argument — for every fixture, the hostile model (cdktf token shapes) and both provider versions.
 */
import { fixtureCases, loadFixture } from '@deputy/policy-model/testing';
import { declarationBlocks, headerLines, planTerraform, terraformJsonDocument } from '@deputy/terraform-plan';
import type { DeputyModel } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { CDKTF_TEXT_GUARD } from '../src/index.js';
import { hostileModel } from '../../emitter-tf-json/test/support/hostile-model.js';
import { synthesizeTerraformJson } from './support/synthesized-json.js';
import { waivedModel } from '../../emitter-tf-json/test/support/waived-model.js';

function planDocument(model: DeputyModel, awsProviderMajorVersion: 5 | 6): unknown {
  const plan = planTerraform(model, { awsProviderMajorVersion });
  const blocks = [...declarationBlocks(plan.declarations).filter((block) => block.kind !== 'terraform'), ...plan.blocks];
  return terraformJsonDocument(blocks, plan.references, headerLines(model.source), CDKTF_TEXT_GUARD);
}

const CASES: readonly [string, () => DeputyModel][] = [
  ...fixtureCases().map((name): [string, () => DeputyModel] => [name, () => loadFixture(name)]),
  ['hand-made hostile model', hostileModel],
  ['hand-built waived model', waivedModel],
];

describe('DeputyRoles synthesizes the Terraform plan', () => {
  it('has cases to check', () => expect(CASES.length).toBeGreaterThan(3));

  for (const version of [5, 6] as const) {
    it.each(CASES)(`%s (provider ${version})`, (_name, model) => {
      const [file] = synthesizeTerraformJson(model(), { awsProviderMajorVersion: version });
      const synthesized = JSON.parse(file?.contents ?? 'null') as { [key: string]: unknown };
      expect(Object.keys(synthesized).length).toBeGreaterThan(1);
      expect(synthesized).toEqual(planDocument(model(), version));
    });
  }
});
