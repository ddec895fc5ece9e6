/** somePolicyString visits exactly the string leaves mapPolicyStrings maps, without copying the document. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInterpolation, mapPolicyStrings, somePolicyString, type PolicyString } from '../src/index.js';
import { actionArbitrary, documentArbitrary, policyStringArbitrary } from '../src/testing/index.js';

describe('somePolicyString', () => {
  it('property: finds an interpolation exactly when mapPolicyStrings meets one', () => {
    const text = policyStringArbitrary();
    let found = 0;
    fc.assert(
      fc.property(documentArbitrary<PolicyString>(text, fc.constantFrom('sns.amazonaws.com', 'ec2.amazonaws.com.cn'), actionArbitrary, text), (document) => {
        let mapped = false;
        mapPolicyStrings(document, (value) => {
          mapped ||= isInterpolation(value);
          return value;
        });
        if (mapped) found += 1;
        expect(somePolicyString(document, isInterpolation)).toBe(mapped);
      }),
      { numRuns: 500 },
    );
    expect(found, 'some samples hold an interpolation').toBeGreaterThan(100);
  });

  it('skips Sid, Effect, a "*" principal and boolean or number condition values', () => {
    const document = {
      Statement: [{ Sid: 'a', Effect: 'Allow' as const, Principal: '*' as const, Action: 's3:GetObject', Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } }],
    };
    const seen: unknown[] = [];
    expect(somePolicyString(document, (value) => (seen.push(value), false))).toBe(false);
    expect(seen).toEqual(['s3:GetObject']);
  });
});
