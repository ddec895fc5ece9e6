import { describe, expect, it } from 'vitest';
import { deputy, deputyProcess } from './support/run-cli.js';

describe('deputy snippet', () => {
  it('prints the trust policy of the Amazon Personalize confused-deputy page', async () => {
    const result = await deputy(['snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--target', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'personalize.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            StringLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:123456789012:*' },
          },
        },
      ],
    });
  });

  it('takes a service principal, and partitions', async () => {
    const result = await deputy(['snippet', '--service', 'personalize.amazonaws.com', '--account', '012345678901', '--region', 'cn-north-1', '--partition', 'aws-cn']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Statement[0].Condition.StringLike['aws:SourceArn']).toBe('arn:aws-cn:personalize:cn-north-1:012345678901:*');
  });

  it.each([
    [['--service', 'personalise', '--account', '123456789012', '--region', 'us-east-1'], 'error: --service: unknown service "personalise" (did you mean "personalize"'],
    [['--service', 'personalize', '--account', '12345678901', '--region', 'us-east-1'], 'error: --account: invalid account ID "12345678901" (account is exactly 12 digits'],
    [['--service', 'personalize', '--account', '123456789012', '--region', 'us-east'], 'error: --region: invalid Region "us-east"'],
    [['--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--partition', 'aws-eu'], 'error: --partition: invalid partition "aws-eu"'],
    [['--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--target', 'yaml'], 'error: --target: unknown target "yaml" (use json, hcl, cfn, tf-json)'],
    [['--service', 'personalize', '--account', '123456789012'], "error: --region: required option '--region <region>' not specified (see deputy snippet --help)"],
  ])('refuses %j with exit 2, a hint and nothing on stdout', async (argv, expected) => {
    const result = await deputy(['snippet', ...argv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(expected), result.stderr).toBe(true);
  });

  it('works as a real process: stdout only on success, no stack trace on failure', () => {
    const ok = deputyProcess(['snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).Statement[0].Principal).toEqual({ Service: 'personalize.amazonaws.com' });
    const bad = deputyProcess(['snippet', '--service', 'nope', '--account', '1', '--region', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('deputy snippet --integration: the resource policy that lets a service act on a resource', () => {
  it('writes the catalog conditions for the integration (CloudTrail to a bucket: the trail ARN)', async () => {
    const result = await deputy(['snippet', '--service', 'cloudtrail', '--integration', 's3-bucket', '--resource', 'trail-logs', '--account', '123456789012', '--region', 'us-east-1']);
    expect(result.code).toBe(0);
    const statement = (JSON.parse(result.stdout) as { Statement: Record<string, unknown>[] }).Statement[0]!;
    expect(statement).toMatchObject({ Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:PutObject', Resource: ['arn:aws:s3:::trail-logs', 'arn:aws:s3:::trail-logs/*'] });
    expect(statement.Condition).toEqual({ ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:123456789012:trail/*' } });
  });

  it('derives the queue URL from a queue ARN for Terraform', async () => {
    const result = await deputy(['snippet', '--service', 'events', '--integration', 'sqs-queue', '--resource', 'arn:aws:sqs:us-east-1:123456789012:events', '--account', '123456789012', '--region', 'us-east-1', '--target', 'hcl']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('queue_url = "https://sqs.us-east-1.amazonaws.com/123456789012/events"');
    expect(result.stdout).toContain('"aws:SourceArn" = "arn:aws:events:us-east-1:123456789012:rule/*"');
  });

  it('prints the notice where AWS documents no key for the integration', async () => {
    const result = await deputy(['snippet', '--service', 'events', '--integration', 'sns-topic', '--resource', 'arn:aws:sns:us-east-1:123456789012:t', '--account', '123456789012', '--region', 'us-east-1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^notice: AWS documents that no confused-deputy condition key applies for events\.amazonaws\.com \(Amazon EventBridge\) in the SNS topic policy/);
  });

  it('needs --resource, and refuses an unknown integration', async () => {
    const missing = await deputy(['snippet', '--service', 's3', '--integration', 'lambda-permission', '--account', '123456789012', '--region', 'us-east-1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: --resource: --integration lambda-permission needs the resource/);
    const unknown = await deputy(['snippet', '--service', 's3', '--integration', 'kms', '--resource', 'k', '--account', '123456789012', '--region', 'us-east-1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: --integration: invalid --integration "kms"/);
  });
});
