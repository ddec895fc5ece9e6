/**
 * The scenario matrix on hand-written policies: the right ones are proven, and each classic mistake fails on
 * the scenario that names it (a missing key, a key the service does not send, StringEquals on a wildcard,
 * a missing trust action, organization keys for AWS Config, the wrong principal form).
 */
import { describe, expect, test } from 'vitest';
import type { LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { DeputyInputError } from '@deputy/policy-model';
import { formatPolicyVerification, formatServiceVerification } from '../src/scenarios/format-verification.js';
import type { ScenarioName, ServiceVerification } from '../src/scenarios/scenario.js';
import { verifyResourcePolicy, verifyTrustPolicy } from '../src/scenarios/verify-policy.js';
import { verifyServiceTrust } from '../src/scenarios/verify-service-trust.js';

const ACCOUNT = '111122223333';
const ENVIRONMENT = { account: ACCOUNT, region: 'us-east-1', partition: 'aws' } as const;

function trust(principal: string | string[], condition?: Statement<string>['Condition'], action: string | string[] = 'sts:AssumeRole'): LiteralPolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: principal }, Action: action, ...(condition ? { Condition: condition } : {}) }] };
}

function failing(verification: ServiceVerification): ScenarioName[] {
  return [...new Set(verification.scenarios.filter((scenario) => !scenario.pass).map((scenario) => scenario.scenario))];
}

function verify(document: LiteralPolicyDocument, service: string): ServiceVerification {
  return verifyServiceTrust(document, { ...ENVIRONMENT, service });
}

const PERSONALIZE_CONDITION = { StringEquals: { 'aws:SourceAccount': ACCOUNT }, StringLike: { 'aws:SourceArn': `arn:aws:personalize:us-east-1:${ACCOUNT}:*` } };

