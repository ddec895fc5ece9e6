/**
 * deputy verify on AWS's own policies (../shared/aws-docs-corpus.json): the examples written with concrete
 * values are proven; the examples AWS publishes with a real gap fail on exactly that gap; the examples
 * written with placeholders (`accountNumber`, `region`, `your-account-id`) cannot be evaluated and are
 * listed by name. Skipped with a notice when the corpus is absent, failing instead when
 * DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 or CI=true.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { LiteralPolicyDocument, PrincipalUsage, Statement } from '@deputy/policy-model';
import { inferEnvironment } from '../src/scenarios/literal-environment.js';
import { verifyPolicy } from '../src/scenarios/verify-policy.js';
import type { PolicyVerification } from '../src/scenarios/verify-policy.js';

const corpusPath = fileURLToPath(new URL('../../../../shared/aws-docs-corpus.json', import.meta.url));
const corpusPresent = existsSync(corpusPath);
const externalRequired = process.env.DEPUTY_REQUIRE_EXTERNAL_VALIDATORS === '1' || process.env.CI === 'true';

/** Examples deputy proves. */
const PROVEN = [
  'sns-to-sqs-queue-policy', 'sns-optin-region-to-sqs', 'cloudtrail-org-trail-bucket-policy', 'cloudtrail-multi-account-bucket-policy',
  'cloudtrail-sns-topic-statement', 'kms-key-policy-cloudtrail', 'sns-to-sqs-config-monitoring', 'lambda-permission-s3', 'lambda-permission-apigateway',
  'sagemaker-training-job-trust', 'sagemaker-inference-trust', 'datasync-location-trust', 'eventbridge-sqs-dlq-statement',
  'comprehend-sourceaccount-only-trust', 'comprehend-encrypted-endpoint-trust', 'textract-multi-account-trust', 'transcribe-batch-trust',
  'transcribe-streaming-call-analytics-trust', 'mediaconvert-role-trust', 'guardduty-findings-export-bucket-policy', 'guardduty-kms-key-statement',
  'stepfunctions-role-trust', 'ssm-hybrid-activation-trust', 'ssm-automation-trust', 'ssm-resource-data-sync-kms', 'rds-role-trust',
  'amplify-role-trust-regional-principals', 'mwaa-execution-role-trust', 'ecs-task-role-trust', 'codedeploy-role-trust', 'batch-service-role-trust',
  'ecr-repository-policy-codebuild', 'incident-manager-role-trust', 'cloudwatch-alarm-sns-topic-policy',
  'rolesanywhere-role-trust', 'eks-pod-identity-role-trust',
];

/** Examples AWS publishes with a gap, and the scenarios that expose it. */
const KNOWN_GAPS: Readonly<Record<string, { readonly failing: readonly string[]; readonly reason: string }>> = {
  's3-to-sns-topic-policy-sourceaccount': {
    failing: ['missing-source-arn', 'other-partition'],
    reason: 'checks aws:SourceAccount only; S3 sends aws:SourceArn too and the S3 guide checks both',
  },
  'ses-to-sns-topic-policy-sourceowner': {
    failing: ['legitimate'],
    reason: 'checks the legacy aws:SourceOwner, which the scenario calls do not send (SES sends aws:SourceAccount, which the SES guide protects topics with)',
  },
  'ssm-inventory-resource-data-sync-account-bucket': {
    failing: ['foreign-account', 'foreign-source-account', 'foreign-source-arn', 'missing-source-account', 'missing-source-arn', 'other-partition'],
    reason: 'the s3:GetBucketAcl statement for ssm.amazonaws.com has no condition at all',
  },
  'ssm-inventory-resource-data-sync-org-bucket': {
    failing: ['foreign-account', 'foreign-organization', 'missing-organization'],
    reason: 'the s3:GetBucketAcl and s3:PutObjectTagging statements have no condition (the catalog records aws:SourceOrgID as the key of the organization bucket)',
  },
};

