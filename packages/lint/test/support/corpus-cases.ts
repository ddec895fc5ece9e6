/**
 * The generated corpus: AWS-style correct policies, and the same policies weakened one way at a time, each
 * with the one rule that must flag it and a pattern the reported line must match. The policies follow the
 * AWS documentation examples (Personalize, ECS tasks, SNS → SQS, S3 → SNS, CloudTrail → S3, S3 → Lambda),
 * with the placeholders filled in.
 */

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A policy document as plain JSON. */
export type PolicyJson = { Version: string; Statement: { [key: string]: Json }[] };

/** Where a policy lives in CloudFormation and Terraform. */
export interface Attachment {
  /** CloudFormation resource type. */
  readonly cfnType: string;
  /** The CloudFormation property holding the policy. */
  readonly cfnProperty: string;
  /** Other CloudFormation properties. */
  readonly cfnOther: Record<string, Json>;
  /** Terraform resource type. */
  readonly tfType: string;
  /** The Terraform attribute holding the policy. */
  readonly tfAttribute: string;
  /** Other Terraform attributes (literal strings). */
  readonly tfOther: Record<string, string>;
}

/** A correct policy and the weakenings that apply to it. */
export interface BaseCase {
  /** File-name stem. */
  readonly name: string;
  /** Where the policy is attached. */
  readonly attachment: Attachment;
  /** The correct policy. */
  readonly policy: PolicyJson;
  /** The weakenings that make sense for it. */
  readonly mutations: readonly MutationName[];
}

/** What a weakened variant must produce. */
export interface Expectation {
  /** The rule. */
  readonly rule: string;
  /** The severity. */
  readonly severity: 'error' | 'warning';
  /** A pattern the source line of the finding must match. */
  readonly line: RegExp;
}

/** A way to weaken a policy. */
export interface Mutation {
  /** Its name, used in file names. */
  readonly name: MutationName;
  /** The finding it must cause. */
  readonly expect: (policy: PolicyJson) => Expectation;
  /** The weakened policy (the statement at index 0 is the service statement). */
  readonly apply: (policy: PolicyJson) => PolicyJson;
}

/** Mutation names. */
export type MutationName =
  | 'conditions-stripped'
  | 'operator-weakened'
  | 'accounts-mismatched'
  | 'operator-invalid'
  | 'principal-wildcard'
  | 'principal-public'
  | 'source-arn-other-service'
  | 'source-arn-malformed'
  | 'source-account-dropped';

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';

const ROLE = (name: string): Attachment => ({
  cfnType: 'AWS::IAM::Role',
  cfnProperty: 'AssumeRolePolicyDocument',
  cfnOther: { RoleName: name },
  tfType: 'aws_iam_role',
  tfAttribute: 'assume_role_policy',
  tfOther: { name },
});

