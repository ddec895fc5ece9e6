/**
 * Property tests: random models full of hostile strings (YAML specials, quotes, `${`, `${!`, unicode, line
 * breaks, very long values) and references print as YAML and JSON templates that parse back to exactly the
 * model; literal policies, as `convert` wraps them, come back identical.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeputyModel, LiteralPolicyDocument } from '@deputy/policy-model';
import { convertPolicyText } from '@deputy/policy-model';
import { literalPolicyArbitrary, roundTripPolicies } from '@deputy/policy-model/testing';
import { emitCfn } from '../src/index.js';
import { loadCfnTemplate, recoverTemplate } from '../src/testing.js';
import { cfnModelArbitrary } from './support/arbitraries.js';
import { expectRoundTrip } from './support/round-trip.js';

const FORMATS = ['yaml', 'json'] as const;

/**
 * The model `convert` builds around a literal policy (a role for a trust policy, a bare document otherwise),
 * built here without convert's grammar check so that every generated document reaches the emitter.
 */
function wrapLikeConvert(document: LiteralPolicyDocument, kind: 'trust' | 'resource'): DeputyModel {
  return {
    source: 'policy.json',
    baseName: 'policy',
    environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
    roles: kind === 'trust' ? [{ name: 'policy', id: 'policy', trustPolicy: document, inlinePolicies: [], managedPolicyArns: [], tags: [], notices: [] }] : [],
    resourcePolicies: kind === 'resource' ? [{ name: 'policy', id: 'policy', attachment: { type: 'document' }, document, notices: [] }] : [],
  };
}

/** The policy a converted template holds: the trust policy of its role, or its policy-document Output. */
function recoveredPolicy(model: DeputyModel, format: (typeof FORMATS)[number]): unknown {
  const [file] = emitCfn(model, { format });
  const recovered = recoverTemplate(loadCfnTemplate(file!.contents, format));
  const [role] = recovered.roles;
  const [policy] = recovered.resourcePolicies;
  return role ? role.trustPolicy : policy !== undefined && 'document' in policy ? policy.document : undefined;
}

describe('property: hostile models round-trip', () => {
  for (const format of FORMATS) {
    it(`${format} templates parse back to the model with zero differences`, () => {
      fc.assert(
        fc.property(cfnModelArbitrary(), (model) => {
          const [file] = emitCfn(model, { format });
          expectRoundTrip(model, file!);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('convert round trip', () => {
  for (const policy of roundTripPolicies()) {
    it(`${policy.name} comes back identical from both formats`, () => {
      const converted = convertPolicyText(policy.text, `policies/${policy.name}`);
      const original = JSON.parse(policy.text) as LiteralPolicyDocument;
      for (const format of FORMATS) expect(recoveredPolicy(converted.model, format)).toStrictEqual(original);
    });
  }

  it('random literal policies come back identical, as trust and as resource policies', () => {
    fc.assert(
      fc.property(literalPolicyArbitrary(), fc.constantFrom('trust' as const, 'resource' as const), (generated, kind) => {
        const document = JSON.parse(JSON.stringify(generated)) as LiteralPolicyDocument;
        for (const format of FORMATS) expect(recoveredPolicy(wrapLikeConvert(document, kind), format)).toStrictEqual(document);
      }),
      { numRuns: 200 },
    );
  });
});