/** Examples written with placeholders instead of values, which no evaluation can prove. */
const PLACEHOLDERS = [
  'personalize-role-trust', 's3-event-notification-sns-topic', 's3-event-notification-sqs-queue', 'cloudtrail-s3-bucket-policy', 'cloudtrail-lake-query-results-bucket',
  'config-s3-bucket-policy', 'config-role-trust', 'config-sns-topic-policy', 'cwlogs-firehose-destination-trust', 'vended-logs-s3-bucket-policy',
  'sagemaker-pipelines-trust', 'datasync-discovery-secret-policy', 'eventbridge-apigw-resource-policy', 'eventbridge-lambda-statement',
  'transfer-user-role-any-server', 'transfer-user-role-one-server-arnequals-wildcard', 'transfer-logging-role-specific-server',
  'transfer-custom-idp-lambda-permission', 'forecast-role-trust', 'connect-chat-streaming-sns-topic', 'connect-prompts-s3-bucket-policy',
  'connect-customer-profiles-kms', 'connect-voiceid-trust', 'dms-vpc-role-trust-typo', 'dms-dynamodb-endpoint-trust', 'autoscaling-lifecycle-role-trust',
  's3-server-access-logging-bucket-policy', 'rekognition-video-role-trust',
  'cur-data-exports-bucket-policy', 'cur-legacy-bucket-policy-stringequals-wildcard',
];

interface CorpusEntry {
  readonly id: string;
  readonly kind: PrincipalUsage;
  readonly fragment: boolean;
  readonly policy: LiteralPolicyDocument | Statement<string>;
}

function verifyExample(example: CorpusEntry): PolicyVerification {
  const document = example.fragment ? { Version: '2012-10-17' as const, Statement: [example.policy as Statement<string>] } : (example.policy as LiteralPolicyDocument);
  return verifyPolicy(document, { account: '111122223333', region: 'us-east-1', partition: 'aws', ...inferEnvironment(document), kind: example.kind });
}

test.runIf(!corpusPresent && externalRequired)('the AWS docs corpus is present (required by DEPUTY_REQUIRE_EXTERNAL_VALIDATORS / CI)', () => {
  expect.fail(`${corpusPath} is missing`);
});

if (!corpusPresent && !externalRequired) console.log(`notice: skipping deputy verify on the AWS docs corpus: ${corpusPath} not found`);

describe.runIf(corpusPresent)('deputy verify on the AWS documentation corpus', () => {
  const corpus = corpusPresent ? (JSON.parse(readFileSync(corpusPath, 'utf8')) as CorpusEntry[]) : [];
  const byId = new Map(corpus.map((example) => [example.id, example]));

  test('every example with a service principal is classified once (Deny-only and RCP examples have none)', () => {
    const classified = [...PROVEN, ...Object.keys(KNOWN_GAPS), ...PLACEHOLDERS];
    expect(new Set(classified).size).toBe(classified.length);
    const unclassified = corpus.filter((example) => !classified.includes(example.id) && verifyExample(example).services.length > 0).map((example) => example.id);
    expect(unclassified).toEqual([]);
  });

  test.each(PROVEN)('%s is proven', (id) => {
    const verification = verifyExample(byId.get(id)!);
    expect(verification.services.length).toBeGreaterThan(0);
    expect(verification.passed).toBe(true);
  });

  test.each(Object.entries(KNOWN_GAPS))('%s fails on its gap', (id, { failing }) => {
    const verification = verifyExample(byId.get(id)!);
    const failed = new Set(verification.services.flatMap((service) => service.scenarios.filter((scenario) => !scenario.pass).map((scenario) => scenario.scenario)));
    expect([...failed].sort()).toEqual([...failing].sort());
  });

  test.each(PLACEHOLDERS)('%s is written with placeholders, so its legitimate call cannot match', (id) => {
    const verification = verifyExample(byId.get(id)!);
    expect(verification.services.some((service) => service.scenarios.some((scenario) => scenario.scenario === 'legitimate' && !scenario.pass))).toBe(true);
  });
});
