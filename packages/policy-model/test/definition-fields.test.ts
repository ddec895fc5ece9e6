/** Checks per field the schema cannot express: attachment targets by kind, partition ↔ Region, placeholders. */
import { describe, expect, it } from 'vitest';
import { bucketNameProblem } from '../src/definition/attachment-targets.js';
import { loadDefinitionText, type LoadDefinitionOptions } from '../src/load/load-definition.js';
import { DeputyInputError, formatProblem } from '../src/problems.js';

const document = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "123456789012" }, Action: "sqs:SendMessage", Resource: "*" }] }';
const attached = (attachTo: string, environment = 'partition: aws') => `version: 1\n${environment}\nresourcePolicies:\n  - name: p\n    attachTo: { ${attachTo} }\n    document: ${document}\n`;

function errorsOf(text: string, options: LoadDefinitionOptions = {}): string[] {
  try {
    loadDefinitionText(text, 'def.yaml', options);
  } catch (error) {
    if (error instanceof DeputyInputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

function attachmentOf(text: string, options: LoadDefinitionOptions = {}) {
  return loadDefinitionText(text, 'def.yaml', options).resourcePolicies[0]!.attachment;
}

describe('attachTo by kind', () => {
  it('derives the queue URL from an SQS ARN, with the partition’s domain', () => {
    expect(attachmentOf(attached('sqsQueue: "arn:aws:sqs:us-east-1:123456789012:orders"'))).toEqual({ type: 'sqs-queue', queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/orders' });
    expect(attachmentOf(attached('sqsQueue: "arn:aws-cn:sqs:cn-north-1:123456789012:orders.fifo"', 'partition: aws-cn'))).toEqual({
      type: 'sqs-queue',
      queueUrl: 'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders.fifo',
    });
    const withPlaceholders = attachmentOf(attached('sqsQueue: "arn:{{partition}}:sqs:{{region}}:{{account}}:orders"', 'partition: aws-us-gov'));
    expect(withPlaceholders).toEqual({
      type: 'sqs-queue',
      queueUrl: { kind: 'interpolation', parts: ['https://sqs.', { kind: 'reference', field: 'region' }, '.amazonaws.com/', { kind: 'reference', field: 'account' }, '/orders'] },
    });
  });

  it('refuses an SQS ARN whose domain cannot be known, and values that are neither URL nor ARN', () => {
    expect(errorsOf(attached('sqsQueue: "arn:{{partition}}:sqs:{{region}}:{{account}}:orders"', 'partition: current'))).toEqual([
      'error: def.yaml:5:27: cannot derive the queue URL of "arn:{{partition}}:sqs:{{region}}:{{account}}:orders": its domain depends on the partition at resourcePolicies[0].attachTo.sqsQueue (write the queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>, amazonaws.com.cn in China), or give a literal partition or Region)',
    ]);
    expect(errorsOf(attached('sqsQueue: orders'))[0]).toMatch(/^error: def\.yaml:5:27: invalid sqsQueue "orders" at resourcePolicies\[0\]\.attachTo\.sqsQueue \(sqsQueue takes a queue URL/);
    expect(errorsOf(attached('sqsQueue: "https://sqs.us-east-1.amazonaws.com/{{account}}/orders"'))).toEqual([]);
  });

  it('requires an SNS topic ARN', () => {
    expect(errorsOf(attached('snsTopic: my-topic'))).toEqual([
      'error: def.yaml:5:27: invalid snsTopic "my-topic" at resourcePolicies[0].attachTo.snsTopic (snsTopic takes an SNS topic ARN such as arn:{{partition}}:sns:{{region}}:{{account}}:alarms (topic names: 1–256 letters, digits, - and _))',
    ]);
    expect(errorsOf(attached('snsTopic: "arn:{{partition}}:sns:{{region}}:{{account}}:alarms"'))).toEqual([]);
  });

  it('takes a bucket name or ARN under the S3 naming rules', () => {
    expect(attachmentOf(attached('s3Bucket: "arn:aws:s3:::logs-archive"'))).toEqual({ type: 's3-bucket', bucket: 'logs-archive' });
    expect(errorsOf(attached('s3Bucket: Logs_Archive'))[0]).toContain('bucket names hold lowercase letters, digits, dots and hyphens');
    expect(errorsOf(attached('s3Bucket: "logs-{{account}}"'))).toEqual([]);
    expect([bucketNameProblem('ab'), bucketNameProblem('a..b'), bucketNameProblem('192.168.1.1'), bucketNameProblem('xn--abc'), bucketNameProblem('ok.bucket-1')]).toEqual([
      'bucket names are 3–63 characters',
      'bucket names have no two adjacent dots',
      'bucket names are not IP addresses',
      'the name uses a prefix or suffix S3 reserves',
      undefined,
    ]);
  });

  it('takes a Lambda function name, partial ARN or ARN with a qualifier', () => {
    const lambdaDocument = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: s3.amazonaws.com }, Action: "lambda:InvokeFunction", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } }] }';
    const lambda = (name: string) => `version: 1\nresourcePolicies:\n  - name: p\n    attachTo: { lambdaFunction: "${name}" }\n    document: ${lambdaDocument}\n`;
    for (const name of ['resize', '123456789012:function:resize', 'arn:aws:lambda:us-east-1:123456789012:function:resize:prod', 'arn:{{partition}}:lambda:{{region}}:{{account}}:function:resize']) {
      expect(errorsOf(lambda(name)), name).toEqual([]);
    }
    expect(errorsOf(lambda('resize image'))[0]).toMatch(/invalid lambdaFunction "resize image"/);
  });
});

describe('partition ↔ Region', () => {
  const role = 'roles:\n  - name: r\n    trustedServices:\n      - service: personalize\n';
  it('refuses a Region of another partition, where the Region was given', () => {
    expect(errorsOf(`partition: aws-cn\nregion: us-east-1\n${role}`)).toEqual(['error: def.yaml:2:9: Region us-east-1 is in partition aws, not aws-cn at region (give a Region cn-north-1 or cn-northwest-1, or partition aws)']);
    expect(errorsOf(role, { set: { partition: 'aws', region: 'us-gov-west-1' } })).toEqual(['error: --set region: Region us-gov-west-1 is in partition aws-us-gov, not aws (give a Region such as us-east-1, or partition aws-us-gov)']);
    expect(errorsOf(`partition: aws-us-gov\nregion: us-gov-east-1\n${role}`)).toEqual([]);
  });
});

describe('environments and placeholders', () => {
  const definition = [
    'version: 1',
    'account: "111111111111"',
    'placeholders:',
    '  env: { type: string, default: dev }',
    '  shard: { type: integer }',
    'environments:',
    '  prod: { account: "222222222222", values: { env: prod, shard: 2 } }',
    'roles:',
    '  - name: "app-{{env}}-{{shard}}"',
    '    trustedServices:',
    '      - service: personalize',
  ].join('\n');

  it('applies the chosen environment, then --set values, then defaults', () => {
    const prod = loadDefinitionText(definition, 'def.yaml', { environment: 'prod' });
    expect([prod.roles[0]!.name, prod.environment.account]).toEqual(['app-prod-2', { kind: 'literal', value: '222222222222' }]);
    const dev = loadDefinitionText(definition, 'def.yaml', { placeholderValues: { shard: '7' } });
    expect([dev.roles[0]!.name, dev.environment.account]).toEqual(['app-dev-7', { kind: 'literal', value: '111111111111' }]);
  });

  it('checks types and names the missing value and where to give it', () => {
    expect(errorsOf(definition, { placeholderValues: { shard: 'x' } })).toEqual(['error: --set shard: placeholder {{shard}} is an integer, not "x" (give digits in --set shard)']);
    expect(errorsOf(definition)).toEqual([
      'error: def.yaml:9:11: placeholder {{shard}} has no value at roles[0].name (give --set shard=…, values.shard in an --env-file, a value under environments.<name>.values.shard with --env <name>, or placeholders.shard.default)',
    ]);
    expect(errorsOf(definition.replace('app-{{env}}', 'app-{{evn}}'), { environment: 'prod' })).toEqual(['error: def.yaml:9:11: unknown placeholder {{evn}} at roles[0].name (did you mean "env"?)']);
  });
});
