/**
 * Every fixture and hand-built model, in both styles: the file parses back with hcl2json to the model
 * (policy-document data sources rebuilt the way the provider builds them), terraform fmt leaves every file
 * unchanged, and terraform itself evaluates every jsonencode policy to the model's document.
 */
import { describe, expect, it } from 'vitest';
import type { DeputyModel } from '@deputy/policy-model';
import { emitHcl, meaningChangingGaps, type HclPolicyStyle } from '../src/index.js';
import { allCases, STYLES } from './support/cases.js';
import { HAND_BUILT_MODELS } from './support/hand-built-models.js';
import { differencesFromModel, recoverTerraform, requireTerraform, terraformFmtCheck, jsonencodePoliciesEvaluatedByTerraform } from './support/index.js';

const cases = allCases();

describe('round trip through hcl2json', () => {
  for (const testCase of cases) {
    for (const style of STYLES) {
      it(`${testCase.name} / ${style}`, async () => {
        const [file] = emitHcl(testCase.model, { style });
        const recovered = await recoverTerraform(file!.contents);
        expect(await differencesFromModel(recovered, testCase.model)).toEqual([]);
      });
    }
  }

  it('the policy-document style uses the data source for exactly the documents it can express', async () => {
    for (const testCase of cases) {
      const [file] = emitHcl(testCase.model, { style: 'policy-document' });
      const recovered = await recoverTerraform(file!.contents);
      const environment = { environment: testCase.model.environment, awsProviderMajorVersion: 6 as const };
      const expectedForms = [
        ...testCase.model.roles.flatMap((role) => [role.trustPolicy, ...role.inlinePolicies.map((policy) => policy.document)]),
        ...testCase.model.resourcePolicies.filter((policy) => policy.attachment.type !== 'lambda-permission').map((policy) => policy.document),
      ].map((document) => (meaningChangingGaps(document, environment).length > 0 ? 'jsonencode' : 'policy-document'));
      const forms = [
        ...recovered.roles.flatMap((role) => [role.trustPolicy.form, ...role.inlinePolicies.map((policy) => policy.policy.form)]),
        ...recovered.resourcePolicies.flatMap((policy) => ('policy' in policy ? [policy.policy.form] : [])),
      ];
      expect(forms, testCase.name).toEqual(expectedForms);
    }
  });
});

describe('terraform', () => {
  it('fmt -check passes on every emitted file (one batch)', () => {
    if (!requireTerraform('terraform fmt -check on emitted files')) return;
    const files = new Map(cases.flatMap((testCase) => STYLES.map((style) => [`${testCase.name}.${style}.tf`, emitHcl(testCase.model, { style })[0]!.contents] as const)));
    const result = terraformFmtCheck(files);
    expect(result.unformatted, result.diff).toEqual([]);
  });

  it('evaluates every jsonencode policy to the model document', async () => {
    if (!requireTerraform('evaluating jsonencode policies with terraform console')) return;
    for (const testCase of cases) {
      const [file] = emitHcl(testCase.model, { style: 'jsonencode' });
      const { evaluated, expected } = await jsonencodePoliciesEvaluatedByTerraform(file!.contents, testCase.model);
      expect(evaluated, testCase.name).toEqual(expected);
    }
  });
});

describe('the round trip notices changes', () => {
  const model = HAND_BUILT_MODELS.get('personalize-current') as DeputyModel;
  const MUTATIONS: readonly [string, HclPolicyStyle, (text: string) => string][] = [
    ['a changed action', 'jsonencode', (text) => text.replace('"s3:ListBucket"', '"s3:ListBuckets"')],
    ['reordered list items', 'jsonencode', (text) => text.replace('["s3:GetObject", "s3:ListBucket"]', '["s3:ListBucket", "s3:GetObject"]')],
    ['a list turned into a string', 'jsonencode', (text) => text.replace('Action = "sts:AssumeRole"', 'Action = ["sts:AssumeRole"]')],
    ['a swapped reference', 'jsonencode', (text) => text.replace(':personalize:${data.aws_region.current.region}', ':personalize:${data.aws_partition.current.partition}')],
    ['a changed condition value', 'policy-document', (text) => text.replace('values   = [data.aws_caller_identity.current.account_id]', 'values   = ["123456789012"]')],
    ['a dropped resource', 'policy-document', (text) => text.replace('      "arn:${data.aws_partition.current.partition}:s3:::training-data",\n', '')],
    ['a changed tag', 'policy-document', (text) => text.replace('team             = "ml"', 'team             = "ML"')],
  ];

  for (const [what, style, mutate] of MUTATIONS) {
    it(what, async () => {
      const [file] = emitHcl(model, { style });
      const mutated = mutate(file!.contents);
      expect(mutated).not.toBe(file!.contents);
      expect(await differencesFromModel(await recoverTerraform(mutated), model)).not.toEqual([]);
    });
  }

  it('an unescaped policy variable does not even parse', async () => {
    const [file] = emitHcl(model, { style: 'jsonencode' });
    await expect(recoverTerraform(file!.contents.replace('$${aws:username}', '${aws:username}'))).rejects.toThrow(/interpolation/);
  });
});
