/**
 * One role: `aws_iam_role`, an `aws_iam_role_policy` per inline policy and an
 * `aws_iam_role_policy_attachment` per managed policy ARN. The trust policy carries the lint suppressions of
 * the role's waivers.
 */
import type { InlinePolicyModel, PolicyString, RoleModel } from '@deputy/policy-model';
import { policyStringValue } from './environment-references.js';
import type { PlanArgument, PlanOutput, PlanResource } from './plan-blocks.js';
import type { PlanContext } from './plan-context.js';
import { literal, numberValue, reference } from './plan-values.js';
import { labelFor, managedPolicyLabel } from './terraform-labels.js';
import { waiverDirectives } from './waiver-suppressions.js';

/** The Terraform type of a role. */
export const ROLE_TYPE = 'aws_iam_role';

/** Every block of one role, in print order, and the role's label. */
export function roleBlocks(role: RoleModel, context: PlanContext): { readonly label: string; readonly blocks: PlanResource[] } {
  const label = context.labels.claim(`resource.${ROLE_TYPE}`, labelFor(role));
  const body: PlanArgument[] = [{ name: 'name', value: literal(role.name) }];
  if (role.description !== undefined) body.push({ name: 'description', value: literal(role.description) });
  if (role.path !== undefined) body.push({ name: 'path', value: literal(role.path) });
  if (role.maxSessionDuration !== undefined) body.push({ name: 'max_session_duration', value: numberValue(role.maxSessionDuration) });
  if (role.permissionsBoundary !== undefined) {
    body.push({ name: 'permissions_boundary', value: policyStringValue(role.permissionsBoundary, context.references) });
  }
  body.push({
    name: 'assume_role_policy',
    value: { kind: 'policy', document: role.trustPolicy, labelBase: `${label}_assume_role`, directives: waiverDirectives(role.waivers) },
  });
  if (role.tags.length > 0) {
    body.push({ name: 'tags', value: { kind: 'map', entries: role.tags.map((tag) => ({ key: tag.key, value: literal(tag.value) })) } });
  }
  const roleBlock: PlanResource = { kind: 'resource', type: ROLE_TYPE, label, body, notices: role.notices, directives: [] };
  return {
    label,
    blocks: [
      roleBlock,
      ...role.inlinePolicies.map((policy) => inlinePolicyBlock(policy, label, context)),
      ...role.managedPolicyArns.map((arn) => attachmentBlock(arn, label, context)),
    ],
  };
}

/** The outputs of a role: its ARN and its name, as CloudFormation's Outputs give them. */
export function roleOutputs(role: RoleModel, roleLabel: string, context: PlanContext): PlanOutput[] {
  return [
    { kind: 'output', label: context.labels.claim('output', `${roleLabel}_arn`), description: `The ARN of role ${role.name}.`, value: reference(`${ROLE_TYPE}.${roleLabel}.arn`) },
    { kind: 'output', label: context.labels.claim('output', `${roleLabel}_name`), description: `The name of role ${role.name}.`, value: reference(`${ROLE_TYPE}.${roleLabel}.name`) },
  ];
}

function inlinePolicyBlock(policy: InlinePolicyModel, roleLabel: string, context: PlanContext): PlanResource {
  const label = context.labels.claim('resource.aws_iam_role_policy', `${roleLabel}_${labelFor(policy)}`);
  return {
    kind: 'resource',
    type: 'aws_iam_role_policy',
    label,
    body: [
      { name: 'name', value: literal(policy.name) },
      { name: 'role', value: reference(`${ROLE_TYPE}.${roleLabel}.id`) },
      { name: 'policy', value: { kind: 'policy', document: policy.document, labelBase: label, directives: [] } },
    ],
    notices: [],
    directives: [],
  };
}

function attachmentBlock(arn: PolicyString, roleLabel: string, context: PlanContext): PlanResource {
  const label = context.labels.claim('resource.aws_iam_role_policy_attachment', `${roleLabel}_${managedPolicyLabel(arn)}`);
  return {
    kind: 'resource',
    type: 'aws_iam_role_policy_attachment',
    label,
    body: [
      { name: 'role', value: reference(`${ROLE_TYPE}.${roleLabel}.name`) },
      { name: 'policy_arn', value: policyStringValue(arn, context.references) },
    ],
    notices: [],
    directives: [],
  };
}