/** The correct policies. */
export const BASE_CASES: readonly BaseCase[] = [
  {
    name: 'personalize-trust',
    attachment: ROLE('personalize-access'),
    policy: statements({
      Effect: 'Allow',
      Principal: { Service: 'personalize.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, StringLike: { 'aws:SourceArn': `arn:aws:personalize:us-east-1:${ACCOUNT}:*` } },
    }),
    // No 'source-account-dropped': the SourceArn names the account, which pins it as aws:SourceAccount would.
    mutations: ['conditions-stripped', 'operator-weakened', 'accounts-mismatched', 'operator-invalid', 'principal-wildcard', 'principal-public', 'source-arn-other-service', 'source-arn-malformed'],
  },
  {
    name: 'ecs-tasks-trust',
    attachment: ROLE('order-task'),
    policy: statements({
      Effect: 'Allow',
      Principal: { Service: 'ecs-tasks.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:ecs:us-east-1:${ACCOUNT}:*` }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    }),
    // No 'source-account-dropped': the SourceArn names the account, which pins it as aws:SourceAccount would.
    mutations: ['conditions-stripped', 'operator-weakened', 'accounts-mismatched', 'operator-invalid'],
  },
  {
    name: 'sns-to-sqs-queue-policy',
    attachment: {
      cfnType: 'AWS::SQS::QueuePolicy',
      cfnProperty: 'PolicyDocument',
      cfnOther: { Queues: [`https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/orders`] },
      tfType: 'aws_sqs_queue_policy',
      tfAttribute: 'policy',
      tfOther: { queue_url: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/orders` },
    },
    policy: statements({
      Sid: 'AllowOrdersTopic',
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`,
      Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${ACCOUNT}:orders` } },
    }),
    mutations: ['conditions-stripped', 'operator-invalid', 'principal-public', 'source-arn-other-service', 'source-arn-malformed'],
  },
  {
    name: 's3-to-sns-topic-policy',
    attachment: {
      cfnType: 'AWS::SNS::TopicPolicy',
      cfnProperty: 'PolicyDocument',
      cfnOther: { Topics: [`arn:aws:sns:us-east-1:${ACCOUNT}:uploads`] },
      tfType: 'aws_sns_topic_policy',
      tfAttribute: 'policy',
      tfOther: { arn: `arn:aws:sns:us-east-1:${ACCOUNT}:uploads` },
    },
    policy: statements({
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: `arn:aws:sns:us-east-1:${ACCOUNT}:uploads`,
      Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::uploads-${ACCOUNT}` }, StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    }),
    mutations: ['conditions-stripped', 'source-account-dropped'],
  },
  {
    name: 'cloudtrail-bucket-policy',
    attachment: {
      cfnType: 'AWS::S3::BucketPolicy',
      cfnProperty: 'PolicyDocument',
      cfnOther: { Bucket: `trail-logs-${ACCOUNT}` },
      tfType: 'aws_s3_bucket_policy',
      tfAttribute: 'policy',
      tfOther: { bucket: `trail-logs-${ACCOUNT}` },
    },
    policy: statements(
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::trail-logs-${ACCOUNT}`,
        Condition: { StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` } },
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::trail-logs-${ACCOUNT}/AWSLogs/${ACCOUNT}/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main` } },
      },
    ),
    mutations: ['conditions-stripped'],
  },
  {
    name: 'lambda-execution-trust',
    attachment: ROLE('thumbnailer'),
    policy: statements({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    mutations: [],
  },
  {
    name: 'ec2-instance-trust',
    attachment: ROLE('build-agent'),
    policy: statements({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
    mutations: [],
  },
  {
    name: 'bucket-deny-insecure-transport',
    attachment: {
      cfnType: 'AWS::S3::BucketPolicy',
      cfnProperty: 'PolicyDocument',
      cfnOther: { Bucket: `data-${ACCOUNT}` },
      tfType: 'aws_s3_bucket_policy',
      tfAttribute: 'policy',
      tfOther: { bucket: `data-${ACCOUNT}` },
    },
    policy: statements({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::data-${ACCOUNT}`, `arn:aws:s3:::data-${ACCOUNT}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    }),
    mutations: [],
  },
];

/** Every weakening. */
export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'conditions-stripped',
    expect: (policy) => ({ rule: 'DPT001', severity: 'error', line: literal(servicePrincipal(policy)) }),
    apply: (policy) => editFirst(policy, (statement) => delete statement.Condition),
  },
  {
    name: 'operator-weakened',
    expect: (policy) => ({ rule: 'DPT003', severity: 'error', line: literal(sourceArn(policy)) }),
    apply: (policy) => moveSourceArn(policy, 'StringEquals'),
  },
  {
    name: 'accounts-mismatched',
    expect: () => ({ rule: 'DPT004', severity: 'error', line: literal(OTHER_ACCOUNT) }),
    apply: (policy) => JSON.parse(JSON.stringify(policy).replace(new RegExp(`(arn:aws:[a-z]+:us-east-1:)${ACCOUNT}`, 'g'), `$1${OTHER_ACCOUNT}`)) as PolicyJson,
  },
  {
    name: 'operator-invalid',
    expect: (policy) => ({ rule: 'DPT007', severity: 'error', line: literal(invalidOperator(sourceArnOperator(policy))) }),
    apply: (policy) => renameOperator(policy, sourceArnOperator(policy), invalidOperator(sourceArnOperator(policy))),
  },
  {
    name: 'principal-wildcard',
    expect: (policy) => ({ rule: 'DPT008', severity: 'error', line: literal(servicePrincipal(policy).replace('.amazonaws.com', '.*.amazonaws.com')) }),
    apply: (policy) => editFirst(policy, (statement) => (statement.Principal = { Service: servicePrincipal(policy).replace('.amazonaws.com', '.*.amazonaws.com') })),
  },
  {
    name: 'principal-public',
    expect: () => ({ rule: 'DPT009', severity: 'error', line: /Principal|principals/ }),
    apply: (policy) =>
      editFirst(policy, (statement) => {
        statement.Principal = '*';
        delete statement.Condition;
      }),
  },
  {
    name: 'source-arn-other-service',
    expect: () => ({ rule: 'DPT005', severity: 'error', line: /arn:aws:sqs:us-east-1:111122223333:\*|arn:aws:kinesis/ }),
    apply: (policy) => setSourceArn(policy, servicePrincipal(policy).startsWith('sns') ? `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/orders` : `arn:aws:sqs:us-east-1:${ACCOUNT}:*`),
  },
  {
    name: 'source-arn-malformed',
    expect: () => ({ rule: 'DPT006', severity: 'error', line: /arn:aws::/ }),
    apply: (policy) => setSourceArn(policy, sourceArn(policy).replace('arn:aws:', 'arn:aws::')),
  },
  {
    name: 'source-account-dropped',
    expect: (policy) => ({ rule: 'DPT002', severity: sourceArn(policy).startsWith('arn:aws:s3:::') ? 'error' : 'warning', line: /Condition|condition/ }),
    apply: (policy) =>
      editFirst(policy, (statement) => {
        const condition = statement.Condition as Record<string, Record<string, Json>>;
        for (const operator of Object.keys(condition)) {
          delete condition[operator]!['aws:SourceAccount'];
          if (Object.keys(condition[operator]!).length === 0) delete condition[operator];
        }
      }),
  },
];

/** The mutation with this name. */
export function mutation(name: MutationName): Mutation {
  return MUTATIONS.find((candidate) => candidate.name === name)!;
}

function statements(...list: { [key: string]: Json }[]): PolicyJson {
  return { Version: '2012-10-17', Statement: list };
}

function clone(policy: PolicyJson): PolicyJson {
  return JSON.parse(JSON.stringify(policy)) as PolicyJson;
}

function editFirst(policy: PolicyJson, edit: (statement: { [key: string]: Json }) => unknown): PolicyJson {
  const copy = clone(policy);
  edit(copy.Statement[0]!);
  return copy;
}

function servicePrincipal(policy: PolicyJson): string {
  return ((policy.Statement[0]!.Principal as { Service: string }).Service);
}

function conditionOf(policy: PolicyJson): Record<string, Record<string, Json>> {
  return policy.Statement[0]!.Condition as Record<string, Record<string, Json>>;
}

function sourceArnOperator(policy: PolicyJson): string {
  return Object.keys(conditionOf(policy)).find((operator) => 'aws:SourceArn' in conditionOf(policy)[operator]!)!;
}

function sourceArn(policy: PolicyJson): string {
  return conditionOf(policy)[sourceArnOperator(policy)]!['aws:SourceArn'] as string;
}

function setSourceArn(policy: PolicyJson, value: string): PolicyJson {
  return editFirst(policy, (statement) => {
    const condition = statement.Condition as Record<string, Record<string, Json>>;
    for (const operator of Object.values(condition)) if ('aws:SourceArn' in operator) operator['aws:SourceArn'] = value;
  });
}

function moveSourceArn(policy: PolicyJson, to: string): PolicyJson {
  const from = sourceArnOperator(policy);
  return editFirst(policy, (statement) => {
    const condition = statement.Condition as Record<string, Record<string, Json>>;
    const value = condition[from]!['aws:SourceArn']!;
    delete condition[from]!['aws:SourceArn'];
    if (Object.keys(condition[from]!).length === 0) delete condition[from];
    condition[to] = { ...(condition[to] ?? {}), 'aws:SourceArn': value };
  });
}

function renameOperator(policy: PolicyJson, from: string, to: string): PolicyJson {
  return editFirst(policy, (statement) => {
    const condition = statement.Condition as Record<string, Json>;
    statement.Condition = Object.fromEntries(Object.entries(condition).map(([operator, keys]) => [operator === from ? to : operator, keys]));
  });
}

/** A misspelling the AWS documentation itself contains: `ArnEqual` for ArnEquals, a leading space for ArnLike, a dropped letter otherwise. */
function invalidOperator(operator: string): string {
  if (operator === 'ArnEquals') return 'ArnEqual';
  if (operator === 'ArnLike') return ' ArnLike';
  return operator.slice(0, -1);
}

function literal(text: string): RegExp {
  return new RegExp(text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
