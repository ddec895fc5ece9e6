/**
 * Resource policies as the Terraform resource of their attachment (`aws_s3_bucket_policy`,
 * `aws_sns_topic_policy`, `aws_sqs_queue_policy`, `aws_lambda_permission`), or — for a document alone — a
 * value plus an `output` with its JSON. Waiver suppressions go on the block that holds the document.
 */
import { assertNever, type PolicyString, type ResourcePolicyModel } from '@deputy/policy-model';
import type { EmitContext } from './emit-context.js';
import { policyStringExpression } from './environment-references.js';
import { labelFor } from './hcl-label.js';
import { attribute, block, text, traversal, type HclBlock } from './hcl-syntax.js';
import { lambdaPermissionBlocks } from './lambda-permission-blocks.js';
import { renderPolicy } from './policy-rendering.js';
import { waiverDirectives, withDirectives } from './waiver-suppressions.js';

/** The attribute that names the target resource, per attachment with its own Terraform resource. */
const POLICY_RESOURCES = {
  's3-bucket': { type: 'aws_s3_bucket_policy', targetAttribute: 'bucket' },
  'sns-topic': { type: 'aws_sns_topic_policy', targetAttribute: 'arn' },
  'sqs-queue': { type: 'aws_sqs_queue_policy', targetAttribute: 'queue_url' },
} as const;

/** Every top-level block for one resource policy, in print order. */
export function resourcePolicyBlocks(policy: ResourcePolicyModel, context: EmitContext): HclBlock[] {
  const attachment = policy.attachment;
  switch (attachment.type) {
    case 's3-bucket':
      return policyResourceBlocks(policy, attachment.type, attachment.bucket, context);
    case 'sns-topic':
      return policyResourceBlocks(policy, attachment.type, attachment.topicArn, context);
    case 'sqs-queue':
      return policyResourceBlocks(policy, attachment.type, attachment.queueUrl, context);
    case 'lambda-permission':
      return lambdaPermissionBlocks(policy, attachment.functionName, context);
    case 'document':
      return documentBlocks(policy, context);
    default:
      return assertNever(attachment, 'resource policy attachment');
  }
}

function policyResourceBlocks(
  policy: ResourcePolicyModel,
  type: keyof typeof POLICY_RESOURCES,
  target: PolicyString,
  context: EmitContext,
): HclBlock[] {
  const resource = POLICY_RESOURCES[type];
  const label = context.labels.claim(`resource.${resource.type}`, labelFor(policy));
  const rendered = renderPolicy(policy.document, label, context);
  const directives = waiverDirectives(policy.waivers);
  const policyResource = block(
    'resource',
    [resource.type, label],
    [attribute(resource.targetAttribute, policyStringExpression(target, context)), attribute('policy', rendered.value, rendered.comments)],
    policy.notices,
  );
  return rendered.dataSource ? [withDirectives(rendered.dataSource, directives), policyResource] : [withDirectives(policyResource, directives)];
}

/** A document alone: `locals` + `output` with `jsonencode`, or the data source + `output` with its `.json`. */
function documentBlocks(policy: ResourcePolicyModel, context: EmitContext): HclBlock[] {
  const label = context.labels.claim('output', `${labelFor(policy)}_json`);
  const rendered = renderPolicy(policy.document, labelFor(policy), context);
  const description = attribute('description', text(`The ${policy.name} policy document as JSON.`));
  const directives = waiverDirectives(policy.waivers);
  if (rendered.dataSource) {
    return [
      withDirectives({ ...rendered.dataSource, ...(policy.notices.length > 0 ? { comments: policy.notices } : {}) }, directives),
      block('output', [label], [description, attribute('value', rendered.value)]),
    ];
  }
  const local = context.labels.claim('local', label);
  return [
    withDirectives(block('locals', [], [attribute(local, rendered.value, rendered.comments)], policy.notices), directives),
    block('output', [label], [description, attribute('value', traversal(`local.${local}`))]),
  ];
}
