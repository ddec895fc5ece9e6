/**
 * The one judgement (issue 13): every snippet deputy writes passes it, in every partition, and every class of
 * weakening, applied to every catalog service with documented role-trust keys, is rejected by it as the
 * loader (emit) sees it. The lint side of the same classes is in packages/lint/test/one-judgement.test.ts.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_REGIONS,
  DeputyInputError,
  PARTITIONS,
  SERVICE_CATALOG,
  expandArnPattern,
  isDocumented,
  loadDefinitionText,
  snippetModel,
  trustActionsOf,
  trustIntegration,
  type LiteralPolicyDocument,
  type ServiceCatalogEntry,
} from '@deputy/policy-model';
import { judgeModel } from '../src/scenarios/judge-model.js';
import { judgeServiceVerification } from '../src/scenarios/judge-verification.js';
import { verifyTrustPolicy } from '../src/scenarios/verify-policy.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

describe('every snippet passes the judgement', () => {
  test.each(SERVICE_CATALOG.map((entry) => [entry.key] as const))('%s in every partition', (key) => {
    for (const partition of PARTITIONS) {
      const model = snippetModel({ service: key, account: ACCOUNT, region: DEFAULT_REGIONS[partition], partition });
      expect(judgeModel(model), `${key} in ${partition}`).toEqual([]);
    }
  });
});

/** One class of weakening: the trust policy's Condition for an entry, made weaker in one way. */
interface Weakening {
  readonly name: string;
  /** The condition, or undefined when the class does not apply to the entry. */
  readonly condition: (arn: string, entry: ServiceCatalogEntry) => Record<string, Record<string, string | string[]>> | undefined;
  /** The judgement the class must get. */
  readonly expected: 'another-account' | 'service-denied' | 'weaker';
}

const service = (arn: string): string => arn.split(':')[2]!;
const anyAccountArn = (arn: string): string => `arn:aws:${service(arn)}:*:*:*`;
const otherAccountArn = (arn: string): string => arn.replace(`:${ACCOUNT}:`, `:${OTHER}:`);

