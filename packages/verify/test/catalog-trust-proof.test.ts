/**
 * Every catalog entry's generated trust policy, proven by the scenario matrix in every partition: the
 * service's own call is allowed; each documented key stops its attack; other services and partitions are
 * denied. The builder in support/catalog-trust-policy.ts mirrors deputy's normaliser.
 */
import { describe, expect, test } from 'vitest';
import type { Partition } from '@deputy/policy-model';
import { DEFAULT_REGIONS, PARTITIONS, SERVICE_CATALOG, requiredKeys, trustActionsOf, trustIntegration } from '@deputy/policy-model';
import { verifyServiceTrust } from '../src/scenarios/verify-service-trust.js';
import { formatServiceVerification } from '../src/scenarios/format-verification.js';
import { catalogTrustPolicy } from './support/catalog-trust-policy.js';

const ACCOUNT = '111122223333';

describe.each(SERVICE_CATALOG.map((entry) => [entry.key, entry] as const))('%s', (_, entry) => {
  test.each(PARTITIONS)('the generated trust policy is proven in %s', (partition: Partition) => {
    const region = DEFAULT_REGIONS[partition];
    const document = catalogTrustPolicy(entry, { account: ACCOUNT, region, partition });
    const verification = verifyServiceTrust(document, { service: entry, account: ACCOUNT, region, partition });
    expect(verification.passed, formatServiceVerification(verification)).toBe(true);
    expect(verification.problems).toEqual([]);

    const integration = trustIntegration(entry);
    const keys = requiredKeys(integration);
    const run = new Set(verification.scenarios.map((scenario) => scenario.scenario));
    expect(run.has('legitimate')).toBe(true);
    expect(run.has('other-service')).toBe(true);
    if (keys.includes('aws:SourceAccount')) {
      expect(run.has('foreign-source-account')).toBe(true);
      expect(run.has('missing-source-account')).toBe(true);
    }
    if (keys.includes('aws:SourceArn')) {
      expect(run.has('missing-source-arn')).toBe(true);
      expect(run.has('foreign-source-arn') || !integration!.sourceArn!.pattern.includes('{account}')).toBe(true);
      expect(run.has('other-partition')).toBe(true);
    }
    const legitimate = verification.scenarios.filter((scenario) => scenario.scenario === 'legitimate');
    expect(legitimate.map((scenario) => scenario.action)).toEqual(trustActionsOf(entry));
  });
});

test('the builder writes what the brief describes for the reference case', () => {
  const personalize = SERVICE_CATALOG.find((entry) => entry.key === 'personalize')!;
  expect(catalogTrustPolicy(personalize, { account: ACCOUNT, region: 'eu-west-1', partition: 'aws' })).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'personalize.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          StringLike: { 'aws:SourceArn': `arn:aws:personalize:eu-west-1:${ACCOUNT}:*` },
        },
      },
    ],
  });
});
