import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DeputyInputError, loadDefinitionText, mapPolicyStrings, type PolicyString } from '@deputy/policy-model';
import { EXAMPLE_ENVIRONMENT, fixtureCases, goldenPairs, literalPolicyArbitrary, loadFixture } from '@deputy/policy-model/testing';
import { emitJson } from '../src/index.js';
import { serializePolicyJson } from '../src/serialize-policy-json.js';

describe('JSON emitter goldens', () => {
  for (const caseName of fixtureCases()) {
    it(`${caseName} matches expected/json byte for byte`, () => {
      const files = emitJson(loadFixture(caseName, { set: EXAMPLE_ENVIRONMENT }));
      for (const pair of goldenPairs(caseName, 'json', files)) expect(pair.actual, pair.path).toBe(pair.expected);
    });
  }
});

describe('JSON emitter meaning', () => {
  it('emits every document of every fixture exactly as the model holds it', () => {
    for (const caseName of fixtureCases()) {
      const model = loadFixture(caseName, { set: EXAMPLE_ENVIRONMENT });
      const documents = [...model.roles.flatMap((role) => [role.trustPolicy, ...role.inlinePolicies.map((p) => p.document)]), ...model.resourcePolicies.map((p) => p.document)];
      const parsed = emitJson(model).filter((file) => file.path.endsWith('.json')).map((file) => JSON.parse(file.contents) as unknown);
      expect(parsed, caseName).toEqual(documents.map((document) => mapPolicyStrings(document, (value: PolicyString) => value)));
    }
  });

  it('round-trips random hostile policies through JSON.parse with nothing lost, keys in deputy order', () => {
    fc.assert(
      fc.property(literalPolicyArbitrary(), (document) => {
        const text = serializePolicyJson(document);
        expect(JSON.parse(text)).toEqual(document);
        const statements = JSON.parse(text).Statement;
        for (const statement of Array.isArray(statements) ? statements : [statements]) {
          const keys = Object.keys(statement);
          const order = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
          expect(keys).toEqual(order.filter((key) => keys.includes(key)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes 2-space indentation and a final newline, and a flat layout for one document', () => {
    const model = loadFixture('personalize-reference-literal-environment');
    const [file] = emitJson(model, { layout: 'flat' });
    expect(file!.path).toBe('input.json');
    expect(file!.contents.endsWith('}\n')).toBe(true);
    expect(file!.contents.split('\n')[1]).toBe('  "Version": "2012-10-17",');
  });

  it('refuses a model that refers to the current account, naming the --set flags', () => {
    const model = loadDefinitionText('roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n', 'def.yaml');
    expect(() => emitJson(model)).toThrow(DeputyInputError);
    expect(() => emitJson(model)).toThrow(/target json needs a literal account, region, partition.*--set account=123456789012 --set region=us-east-1 --set partition=aws/s);
  });
});

describe('JSON emitter waivers', () => {
  it('writes a .deputyignore sidecar with the reason next to a document whose conditions were waived', () => {
    const files = emitJson(loadFixture('pod-identity-no-keys-and-waiver', { set: EXAMPLE_ENVIRONMENT }));
    const sidecars = files.filter((file) => file.path.endsWith('.deputyignore'));
    expect(sidecars.map((file) => file.path)).toEqual(['input/legacy-batch.trust-policy.json.deputyignore']);
    expect(sidecars[0]!.contents).toContain('DPT001 batch.amazonaws.com: Batch compute environments here predate SourceArn support; tracked in SEC-1234\n');
  });
});
