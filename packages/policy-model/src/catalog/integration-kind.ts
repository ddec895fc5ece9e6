/**
 * Which integration a policy serves, from what surrounds it: the CloudFormation or Terraform resource type
 * that holds it, or (for bare policy JSON) the actions it allows. Lint, verify and the corpus tests ask
 * here, so that a bucket policy is judged against what the service sends to buckets.
 */
import type { IntegrationKind } from './service-catalog-entry.js';

const BY_RESOURCE_TYPE: Readonly<Record<string, IntegrationKind>> = {
  'AWS::IAM::Role': 'role-trust',
  'AWS::S3::BucketPolicy': 's3-bucket',
  'AWS::SNS::TopicPolicy': 'sns-topic',
  'AWS::SNS::TopicInlinePolicy': 'sns-topic',
  'AWS::SQS::QueuePolicy': 'sqs-queue',
  'AWS::SQS::QueueInlinePolicy': 'sqs-queue',
  'AWS::KMS::Key': 'kms-key',
  'AWS::KMS::ReplicaKey': 'kms-key',
  'AWS::Lambda::Permission': 'lambda-permission',
  'AWS::Logs::ResourcePolicy': 'logs-resource-policy',
  'AWS::Logs::Destination': 'logs-resource-policy',
  'AWS::ECR::Repository': 'ecr-repository',
  'AWS::ECR::RepositoryPolicy': 'ecr-repository',
  'AWS::SecretsManager::ResourcePolicy': 'secretsmanager-secret',
  'AWS::Events::EventBusPolicy': 'eventbridge-bus',
  'AWS::Events::EventBus': 'eventbridge-bus',
  aws_iam_role: 'role-trust',
  aws_s3_bucket_policy: 's3-bucket',
  aws_sns_topic_policy: 'sns-topic',
  aws_sns_topic: 'sns-topic',
  aws_sqs_queue_policy: 'sqs-queue',
  aws_sqs_queue: 'sqs-queue',
  aws_kms_key: 'kms-key',
  aws_kms_key_policy: 'kms-key',
  aws_lambda_permission: 'lambda-permission',
  aws_cloudwatch_log_resource_policy: 'logs-resource-policy',
  aws_cloudwatch_log_destination_policy: 'logs-resource-policy',
  aws_ecr_repository_policy: 'ecr-repository',
  aws_secretsmanager_secret_policy: 'secretsmanager-secret',
  aws_cloudwatch_event_bus_policy: 'eventbridge-bus',
};

/** The integration a CloudFormation (`AWS::S3::BucketPolicy`) or Terraform (`aws_s3_bucket_policy`) resource type serves. */
export function integrationKindOfResourceType(resourceType: string): IntegrationKind | undefined {
  return BY_RESOURCE_TYPE[resourceType];
}

const BY_ACTION_PREFIX: readonly (readonly [RegExp, IntegrationKind])[] = [
  [/^sts:/i, 'role-trust'],
  [/^s3:/i, 's3-bucket'],
  [/^sns:/i, 'sns-topic'],
  [/^sqs:/i, 'sqs-queue'],
  [/^kms:/i, 'kms-key'],
  [/^lambda:/i, 'lambda-permission'],
  [/^logs:/i, 'logs-resource-policy'],
  [/^ecr:/i, 'ecr-repository'],
  [/^secretsmanager:/i, 'secretsmanager-secret'],
  [/^events:/i, 'eventbridge-bus'],
];

/** The integration a bare policy serves, judged from its actions: the kind every known action agrees on, else undefined. */
export function integrationKindOfActions(actions: readonly string[]): IntegrationKind | undefined {
  const kinds = new Set(actions.map((action) => BY_ACTION_PREFIX.find(([prefix]) => prefix.test(action))?.[1]));
  if (kinds.size !== 1) return undefined;
  return [...kinds][0];
}