describe('trust policies', () => {
  test('the reference Personalize policy is proven', () => {
    const verification = verify(trust('personalize.amazonaws.com', PERSONALIZE_CONDITION), 'personalize');
    expect(verification.passed).toBe(true);
    expect(verification.legitimateSourceArn).toBe(`arn:aws:personalize:us-east-1:${ACCOUNT}:deputy-verify`);
    expect(verification.scenarios.map((s) => s.scenario)).toEqual(['legitimate', 'foreign-account', 'foreign-source-account', 'foreign-source-arn', 'missing-source-account', 'missing-source-arn', 'other-service', 'other-partition', 'other-partition']);
  });

  test('without aws:SourceArn, a SourceArn in a foreign account and a missing SourceArn get through', () => {
    const verification = verify(trust('personalize.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }), 'personalize');
    expect(failing(verification)).toEqual(['foreign-source-arn', 'missing-source-arn', 'other-partition']);
  });

  test('without any condition, every attack gets through', () => {
    expect(failing(verify(trust('personalize.amazonaws.com'), 'personalize'))).toEqual(['foreign-account', 'foreign-source-account', 'foreign-source-arn', 'missing-source-account', 'missing-source-arn', 'other-partition']);
  });

  test('the wrong account denies the service itself', () => {
    const verification = verify(trust('personalize.amazonaws.com', { ...PERSONALIZE_CONDITION, StringEquals: { 'aws:SourceAccount': '444455556666' } }), 'personalize');
    expect(failing(verification)).toEqual(['legitimate']);
    expect(verification.scenarios[0]!.condition).toMatchObject({ operator: 'StringEquals', key: 'aws:SourceAccount' });
  });

  test('StringEquals on a wildcard (the legacy CUR mistake) denies the service itself', () => {
    const verification = verify(trust('personalize.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': `arn:aws:personalize:us-east-1:${ACCOUNT}:*` } }), 'personalize');
    expect(failing(verification)).toContain('legitimate');
  });

  test('requiring a key the service does not send denies the service itself (Clean Rooms and aws:SourceAccount)', () => {
    const document = trust('cleanrooms.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:cleanrooms:us-east-1:${ACCOUNT}:membership/*` } });
    const verification = verify(document, 'cleanrooms');
    expect(failing(verification)).toEqual(['legitimate']);
    expect(verification.skipped.map((s) => s.scenario)).toContain('missing-source-account');
  });

  test('CloudWatch Logs: the global principal the current pages use and the regional form are both proven', () => {
    const condition = { StringLike: { 'aws:SourceArn': `arn:aws:logs:us-east-1:${ACCOUNT}:*` } };
    expect(verify(trust('logs.us-east-1.amazonaws.com', condition), 'logs.us-east-1.amazonaws.com').passed).toBe(true);
    expect(verify(trust('logs.amazonaws.com', condition), 'logs').passed).toBe(true);
  });

  test('EKS Pod Identity needs sts:TagSession; Roles Anywhere also needs sts:SetSourceIdentity', () => {
    const pods = verify(trust('pods.eks.amazonaws.com'), 'pods-eks');
    expect(pods.scenarios.filter((s) => !s.pass).map((s) => `${s.scenario} ${s.action}`)).toEqual(['legitimate sts:TagSession']);
    expect(verify(trust('pods.eks.amazonaws.com', undefined, ['sts:AssumeRole', 'sts:TagSession']), 'pods-eks').passed).toBe(true);
    const anchor = { ArnEquals: { 'aws:SourceArn': `arn:aws:rolesanywhere:us-east-1:${ACCOUNT}:trust-anchor/ta-1` } };
    const partial = verify(trust('rolesanywhere.amazonaws.com', anchor, ['sts:AssumeRole', 'sts:TagSession']), 'rolesanywhere');
    expect(partial.scenarios.filter((s) => !s.pass).map((s) => `${s.scenario} ${s.action}`)).toEqual(['legitimate sts:SetSourceIdentity']);
  });

  test('the legitimate SourceArn follows a narrowed policy (SageMaker training jobs)', () => {
    const document = trust('sagemaker.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/*` } });
    const verification = verify(document, 'sagemaker');
    expect(verification.passed).toBe(true);
    expect(verification.legitimateSourceArn).toBe(`arn:aws:sagemaker:us-east-1:${ACCOUNT}:training-job/deputy-verify`);
    expect(verification.skipped.find((s) => s.scenario === 'foreign-source-account')?.reason).toMatch(/optional/);
  });

  test('AWS Config ignores organization keys, so requiring aws:SourceOrgID denies it', () => {
    const document = trust('config.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceOrgID': 'o-abc123' } });
    expect(failing(verify(document, 'config'))).toEqual(['legitimate']);
  });

  test('organization keys get their own scenarios', () => {
    const document = trust('ssm.amazonaws.com', {
      StringEquals: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceOrgID': 'o-abc123' },
      ArnLike: { 'aws:SourceArn': `arn:aws:ssm:us-east-1:${ACCOUNT}:*` },
      'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': 'o-abc123/r-ab12/ou-ab12-11111111/*' },
    });
    const verification = verify(document, 'ssm');
    expect(verification.passed).toBe(true);
    expect(verification.scenarios.map((s) => s.scenario)).toEqual(expect.arrayContaining(['foreign-organization', 'missing-organization']));
    expect(verification.scenarios[0]!.request.context['aws:SourceOrgPaths']).toEqual(['o-abc123/r-ab12/ou-ab12-11111111/deputy-verify']);
  });

  test('a policy trusting several services is verified per service', () => {
    const document = trust(['airflow.amazonaws.com', 'airflow-env.amazonaws.com'], { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': `arn:aws:airflow:us-east-1:${ACCOUNT}:environment/env-1` } });
    const verification = verifyTrustPolicy(document, ENVIRONMENT);
    expect(verification.services.map((s) => s.principal)).toEqual(['airflow.amazonaws.com', 'airflow-env.amazonaws.com']);
    expect(verification.passed).toBe(true);
    expect(verification.services[0]!.scenarios.find((s) => s.scenario === 'other-service')!.principal).not.toMatch(/^airflow/);
  });

  test('a China principal comes from the lookup: the .com form is the other partition there', () => {
    const china = { account: ACCOUNT, region: 'cn-north-1', partition: 'aws-cn', service: 'ec2' } as const;
    const wrong = verifyServiceTrust(trust('ec2.amazonaws.com'), china);
    expect(wrong.principal).toBe('ec2.amazonaws.com.cn');
    expect(failing(wrong)).toEqual(['legitimate', 'other-partition']);
    expect(verifyServiceTrust(trust('ec2.amazonaws.com.cn'), china).passed).toBe(true);
  });

  test('an unknown service is a user error with suggestions', () => {
    expect(() => verify(trust('sagemakr.amazonaws.com'), 'sagemakr')).toThrow(DeputyInputError);
    try {
      verify(trust('x'), 'sagemakr');
    } catch (error) {
      expect((error as DeputyInputError).problems[0]).toMatchObject({ code: 'unknown-service', hint: expect.stringContaining('"sagemaker"') });
    }
  });

  test('unknown principals in a policy are listed as unverified, not failed', () => {
    const verification = verifyTrustPolicy(trust(['personalize.amazonaws.com', 'unknown.amazonaws.com'], PERSONALIZE_CONDITION), ENVIRONMENT);
    expect(verification.passed).toBe(true);
    expect(verification.unverified).toEqual([{ statementIndex: 0, principal: 'unknown.amazonaws.com', reason: 'not in the service catalog' }]);
  });
});

describe('resource policies', () => {
  const bucket = 'arn:aws:s3:::trail-bucket';
  const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`;
  const cloudTrailBucketPolicy: LiteralPolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'AclCheck', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: bucket, Condition: { StringEquals: { 'aws:SourceArn': trailArn } } },
      {
        Sid: 'Write',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `${bucket}/AWSLogs/${ACCOUNT}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
      },
      { Sid: 'TlsOnly', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `${bucket}/*`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ],
  };

  test('a CloudTrail bucket policy is proven statement by statement, with the assumptions shown', () => {
    const verification = verifyResourcePolicy(cloudTrailBucketPolicy, ENVIRONMENT);
    expect(verification.services.map((s) => s.scenarios[0]!.action)).toEqual(['s3:GetBucketAcl', 's3:PutObject']);
    expect(verification.passed).toBe(true);
    expect(verification.services[1]!.assumedContext).toMatchObject({ 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SecureTransport': 'true' });
    expect(verification.services[1]!.legitimateSourceArn).toBe(trailArn);
  });

  test('S3 notifications: a bucket ARN has no account, so aws:SourceAccount carries the protection', () => {
    const document: LiteralPolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:events`,
          Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        },
      ],
    };
    const [verification] = verifyResourcePolicy(document, ENVIRONMENT).services;
    expect(verification!.passed).toBe(true);
    expect(verification!.skipped.find((s) => s.scenario === 'foreign-source-arn')?.reason).toMatch(/no account field/);
    const withoutAccount = { ...document, Statement: [{ ...(document.Statement as Statement<string>[])[0]!, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } } }] };
    expect(failing(verifyResourcePolicy(withoutAccount, ENVIRONMENT).services[0]!)).toEqual(['foreign-source-account', 'missing-source-account']);
  });

  test('Transfer Family sends aws:SourceArn alone to a custom identity provider: requiring aws:SourceAccount breaks it', () => {
    const permission = (condition: Statement<string>['Condition']): LiteralPolicyDocument => ({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'transfer.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:idp`, Condition: condition }],
    });
    const serverArn = `arn:aws:transfer:us-east-1:${ACCOUNT}:server/s-1`;
    expect(verifyResourcePolicy(permission({ ArnLike: { 'aws:SourceArn': serverArn } }), ENVIRONMENT).passed).toBe(true);
    const withAccount = verifyResourcePolicy(permission({ ArnLike: { 'aws:SourceArn': serverArn }, StringEquals: { 'aws:SourceAccount': ACCOUNT } }), ENVIRONMENT);
    expect(failing(withAccount.services[0]!)).toEqual(['legitimate']);
  });

  test('cross-account delivery: the source account comes from the policy (an organization trail writes from the management account)', () => {
    const management = '444455556666';
    const document: LiteralPolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: `${bucket}/AWSLogs/o-abc123/*`,
          Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${management}:trail/org-trail` } },
        },
      ],
    };
    const [verification] = verifyResourcePolicy(document, ENVIRONMENT).services;
    expect(verification).toMatchObject({ account: ACCOUNT, sourceAccount: management, passed: true });
    expect(verification!.scenarios.find((s) => s.scenario === 'foreign-source-arn')!.description).toBe('aws:SourceArn arn:aws:cloudtrail:us-east-1:999988887777:trail/org-trail');
  });

  test('a Deny guardrail on foreign accounts keeps the legitimate call allowed', () => {
    const document: LiteralPolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sns:Publish', Resource: `arn:aws:sns:us-east-1:${ACCOUNT}:trail-topic`, Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/*` } } },
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sns:Publish',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:SourceAccount': ACCOUNT }, Null: { 'aws:SourceAccount': 'false' }, Bool: { 'aws:PrincipalIsAWSService': 'true' } },
        },
      ],
    };
    const verification = verifyResourcePolicy(document, ENVIRONMENT);
    expect(verification.passed).toBe(true);
    expect(verification.services[0]!.scenarios.find((s) => s.scenario === 'foreign-source-arn')?.actual).toBe('ImplicitDeny');
  });
});

