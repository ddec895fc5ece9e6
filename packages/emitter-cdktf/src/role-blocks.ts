/**
 * One role: `aws_iam_role`, an `aws_iam_role_policy` per inline policy and an
 * `aws_iam_role_policy_attachment` per managed policy ARN — the arguments and labels of the HCL target. The
 * role's `//` comment ends with the lint suppressions of its waivers.
 */
import type { InlinePolicyModel, PolicyString, RoleModel } from '@deputy/policy-model';
import { policyStringTemplate } from './environment-references.js';
import type { PlanContext } from './plan-context.js';
import { policyJsonTemplate } from './policy-json-template.js';
import type { ResourceBlock, TerraformBody } from './terraform-blocks.js';
import { labelFor, managedPolicyLabel } from './terraform-labels.js';
import { literalTemplate } from './terraform-template.js';
import { withUnicodeNfcNotice } from './unicode-normalization.js';
import { waiverDirectives } from './waiver-suppressions.js';

/** Every block of one role, in print order, and the role's label. */
export function roleBlocks(role: RoleModel, context: PlanContext): { readonly label: string; readonly blocks: ResourceBlock[] } {
  const label = context.labels.claim('resource.aws_iam_role', labelFor(role));
  const body: { [argument: string]: TerraformBody[string] } = { name: literalTemplate(role.name) };
  if (role.description !== undefined) body['description'] = literalTemplate(role.description);
  if (role.path !== undefined) body['path'] = literalTemplate(role.path);
  if (role.maxSessionDuration !== undefined) body['max_session_duration'] = role.maxSessionDuration;
  if (role.permissionsBoundary !== undefined) body['permissions_boundary'] = policyStringTemplate(role.permissionsBoundary, context);
  body['assume_role_policy'] = policyJsonTemplate(role.trustPolicy, context);
  if (role.tags.length > 0) {
    body['tags'] = Object.fromEntries(role.tags.map((tag) => [literalTemplate(tag.key), literalTemplate(tag.value)]));
  }
  const texts = [role.name, role.description, role.path, ...literalParts(role.permissionsBoundary), ...role.tags.flatMap((tag) => [tag.key, tag.value])];
  const roleBlock: ResourceBlock = {
    kind: 'resource',
    type: 'aws_iam_role',
    label,
    body,
    notices: [...withUnicodeNfcNotice(role.notices, texts.filter((value): value is string => value !== undefined)), ...waiverDirectives(role.waivers)],
  };
  return {
    label,
    blocks: [
      roleBlock,
      ...role.inlinePolicies.map((policy) => inlinePolicyBlock(policy, label, context)),
      ...role.managedPolicyArns.map((arn) => attachmentBlock(arn, label, context)),
    ],
  };
}

function inlinePolicyBlock(policy: InlinePolicyModel, roleLabel: string, context: PlanContext): ResourceBlock {
  const label = context.labels.claim('resource.aws_iam_role_policy', `${roleLabel}_${labelFor(policy)}`);
  return {
    kind: 'resource',
    type: 'aws_iam_role_policy',
    label,
    body: {
      name: literalTemplate(policy.name),
      role: `\${aws_iam_role.${roleLabel}.id}`,
      policy: policyJsonTemplate(policy.document, context),
    },
    notices: withUnicodeNfcNotice([], [policy.name]),
  };
}

function attachmentBlock(arn: PolicyString, roleLabel: string, context: PlanContext): ResourceBlock {
  const label = context.labels.claim('resource.aws_iam_role_policy_attachment', `${roleLabel}_${managedPolicyLabel(arn)}`);
  return {
    kind: 'resource',
    type: 'aws_iam_role_policy_attachment',
    label,
    body: { role: `\${aws_iam_role.${roleLabel}.name}`, policy_arn: policyStringTemplate(arn, context) },
    notices: withUnicodeNfcNotice([], literalParts(arn)),
  };
}

/** The literal text of a policy string (for the NFC check). */
export function literalParts(value: PolicyString | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value.parts.filter((part): part is string => typeof part === 'string');
}
