/**
 * One role as Terraform: `aws_iam_role`, an `aws_iam_role_policy` per inline policy and an
 * `aws_iam_role_policy_attachment` per managed policy ARN, each policy document preceded by its data
 * source in the policy-document style. Waiver suppressions go on the block that holds the trust policy.
 */
import type { InlinePolicyModel, PolicyString, RoleModel } from '@deputy/policy-model';
import type { EmitContext } from './emit-context.js';
import { policyStringExpression } from './environment-references.js';
import { labelFor, snakeCaseLabel } from './hcl-label.js';
import { attribute, block, numberLiteral, object, text, traversal, type HclBlock, type HclBodyItem } from './hcl-syntax.js';
import { renderPolicy } from './policy-rendering.js';
import { waiverDirectives, withDirectives } from './waiver-suppressions.js';

/** Every top-level block for one role, in print order. */
export function roleBlocks(role: RoleModel, context: EmitContext): HclBlock[] {
  const roleLabel = context.labels.claim('resource.aws_iam_role', labelFor(role));
  const trust = renderPolicy(role.trustPolicy, `${roleLabel}_assume_role`, context);
  const body: HclBodyItem[] = [attribute('name', text(role.name))];
  if (role.description !== undefined) body.push(attribute('description', text(role.description)));
  if (role.path !== undefined) body.push(attribute('path', text(role.path)));
  if (role.maxSessionDuration !== undefined) body.push(attribute('max_session_duration', numberLiteral(role.maxSessionDuration)));
  if (role.permissionsBoundary !== undefined) {
    body.push(attribute('permissions_boundary', policyStringExpression(role.permissionsBoundary, context)));
  }
  body.push(attribute('assume_role_policy', trust.value, trust.comments));
  if (role.tags.length > 0) {
    body.push(attribute('tags', object(role.tags.map((tag) => ({ key: tag.key, value: text(tag.value) })))));
  }
  const directives = waiverDirectives(role.waivers);
  const resource = block('resource', ['aws_iam_role', roleLabel], body, role.notices);
  return [
    ...(trust.dataSource ? [withDirectives(trust.dataSource, directives), resource] : [withDirectives(resource, directives)]),
    ...role.inlinePolicies.flatMap((policy) => inlinePolicyBlocks(policy, roleLabel, context)),
    ...role.managedPolicyArns.map((arn) => attachmentBlock(arn, roleLabel, context)),
  ];
}

function inlinePolicyBlocks(policy: InlinePolicyModel, roleLabel: string, context: EmitContext): HclBlock[] {
  const label = context.labels.claim('resource.aws_iam_role_policy', `${roleLabel}_${labelFor(policy)}`);
  const rendered = renderPolicy(policy.document, label, context);
  const resource = block('resource', ['aws_iam_role_policy', label], [
    attribute('name', text(policy.name)),
    attribute('role', traversal(`aws_iam_role.${roleLabel}.id`)),
    attribute('policy', rendered.value, rendered.comments),
  ]);
  return [...(rendered.dataSource ? [rendered.dataSource] : []), resource];
}

function attachmentBlock(arn: PolicyString, roleLabel: string, context: EmitContext): HclBlock {
  const label = context.labels.claim('resource.aws_iam_role_policy_attachment', `${roleLabel}_${managedPolicyLabel(arn)}`);
  return block('resource', ['aws_iam_role_policy_attachment', label], [
    attribute('role', traversal(`aws_iam_role.${roleLabel}.name`)),
    attribute('policy_arn', policyStringExpression(arn, context)),
  ]);
}

/** A label part for a managed policy: the policy name at the end of its ARN (`AmazonS3ReadOnlyAccess` → `amazon_s3_read_only_access`). */
export function managedPolicyLabel(arn: PolicyString): string {
  const tail = typeof arn === 'string' ? arn : arn.parts[arn.parts.length - 1];
  if (typeof tail !== 'string') return 'managed_policy';
  const name = tail.slice(tail.lastIndexOf('/') + 1);
  return name === '' ? 'managed_policy' : snakeCaseLabel(name);
}
