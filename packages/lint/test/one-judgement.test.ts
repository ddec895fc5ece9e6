/**
 * The one judgement from lint's side (issue 13): the weakening classes that `emit` refuses and `verify`
 * fails (packages/verify/test/one-judgement.test.ts) are flagged by lint too, in JSON, CloudFormation and
 * Terraform, for every catalog service whose role trust requires both documented keys; the policies deputy
 * generates for the same services lint clean.
 */
import { describe, expect, test } from 'vitest';
import { SERVICE_CATALOG, expandArnPattern, isDocumented, trustActionsOf, trustIntegration, type ServiceCatalogEntry } from '@deputy/policy-model';
import { lintText } from '../src/index.js';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';

const BOTH_KEYS = SERVICE_CATALOG.filter((entry) => {
  const trust = trustIntegration(entry);
  return isDocumented(trust) && trust.keys.includes('aws:SourceAccount') && trust.keys.includes('aws:SourceArn') && trust.sourceArn?.pattern.includes('{account}') === true;
});

type Condition = Record<string, Record<string, string | string[]>>;
const service = (arn: string): string => arn.split(':')[2]!;

/** Each class, the condition it writes, and the rule lint must report. */
const CLASSES: readonly (readonly [string, (arn: string) => Condition, string])[] = [
  ['SourceAccount "*" and a SourceArn for any account', (arn) => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': `arn:aws:${service(arn)}:*:*:*` } }), 'DPT014'],
  ['ArnLike SourceArn "*"', () => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': '*' } }), 'DPT014'],
  ['a SourceArn for every service', () => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': 'arn:aws:*:*:*:*' } }), 'DPT014'],
  ['account lists that contain "*"', (arn) => ({ StringLike: { 'aws:SourceAccount': [ACCOUNT, '*'] }, ArnLike: { 'aws:SourceArn': [arn, `arn:aws:${service(arn)}:*:*:*`] } }), 'DPT014'],
  ['StringNotEquals on the own account in an Allow', (arn) => ({ StringNotEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': arn } }), 'DPT015'],
  ['SourceAccount "*" next to a pinned SourceArn', (arn) => ({ StringLike: { 'aws:SourceAccount': '*' }, ArnLike: { 'aws:SourceArn': arn } }), 'DPT016'],
];

function trustJson(entry: ServiceCatalogEntry, condition?: Condition): string {
  const actions = [...trustActionsOf(entry)];
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: entry.principal }, Action: actions, ...(condition ? { Condition: condition } : {}) }] }, null, 2);
}

function cfnYaml(entry: ServiceCatalogEntry, condition: Condition): string {
  const document = JSON.parse(trustJson(entry, condition)) as object;
  return `Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: ${JSON.stringify(document)}\n`;
}

function terraform(entry: ServiceCatalogEntry, condition: Condition): string {
  return `resource "aws_iam_role" "probe" {\n  name = "probe"\n  assume_role_policy = <<EOF\n${trustJson(entry, condition)}\nEOF\n}\n`;
}

async function rulesOf(text: string, file: string, kind: 'json' | 'yaml' | 'terraform'): Promise<string[]> {
  return (await lintText(text, file, kind)).findings.map((finding) => finding.ruleId);
}

describe('lint flags every weakening class, for every service with both documented role-trust keys', () => {
  test('there are many such services', () => {
    expect(BOTH_KEYS.length).toBeGreaterThan(60);
  });

  describe.each(CLASSES.map(([name, condition, rule]) => [name, condition, rule] as const))('%s', (_, condition, rule) => {
    test.each(BOTH_KEYS.map((entry) => [entry.key, entry] as const))('%s', async (_key, entry) => {
      const arn = expandArnPattern(trustIntegration(entry)!.sourceArn!.pattern, { partition: 'aws', region: 'us-east-1', account: ACCOUNT });
      const written = condition(arn);
      expect(await rulesOf(trustJson(entry, written), 'trust.json', 'json')).toContain(rule);
    });
  });

  test.each(CLASSES.map(([name, condition, rule]) => [name, condition, rule] as const))('%s reads the same in CloudFormation and Terraform', async (_, condition, rule) => {
    const entry = BOTH_KEYS.find((candidate) => candidate.key === 'personalize')!;
    const written = condition(expandArnPattern(trustIntegration(entry)!.sourceArn!.pattern, { partition: 'aws', region: 'us-east-1', account: ACCOUNT }));
    expect(await rulesOf(cfnYaml(entry, written), 'template.yaml', 'yaml')).toContain(rule);
    expect(await rulesOf(terraform(entry, written), 'main.tf', 'terraform')).toContain(rule);
  });
});

describe('what deputy writes lints clean', () => {
  test.each(BOTH_KEYS.map((entry) => [entry.key, entry] as const))('%s with its documented keys', async (_key, entry) => {
    const trust = trustIntegration(entry)!;
    const arn = expandArnPattern(trust.sourceArn!.pattern, { partition: 'aws', region: 'us-east-1', account: ACCOUNT });
    const condition: Condition = { StringEquals: { 'aws:SourceAccount': ACCOUNT }, [trust.sourceArn!.operator]: { 'aws:SourceArn': arn } };
    expect(await rulesOf(trustJson(entry, condition), 'trust.json', 'json')).toEqual([]);
  });

  test('a SourceArn in another account is the DPT004 mismatch, reported once', async () => {
    const entry = BOTH_KEYS.find((candidate) => candidate.key === 'personalize')!;
    const rules = await rulesOf(trustJson(entry, { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:personalize:us-east-1:${OTHER}:*` } }), 'trust.json', 'json');
    expect(rules).toEqual(['DPT004']);
  });
});

describe('Principal "*" behind confused-deputy keys', () => {
  const everyone = (condition: Condition, principal: unknown = '*'): string =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: condition }] }, null, 2);

  test('ArnLike aws:SourceArn "*" or a SourceAccount "*" is DPT014', async () => {
    expect(await rulesOf(everyone({ ArnLike: { 'aws:SourceArn': '*' } }), 'bucket.json', 'json')).toEqual(['DPT014']);
    expect(await rulesOf(everyone({ StringLike: { 'aws:SourceAccount': '*' } }, { AWS: '*' }), 'bucket.json', 'json')).toEqual(['DPT014']);
  });

  test('the own account, or a VPC endpoint condition, is not', async () => {
    expect(await rulesOf(everyone({ StringEquals: { 'aws:SourceAccount': ACCOUNT } }), 'bucket.json', 'json')).toEqual([]);
    expect(await rulesOf(everyone({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }), 'bucket.json', 'json')).toEqual([]);
  });
});
