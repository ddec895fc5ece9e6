/**
 * Resource policies protected like trust policies (issue 13): a `grants` entry becomes a statement with the
 * service principal, the attached resource and the confused-deputy keys the catalog documents for that
 * integration; an integration AWS documents no key for gets a notice; grants follow the written document.
 */
import { describe, expect, test } from 'vitest';
import { loadDefinitionText } from '../src/load/load-definition.js';
import { statementsOf } from '../src/policy/policy-document.js';
import { reference } from '../src/model/value.js';

const HEAD = 'version: 1\naccount: "111122223333"\nregion: eu-west-1\npartition: aws\n';

function policyOf(yaml: string) {
  const model = loadDefinitionText(`${HEAD}${yaml}`, 'grants.yaml');
  return model.resourcePolicies[0]!;
}

describe('grants', () => {
  test('CloudTrail on a bucket: the trail ARN the catalog documents for S3 bucket policies, bucket and objects', () => {
    const policy = policyOf('resourcePolicies:\n  - name: trail-bucket\n    attachTo: { s3Bucket: trail-logs }\n    grants:\n      - service: cloudtrail\n        actions: s3:PutObject\n');
    expect(statementsOf(policy.document)).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: ['arn:aws:s3:::trail-logs', 'arn:aws:s3:::trail-logs/*'],
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/*' } },
      },
    ]);
  });

  test('CloudWatch alarms on a topic: SourceAccount and the alarm ARN; grants come after the written statements', () => {
    const policy = policyOf(
      'resourcePolicies:\n  - name: alarms\n    attachTo: { snsTopic: "arn:aws:sns:eu-west-1:111122223333:alarms" }\n    document: { Version: "2012-10-17", Statement: [{ Sid: Owner, Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sns:*", Resource: "arn:aws:sns:eu-west-1:111122223333:alarms" }] }\n    grants:\n      - service: cloudwatch.amazonaws.com\n        actions: sns:Publish\n        sid: Alarms\n',
    );
    const statements = statementsOf(policy.document);
    expect(statements.map((statement) => statement.Sid)).toEqual(['Owner', 'Alarms']);
    expect(statements[1]).toEqual({
      Sid: 'Alarms',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: 'arn:aws:sns:eu-west-1:111122223333:alarms',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:111122223333:alarm:*' } },
    });
  });

  test('EventBridge on a queue: the queue ARN derived from its URL, the rule ARN', () => {
    const policy = policyOf('resourcePolicies:\n  - name: events\n    attachTo: { sqsQueue: "https://sqs.eu-west-1.amazonaws.com/111122223333/events" }\n    grants:\n      - service: events\n        actions: sqs:SendMessage\n        sourceArn: "arn:{{partition}}:events:{{region}}:{{account}}:rule/orders-*"\n');
    expect(statementsOf(policy.document)[0]).toMatchObject({
      Resource: 'arn:aws:sqs:eu-west-1:111122223333:events',
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:events:eu-west-1:111122223333:rule/orders-*' } },
    });
  });

  test('S3 invoking a function: SourceAccount (a bucket ARN names no account) and the bucket ARN, ArnLike for the permission', () => {
    const policy = policyOf('resourcePolicies:\n  - name: thumbnails\n    attachTo: { lambdaFunction: thumbnailer }\n    grants:\n      - service: s3\n        actions: lambda:InvokeFunction\n        sourceArn: "arn:{{partition}}:s3:::uploads-{{account}}"\n');
    expect(statementsOf(policy.document)[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:thumbnailer',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' }, ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads-111122223333' } },
    });
  });

  test('a deployment-time account stays a reference', () => {
    const model = loadDefinitionText('version: 1\nresourcePolicies:\n  - name: alarms\n    attachTo: { snsTopic: "arn:{{partition}}:sns:{{region}}:{{account}}:alarms" }\n    grants:\n      - service: cloudwatch\n        actions: sns:Publish\n', 'grants.yaml');
    const condition = statementsOf(model.resourcePolicies[0]!.document)[0]!.Condition!;
    expect(condition.StringEquals).toEqual({ 'aws:SourceAccount': { kind: 'interpolation', parts: [reference('account')] } });
  });

  test('an integration AWS documents no key for gets a notice and no condition', () => {
    const policy = policyOf('resourcePolicies:\n  - name: rules\n    attachTo: { snsTopic: "arn:aws:sns:eu-west-1:111122223333:rules" }\n    grants:\n      - service: events\n        actions: sns:Publish\n');
    expect(statementsOf(policy.document)[0]!.Condition).toBeUndefined();
    expect(policy.notices.join('\n')).toMatch(/AWS documents that no confused-deputy condition key applies for events\.amazonaws\.com \(Amazon EventBridge\) in the SNS topic policy: /);
  });

  test('an unknown service, and a grant with no resource, are refused at their place', () => {
    expect(() => policyOf('resourcePolicies:\n  - name: x\n    grants:\n      - service: nosuch\n        actions: s3:PutObject\n        resources: "arn:aws:s3:::b/*"\n')).toThrow(/grants\.yaml:8:18: service "nosuch" is not in the service catalog/);
    expect(() => policyOf('resourcePolicies:\n  - name: x\n    grants:\n      - service: cloudtrail\n        actions: s3:PutObject\n')).toThrow(/the grant names no resource/);
  });

  test('a resource policy needs a document or grants', () => {
    expect(() => policyOf('resourcePolicies:\n  - name: x\n    attachTo: { s3Bucket: b }\n')).toThrow(/grants\.yaml:6/);
  });
});
