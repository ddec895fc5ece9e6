/**
 * Every target, one property: random models and policies with hostile strings go through json, hcl (both
 * policy styles), cfn (YAML and JSON) and tf-json, and each output parsed back with a real parser
 * (JSON.parse, hcl2json, a YAML loader with the CloudFormation tags) gives back exactly the model.
 *
 * CI runs DEPUTY_FUZZ_RUNS (default 300) cases per property with a fixed seed; `npm run fuzz`
 * (scripts/fuzz.mjs) runs 100,000 across both cores with the seeds printed (DEPUTY_FUZZ_SEED replays a run,
 * DEPUTY_FUZZ_PROPERTY=models|policies selects one property).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertPolicyText, mapPolicyStrings, resolvePolicyString, type DeputyModel, type EnvironmentField, type PolicyString } from '@deputy/policy-model';
import { literalPolicyArbitrary, modelArbitrary } from '@deputy/policy-model/testing';
import { emitJson } from '@deputy/emitter-json';
import { emitHcl, terraformChangesText } from '@deputy/emitter-hcl';
import { differencesFromModel, inTerraformForm, recoverTerraform, terraformTextForms, textsIn } from '@deputy/emitter-hcl/testing';
import { emitCfn } from '@deputy/emitter-cfn';
import { expectedRecovery, loadCfnTemplate, recoverTemplate } from '@deputy/emitter-cfn/testing';
import { emitTerraformJson } from '@deputy/emitter-tf-json';
import { parseHcl } from '../../emitter-tf-json/test/support/hcl-reading.js';
import { hasLoneSurrogate, variableFields } from '../../emitter-tf-json/test/support/model-fields.js';
import { configurationView, modelView, type ModelView } from '../../emitter-tf-json/test/support/model-view.js';
import { readConfiguration } from '../../emitter-tf-json/test/support/terraform-configuration.js';

const RUNS = Number(process.env.DEPUTY_FUZZ_RUNS ?? 300);
const ONLY = process.env.DEPUTY_FUZZ_PROPERTY;
/** Generous: a few hundred milliseconds per case on a loaded 2-core machine. */
const TIMEOUT = Math.max(300_000, RUNS * 500);
const property = (name: 'models' | 'policies') => (ONLY === undefined || ONLY === name ? it : it.skip);
const TEST_ENVIRONMENT: Record<EnvironmentField, string> = { account: '012345678901', region: 'eu-west-1', partition: 'aws' };
console.log(`all-targets property: ${RUNS} runs per property, seed ${process.env.DEPUTY_ACTIVE_FUZZ_SEED} (replay with DEPUTY_FUZZ_SEED)`);

/** JSON needs literals: resolve the model's references with the test environment, then compare the documents. */
function checkJson(model: DeputyModel): void {
  const resolve = (value: PolicyString): string => resolvePolicyString(value, (field) => TEST_ENVIRONMENT[field])!;
  const literal: DeputyModel = {
    ...model,
    environment: { account: { kind: 'literal', value: TEST_ENVIRONMENT.account }, region: { kind: 'literal', value: TEST_ENVIRONMENT.region }, partition: { kind: 'literal', value: TEST_ENVIRONMENT.partition } },
    roles: model.roles.map((role) => ({ ...role, trustPolicy: mapPolicyStrings(role.trustPolicy, resolve), inlinePolicies: role.inlinePolicies.map((p) => ({ ...p, document: mapPolicyStrings(p.document, resolve) })) })),
    resourcePolicies: model.resourcePolicies.map((p) => ({ ...p, document: mapPolicyStrings(p.document, resolve) })),
  };
  const documents = [...literal.roles.flatMap((role) => [role.trustPolicy, ...role.inlinePolicies.map((p) => p.document)]), ...literal.resourcePolicies.map((p) => p.document)];
  expect(emitJson(literal).map((file) => JSON.parse(file.contents) as unknown)).toEqual(documents);
}

function checkCfn(model: DeputyModel): void {
  for (const format of ['yaml', 'json'] as const) {
    const [file] = emitCfn(model, { format });
    expect(recoverTemplate(loadCfnTemplate(file!.contents, format))).toStrictEqual(expectedRecovery(model));
  }
}

/** JSON with every object's keys sorted: the same text for equal values, whatever order their keys came in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Terraform resources and maps are sets, not lists: compare roles, tags, inline policies, attachments and
 * policies as sets, sorted by their canonical JSON (a reader may give an object's keys in another order).
 */
