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