describe('output', () => {
  test('is plain data', () => {
    const verification = verifyTrustPolicy(trust('personalize.amazonaws.com', PERSONALIZE_CONDITION), ENVIRONMENT);
    expect(JSON.parse(JSON.stringify(verification))).toEqual(verification);
  });

  test('the table shows each scenario, the decision, what decided it and the verdict', () => {
    const weak = verify(trust('personalize.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }), 'personalize');
    const text = formatServiceVerification(weak);
    const lines = text.split('\n');
    expect(lines[0]).toBe('personalize (personalize.amazonaws.com), trust policy, account 111122223333, us-east-1, aws: FAILED');
    expect(lines[1]).toMatch(/^SCENARIO +ACTION +CALL +EXPECTED +ACTUAL +DECIDED BY +RESULT$/);
    expect(text).toMatch(/^foreign-source-account +sts:AssumeRole +aws:SourceAccount 999988887777 +Deny +ImplicitDeny +Statement\[0\] StringEquals aws:SourceAccount \(request: 999988887777\) +pass$/m);
    expect(text).toMatch(/^missing-source-arn +sts:AssumeRole +no aws:SourceArn +Deny +Allow +Statement\[0\] +FAIL$/m);
    expect(text).toContain('  n/a foreign-organization: the policy does not use organization keys\n');
    const summary = formatPolicyVerification(verifyTrustPolicy(trust('personalize.amazonaws.com'), ENVIRONMENT), 'role trust policy');
    expect(summary.endsWith('role trust policy: 0 of 1 service verifications proven, 1 FAILED\n')).toBe(true);
  });
});