function unordered(view: ModelView): ModelView {
  const byJson = <T>(items: readonly T[]): T[] => [...items].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  return {
    roles: byJson(view.roles.map((role) => ({ ...role, tags: byJson(role.tags), inlinePolicies: byJson(role.inlinePolicies), managedPolicyArns: byJson(role.managedPolicyArns) }))),
    resourcePolicies: Object.fromEntries(Object.entries(view.resourcePolicies).map(([type, list]) => [type, byJson(list as unknown[])])) as unknown as ModelView['resourcePolicies'],
  };
}

/**
 * Named gap (UNICODE_NFC_GAP in @deputy/emitter-hcl): HCL native syntax normalises every string with Go's NFC
 * (which also inserts U+034F into long runs of combining marks, knows only Go's Unicode version, and composes
 * some pairs outside the BMP wrongly). The independent HCL view is therefore compared with the model's text in
 * Terraform's own form, taken from hcl2json, and every text Terraform changes must be one the emitter's notice
 * predicts (`terraformChangesText`).
 */
async function inHclForm<T>(value: T): Promise<T> {
  const forms = await terraformTextForms(textsIn(value));
  const unannounced = [...forms].filter(([text, form]) => form !== text && !terraformChangesText(text)).map(([text]) => text);
  expect(unannounced, 'text Terraform changes without the unicode-nfc notice').toEqual([]);
  return inTerraformForm(value, forms) as T;
}

/**
 * Terraform output is read back by two independent readers: the HCL target's own (`recoverTerraform`, both
 * policy styles, compared in Terraform's text forms) and the cdktf package's configuration reader (the HCL
 * jsonencode style and tf-json).
 */
async function checkTerraform(model: DeputyModel): Promise<void> {
  const expected = unordered(modelView(model));
  const fields = variableFields(model);
  const [hcl] = emitHcl(model, { style: 'jsonencode' });
  expect(unordered(configurationView(await readConfiguration(await parseHcl(hcl!.contents), 'hcl', fields)))).toEqual(unordered(await inHclForm(modelView(model))));
  for (const style of ['jsonencode', 'policy-document'] as const) {
    const [file] = emitHcl(model, { style });
    expect(await differencesFromModel(await recoverTerraform(file!.contents), model), style).toEqual([]);
  }
  const [tfJson] = emitTerraformJson(model);
  expect(unordered(configurationView(await readConfiguration(JSON.parse(tfJson!.contents), 'tf-json', fields)))).toEqual(expected);
}

/**
 * Found by `npm run fuzz` (seed 1314966414, run 9548): two SQS queue policies on one queue, one document with
 * a Version and one without. Both were read back intact; the set comparison sorted them by JSON whose key
 * order differs between the model and hcl2json's output, and so paired them wrongly.
 */
const TWO_POLICIES_ON_ONE_QUEUE: DeputyModel = JSON.parse(
  '{"source":"property-test.yaml","baseName":"property-test","environment":{"account":{"kind":"parameter","name":"AAccount","description":" "},"region":{"kind":"parameter","name":"ARegion","description":" "},"partition":{"kind":"current"}},"roles":[],"resourcePolicies":[{"attachment":{"type":"sqs-queue","queueUrl":{"kind":"interpolation","parts":[{"kind":"reference","field":"region"}]}},"document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"sts:AssumeRole"},{"Effect":"Allow","NotAction":["sts:AssumeRole"]}]},"notices":[],"name":".","id":"rp0__"},{"attachment":{"type":"sqs-queue","queueUrl":{"kind":"interpolation","parts":[{"kind":"reference","field":"region"}]}},"document":{"Statement":[{"Effect":"Allow","NotAction":["a:A"]}]},"notices":[],"name":"_","id":"rp1__"}]}',
) as DeputyModel;

describe('every target parses back to the model', () => {
  it('compares Terraform resources as sets whatever order a reader gives their keys in (fuzz regression)', async () => {
    checkJson(TWO_POLICIES_ON_ONE_QUEUE);
    checkCfn(TWO_POLICIES_ON_ONE_QUEUE);
    await checkTerraform(TWO_POLICIES_ON_ONE_QUEUE);
  });

  property('models')(`random models with hostile strings and references (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary().filter((model) => !hasLoneSurrogate(model)), async (model) => {
        checkJson(model);
        checkCfn(model);
        await checkTerraform(model);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  property('policies')(`random literal policies, converted as trust and resource policies (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(literalPolicyArbitrary(), fc.constantFrom('trust' as const, 'resource' as const), async (policy, kind) => {
        const { model, document } = convertPolicyText(JSON.stringify(policy), 'generated.json', { kind });
        expect(document).toEqual(policy);
        expect(JSON.parse(emitJson(model, { layout: 'flat' })[0]!.contents)).toEqual(policy);
        checkCfn(model);
        await checkTerraform(model);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
