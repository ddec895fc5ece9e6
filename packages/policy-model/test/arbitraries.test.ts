import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalPolicyArbitrary } from '../src/testing/arbitraries.js';
import { validatePolicyDocument } from '../src/policy/validate-policy.js';

describe('test arbitraries', () => {
  it('generate only policies the IAM grammar accepts', () => {
    fc.assert(
      fc.property(literalPolicyArbitrary(), (document) => {
        expect(validatePolicyDocument(document)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
