/** Rule semantics at their edges, over raw JSON policies. */
import { describe, expect, test } from 'vitest';
import { lintText, type Finding } from '../src/index.js';

type Statement = Record<string, unknown>;

async function findings(...statements: Statement[]): Promise<readonly Finding[]> {
  return (await lintText(JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2), 'policy.json', 'json')).findings;
}

const trust = (service: string, condition?: Record<string, Record<string, unknown>>): Statement => ({
  Effect: 'Allow',
  Principal: { Service: service },
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {}),
});

const rules = (list: readonly Finding[]) => list.map((finding) => `${finding.ruleId}/${finding.severity}`);

describe('DPT001 / DPT002', () => {
  test('a Null test does not bind the source; IfExists forms do', async () => {
    expect(rules(await findings(trust('personalize.amazonaws.com', { Null: { 'aws:SourceAccount': 'false' } })))).toEqual(['DPT001/error']);
    expect(rules(await findings(trust('forecast.amazonaws.com', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' }, ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:forecast:us-east-1:111122223333:*' } })))).toEqual([]);
  });

  test('keys are case-insensitive; aws:SourceOrgID stands in for the account', async () => {
    expect(rules(await findings(trust('ecs-tasks.amazonaws.com', { StringEquals: { 'AWS:SOURCEACCOUNT': '111122223333' }, ArnLike: { 'aws:sourcearn': 'arn:aws:ecs:us-east-1:111122223333:*' } })))).toEqual([]);
    expect(rules(await findings(trust('ecs-tasks.amazonaws.com', { StringEquals: { 'aws:SourceOrgID': 'o-abc123' }, ArnLike: { 'aws:SourceArn': 'arn:aws:ecs:*:*:*' } })))).toEqual([]);
  });

  test('the keys documented for the integration: Transfer needs only aws:SourceArn; a Personalize SourceArn that names the account pins it, one for any account does not', async () => {
    const invoke = { Effect: 'Allow', Principal: { Service: 'transfer.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:transfer:us-east-1:111122223333:server/s-1' } } };
    expect(rules(await findings(invoke))).toEqual([]);
    expect(rules(await findings(trust('transfer.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:transfer:us-east-1:111122223333:user/*' } })))).toEqual([]);
    expect(rules(await findings(trust('personalize.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:111122223333:*' } })))).toEqual([]);
    expect(rules(await findings(trust('personalize.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:*:*' } })))).toEqual(['DPT002/warning', 'DPT014/error']);
  });

  test('…IfExists changes nothing for a service that always sends the documented keys', async () => {
    expect(rules(await findings(trust('forecast.amazonaws.com', { StringEqualsIfExists: { 'aws:SourceAccount': '111122223333' }, ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:forecast:us-east-1:111122223333:*' } })))).toEqual([]);
  });

  test('Deny statements and non-service principals are not DPT001 material', async () => {
    expect(await findings({ ...trust('personalize.amazonaws.com'), Effect: 'Deny' })).toEqual([]);
    expect(rules(await findings({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }))).toEqual(['DPT021/warning']);
  });

  test('one finding per statement, covering every lacking service, with one SourceArn per documented pattern', async () => {
    const [finding, ...rest] = await findings({ Effect: 'Allow', Principal: { Service: ['airflow.amazonaws.com', 'airflow-env.amazonaws.com', 'states.amazonaws.com'] }, Action: 'sts:AssumeRole' });
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('airflow.amazonaws.com (Amazon Managed Workflows for Apache Airflow), airflow-env.amazonaws.com');
    const condition = (JSON.parse(`{${finding!.fix!.text!}}`) as { Condition: { ArnLike: { 'aws:SourceArn': string[] } } }).Condition;
    expect(condition.ArnLike['aws:SourceArn']).toEqual(['arn:aws:airflow:<region>:<account-id>:environment/*', 'arn:aws:states:<region>:<account-id>:stateMachine:*']);
  });
});

describe('DPT003', () => {
  test.each([
    ['StringEquals', 'aws:SourceArn', 'ArnLike'],
    ['StringNotEquals', 'aws:SourceArn', 'ArnNotLike'],
    ['StringEqualsIgnoreCase', 's3:prefix', 'StringLike'],
    ['ForAnyValue:StringEquals', 'aws:SourceOrgPaths', 'ForAnyValue:StringLike'],
    ['StringEqualsIfExists', 'aws:SourceArn', 'ArnLikeIfExists'],
    ['ForAllValues:StringNotEqualsIfExists', 'aws:TagKeys', 'ForAllValues:StringNotLikeIfExists'],
  ])('%s on %s becomes %s', async (operator, key, replacement) => {
    const [finding] = await findings({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*', Condition: { [operator]: { [key]: 'a?b*' } } });
    expect(finding!.ruleId).toBe('DPT003');
    expect(Object.keys((JSON.parse(`{${finding!.fix!.text!}}`) as { Condition: object }).Condition)).toEqual([replacement]);
  });

  test('exact values, and wildcards under pattern operators, are fine', async () => {
    expect(await findings({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'home/' }, StringLike: { 's3:prefix': 'home/*' } } })).toEqual([]);
  });
});

describe('DPT004 / DPT005 / DPT006', () => {
  test('partly overlapping accounts are a warning; disjoint accounts an error', async () => {
    const partial = trust('textract.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'] }, ArnLike: { 'aws:SourceArn': ['arn:aws:textract:*:111122223333:*'] } });
    expect(rules(await findings(partial))).toEqual(['DPT004/warning']);
    const both = trust('textract.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ['111122223333', '444455556666'] }, ArnLike: { 'aws:SourceArn': ['arn:aws:textract:*:111122223333:*', 'arn:aws:textract:*:444455556666:*'] } });
    expect(await findings(both)).toEqual([]);
  });

  test('S3 bucket ARNs have no account, so they never mismatch', async () => {
    expect(await findings({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sns:Publish', Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::bucket' } } })).toEqual([]);
  });

  test('the service of a SourceArn is compared with the documented patterns, and opaque ARNs are left alone', async () => {
    expect(rules(await findings(trust('apigateway.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:execute-api:us-east-1:111122223333:api/*' } })))).toEqual([]);
    expect(rules(await findings(trust('apigateway.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:apigateway:us-east-1:111122223333:api/*' } })))).toEqual(['DPT005/error']);
    expect(rules(await findings(trust('sns.amazonaws.com', { ArnLike: { 'aws:SourceArn': 'arn:aws:*:us-east-1:111122223333:*' } })))).toEqual([]);
  });

  test('malformed ARNs and account IDs, but not prose placeholders in the account field', async () => {
    expect(rules(await findings(trust('personalize.amazonaws.com', { StringEquals: { 'aws:SourceAccount': 'account-id' }, StringLike: { 'aws:SourceArn': 'arn:aws:personalize:region:account-id:*' } })))).toEqual([]);
    expect(rules(await findings(trust('personalize.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '11112222333' }, StringLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1' } })))).toEqual(['DPT006/error', 'DPT006/error']);
  });
});

describe('DPT009', () => {
  test('Allow "*" with a condition, or Deny "*", is fine', async () => {
    expect(await findings({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })).toEqual([]);
    expect(await findings({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*' })).toEqual([]);
    expect(rules(await findings({ Effect: 'Allow', Principal: { AWS: ['111122223333', '*'] }, Action: 's3:GetObject', Resource: '*' }))).toEqual(['DPT009/error']);
  });
});
