/**
 * The `.tf.json` and the HCL target's `.tf` (jsonencode style, parsed with hcl2json) describe the same
 * resources, data sources, variables, locals, outputs and policies, for every fixture — and for every
 * provider version the HCL target supports.
 */
import { emitHcl } from '@deputy/emitter-hcl';
import { fixtureCases, loadFixture, modelArbitrary } from '@deputy/policy-model/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTerraformJson } from '@deputy/emitter-tf-json';
import { parseHcl } from '../../emitter-tf-json/test/support/hcl-reading.js';
import { hasLoneSurrogate, variableFields } from '../../emitter-tf-json/test/support/model-fields.js';
import { readConfiguration } from '../../emitter-tf-json/test/support/terraform-configuration.js';

describe('tf-json and hcl describe the same configuration', () => {
  it.each(fixtureCases().flatMap((caseName) => [5, 6].map((version) => [caseName, version] as const)))('%s (aws provider %i)', async (caseName, version) => {
    const model = loadFixture(caseName);
    const awsProviderMajorVersion = version as 5 | 6;
    const [tfJson] = emitTerraformJson(model, { awsProviderMajorVersion });
    const [hcl] = emitHcl(model, { style: 'jsonencode', awsProviderMajorVersion });
    const fields = variableFields(model);
    const fromJson = await readConfiguration(JSON.parse(tfJson?.contents ?? 'null'), 'tf-json', fields, awsProviderMajorVersion);
    const fromHcl = await readConfiguration(await parseHcl(hcl?.contents ?? ''), 'hcl', fields, awsProviderMajorVersion);
    expect(Object.keys(fromJson.blocks).length + Object.keys(fromJson.outputs).length).toBeGreaterThan(0);
    expect(fromJson).toEqual(fromHcl);
    expect(tfJson?.path).toBe(`${model.baseName}.tf.json`);
    expect(hcl?.path).toBe(`${model.baseName}.tf`);
  });
});

/**
 * Every string (and key) in Unicode NFC, without U+034F. A named gap of the HCL target (unicode-nfc):
 * hcl2json, like Terraform, reads HCL string literals normalised — NFC, plus a U+034F joiner after 30
 * non-starters — so such text differs there; the tf-json target keeps policies exact (model-view and
 * terraform-evaluation tests), hence the comparison in that normal form.
 */
function inNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\u034f/g, '').normalize('NFC');
  if (Array.isArray(value)) return value.map(inNfc);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [inNfc(key) as string, inNfc(item)]));
  return value;
}

describe('tf-json and hcl agree on generated models (fast-check)', () => {
  it('models with hostile strings, 100 runs', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary().filter((model) => !hasLoneSurrogate(model)), fc.constantFrom(5 as const, 6 as const), async (model, awsProviderMajorVersion) => {
        const [tfJson] = emitTerraformJson(model, { awsProviderMajorVersion });
        const [hcl] = emitHcl(model, { style: 'jsonencode', awsProviderMajorVersion });
        const fields = variableFields(model);
        const fromJson = await readConfiguration(JSON.parse(tfJson?.contents ?? 'null'), 'tf-json', fields, awsProviderMajorVersion);
        const fromHcl = await readConfiguration(await parseHcl(hcl?.contents ?? ''), 'hcl', fields, awsProviderMajorVersion);
        expect(inNfc(fromJson)).toEqual(inNfc(fromHcl));
      }),
      { numRuns: 100 },
    );
  });
});
