/** `deputy convert --target cfn` keeps every statement, operator, key and value: parsed back with the CloudFormation tags. */
import { describe, expect, it } from 'vitest';
import { roundTripPolicies } from '@deputy/policy-model/testing';
import { convertPolicyText } from '@deputy/policy-model';
import { loadCfnTemplate, recoverTemplate } from '@deputy/emitter-cfn/testing';
import { deputy } from './support/run-cli.js';

describe('deputy convert --target cfn round trip', () => {
  for (const format of ['yaml', 'json'] as const) {
    for (const policy of roundTripPolicies()) {
      it(`${policy.name} (${format}) parses back to the identical policy`, async () => {
        const result = await deputy(['convert', policy.file, '--target', 'cfn', '--cfn-format', format]);
        expect(result.code).toBe(0);
        const recovered = recoverTemplate(loadCfnTemplate(result.stdout, format));
        const { kind } = convertPolicyText(policy.text, policy.file);
        const documents = kind === 'trust' ? recovered.roles.map((role) => role.trustPolicy) : recovered.resourcePolicies.map((p) => ('document' in p ? p.document : undefined));
        expect(documents).toEqual([JSON.parse(policy.text)]);
      });
    }
  }
});
