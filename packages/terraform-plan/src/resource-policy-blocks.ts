/**
 * Resource policies as the Terraform resource of their attachment (`aws_s3_bucket_policy`,
 * `aws_sns_topic_policy`, `aws_sqs_queue_policy`, `aws_lambda_permission`), or — for a document alone — a
 * local value holding the document plus an `output` with its JSON. Waiver suppressions travel with the
 * document.
 */
import { assertNever, type PolicyString, type ResourcePolicyModel } from '@deputy/policy-model';
import { policyStringValue } from './environment-references.js';
import { lambdaPermissionBlocks } from './lambda-permission-blocks.js';
import type { PlanBlock, PlanResource } from './plan-blocks.js';
import type { PlanContext } from './plan-context.js';
import { reference, type PlanPolicy } from './plan-values.js';
import { labelFor } from './terraform-labels.js';
import { waiverDirectives } from './waiver-suppressions.js';

/** The resource type and the argument naming the target, per attachment with its own Terraform resource. */
export const POLICY_RESOURCES = {
  's3-bucket': { type: 'aws_s3_bucket_policy', targetArgument: 'bucket' },
  'sns-topic': { type: 'aws_sns_topic_policy', targetArgument: 'arn' },
  'sqs-queue': { type: 'aws_sqs_queue_policy', targetArgument: 'queue_url' },
} as const;

/** Every block of one resource policy, in print order. */
export function resourcePolicyBlocks(policy: ResourcePolicyModel, context: PlanContext): PlanBlock[] {
  const attachment = policy.attachment;
  switch (attachment.type) {
    case 's3-bucket':
      return [policyResourceBlock(policy, attachment.type, attachment.bucket, context)];
    case 'sns-topic':
      return [policyResourceBlock(policy, attachment.type, attachment.topicArn, context)];
    case 'sqs-queue':
      return [policyResourceBlock(policy, attachment.type, attachment.queueUrl, context)];
    case 'lambda-permission':
      return lambdaPermissionBlocks(policy, attachment.functionName, context);
    case 'document':
      return documentBlocks(policy, context);
    default:
      return assertNever(attachment, 'resource policy attachment');
  }
}

function policyResourceBlock(policy: ResourcePolicyModel, attachment: keyof typeof POLICY_RESOURCES, target: PolicyString, context: PlanContext): PlanResource {
  const resource = POLICY_RESOURCES[attachment];
  const label = context.labels.claim(`resource.${resource.type}`, labelFor(policy));
  return {
    kind: 'resource',
    type: resource.type,
    label,
    body: [
      { name: resource.targetArgument, value: policyStringValue(target, context.references) },
      { name: 'policy', value: documentValue(policy, label) },
    ],
    notices: policy.notices,
    directives: [],
  };
}

/** A document alone: a local value holding it, and an output of that local. */
function documentBlocks(policy: ResourcePolicyModel, context: PlanContext): PlanBlock[] {
  const label = context.labels.claim('output', `${labelFor(policy)}_json`);
  const local = context.labels.claim('local', label);
  return [
    { kind: 'local', label: local, value: documentValue(policy, local), notices: policy.notices },
    { kind: 'output', label, description: `The ${policy.name} policy document as JSON.`, value: reference(`local.${local}`) },
  ];
}

function documentValue(policy: ResourcePolicyModel, labelBase: string): PlanPolicy {
  return { kind: 'policy', document: policy.document, labelBase, directives: waiverDirectives(policy.waivers) };
}