const WEAKENINGS: readonly Weakening[] = [
  { name: 'SourceAccount "*" (StringLike), SourceArn for any account', condition: (arn) => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': anyAccountArn(arn) } }), expected: 'another-account' },
  { name: 'ArnLike SourceArn "*" with SourceAccount "*"', condition: () => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': '*' } }), expected: 'another-account' },
  { name: 'SourceArn for all services', condition: () => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': 'arn:aws:*:*:*:*' } }), expected: 'another-account' },
  { name: 'an account list that contains "*"', condition: (arn) => ({ StringLike: { 'aws:SourceAccount': [ACCOUNT, '*'] }, ArnLike: { 'aws:SourceArn': [arn, anyAccountArn(arn)] } }), expected: 'another-account' },
  { name: 'StringNotEquals SourceAccount own account in an Allow', condition: (arn) => ({ StringNotEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': arn } }), expected: 'service-denied' },
  { name: 'StringEquals SourceAccount "*" (read literally)', condition: (arn) => ({ StringEquals: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': arn } }), expected: 'service-denied' },
  { name: 'SourceArn in another account', condition: (arn) => ({ StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': otherAccountArn(arn) } }), expected: 'service-denied' },
  { name: 'SourceAccount "*" next to a pinned SourceArn', condition: (arn) => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': arn } }), expected: 'weaker' },
];

/** Entries whose role trust requires both SourceAccount and an account-pinning SourceArn: the weakenings apply as written. */
const BOTH_KEYS = SERVICE_CATALOG.filter((entry) => {
  const trust = trustIntegration(entry);
  return isDocumented(trust) && trust.keys.includes('aws:SourceAccount') && trust.keys.includes('aws:SourceArn') && trust.sourceArn?.pattern.includes('{account}') === true && !entry.regionalPrincipal?.required;
});

function definitionWith(entry: ServiceCatalogEntry, condition: Record<string, unknown>): string {
  const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: entry.principal }, Action: [...trustActionsOf(entry)], Condition: condition }] };
  return `version: 1\naccount: "${ACCOUNT}"\nregion: us-east-1\npartition: aws\nroles:\n  - name: probe\n    trustPolicy: ${JSON.stringify(document)}\n`;
}

describe('every weakening class is rejected, for every service with both documented keys', () => {
  test('there are many such services', () => {
    expect(BOTH_KEYS.length).toBeGreaterThan(60);
  });

  describe.each(WEAKENINGS.map((weakening) => [weakening.name, weakening] as const))('%s', (_, weakening) => {
    test.each(BOTH_KEYS.map((entry) => [entry.key, entry] as const))('%s', (_key, entry) => {
      const arn = expandArnPattern(trustIntegration(entry)!.sourceArn!.pattern, { partition: 'aws', region: 'us-east-1', account: ACCOUNT });
      const condition = weakening.condition(arn, entry)!;
      const document: LiteralPolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: entry.principal }, Action: [...trustActionsOf(entry)], Condition: condition }] };
      const verification = verifyTrustPolicy(document, { account: ACCOUNT, region: 'us-east-1', partition: 'aws' });
      const judged = verification.services.flatMap((serviceVerification) => judgeServiceVerification(serviceVerification, { judgeLegitimate: true }).map((finding) => finding.judgement));
      expect(judged).toContain(weakening.expected);
      expect(verification.passed).toBe(false);
      const loaded = (): unknown => loadDefinitionText(definitionWith(entry, condition), 'probe.yaml', { judge: judgeModel });
      expect(loaded).toThrow(DeputyInputError);
      try {
        loaded();
      } catch (error) {
        const first = (error as DeputyInputError).problems[0]!;
        expect(first.location).toMatchObject({ file: 'probe.yaml', line: 6 });
        expect(first.message).toMatch(/^role probe: /);
      }
    });
  });
});

describe('judgeModel', () => {
  test('a waived service is not judged', () => {
    const text = `${definitionWith(SERVICE_CATALOG.find((entry) => entry.key === 'personalize')!, { StringLike: { 'aws:SourceAccount': '*' } })}    waiver: { reason: "a probe of the waiver path" }\n`;
    expect(() => loadDefinitionText(text, 'probe.yaml', { judge: judgeModel })).not.toThrow();
  });

  test('a trustedServices entry with sourceAccount "*" is refused at its role', () => {
    const text = `version: 1\naccount: "${ACCOUNT}"\nregion: us-east-1\npartition: aws\nroles:\n  - name: star\n    trustedServices:\n      - service: personalize\n        sourceAccount: "*"\n`;
    expect(() => loadDefinitionText(text, 'star.yaml', { judge: judgeModel })).toThrow(/role star: personalize\.amazonaws\.com/);
  });
});

describe('Principal "*" behind confused-deputy keys', () => {
  const environment = { account: ACCOUNT, region: 'us-east-1', partition: 'aws' as const };
  const everyone = (condition: Record<string, Record<string, string>>, principal: unknown = '*'): LiteralPolicyDocument =>
    ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: condition }] }) as LiteralPolicyDocument;

  test('ArnLike aws:SourceArn "*" lets any service act for any account', () => {
    const verification = verifyTrustPolicy(everyone({ ArnLike: { 'aws:SourceArn': '*' } }), environment);
    expect(verification.passed).toBe(false);
    expect(verification.services.map((service) => [service.principal, service.scenarios.map((scenario) => scenario.actual)])).toEqual([['*', ['Allow']]]);
  });

  test('"AWS": "*" with StringLike aws:SourceAccount "*" is the same hole', () => {
    expect(verifyTrustPolicy(everyone({ StringLike: { 'aws:SourceAccount': '*' } }, { AWS: '*' }), environment).passed).toBe(false);
  });

  test('the own account pins it; conditions that are not confused-deputy keys are not probed', () => {
    expect(verifyTrustPolicy(everyone({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }), environment).passed).toBe(true);
    expect(verifyTrustPolicy(everyone({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), environment).services).toEqual([]);
  });
});
