/**
 * What {@link recoverTemplate} should read from the template of a model: the model's roles and resource
 * policies with literal environment fields written into the strings (as the template does), Lambda policies
 * as one permission per statement, policy-document Outputs after the policy resources, and the lint
 * suppressions of waivers on the resources that hold the waived statements.
 */
import type { DeputyModel, EnvironmentField, PolicyDocument, PolicyString, ResourcePolicyModel, WaiverRecord } from '@deputy/policy-model';
import { assertNever, ENVIRONMENT_FIELDS, interpolate, mapPolicyStrings, statementsOf } from '@deputy/policy-model';
import { lambdaPermissionFields } from '@deputy/policy-model';
import { isUnprotected } from '../template/lambda-permission.js';
import { waiverSuppressions } from '../template/waiver-metadata.js';
import type { RecoveredParameter, RecoveredResourcePolicy, RecoveredRole, RecoveredTemplate } from './recover-model.js';
import type { RecoveredSuppression } from './recover-suppressions.js';

/** The recovery a faithful template of `model` gives. */
export function expectedRecovery(model: DeputyModel): RecoveredTemplate {
  const text = (value: PolicyString): PolicyString => withLiterals(value, model);
  const document = (value: PolicyDocument): PolicyDocument => mapPolicyStrings(value, text);
  const roles = model.roles.map(
    (role): RecoveredRole => ({
      name: role.name,
      ...(role.description !== undefined ? { description: role.description } : {}),
      ...(role.path !== undefined ? { path: role.path } : {}),
      ...(role.maxSessionDuration !== undefined ? { maxSessionDuration: role.maxSessionDuration } : {}),
      ...(role.permissionsBoundary !== undefined ? { permissionsBoundary: text(role.permissionsBoundary) } : {}),
      trustPolicy: document(role.trustPolicy),
      inlinePolicies: role.inlinePolicies.map((policy) => ({ name: policy.name, document: document(policy.document) })),
      managedPolicyArns: role.managedPolicyArns.map(text),
      tags: role.tags.map((tag) => ({ key: tag.key, value: tag.value })),
      outputs: ['Arn', 'Name'],
      ...expectedSuppressions(role.waivers),
    }),
  );
  const attached = model.resourcePolicies.filter((policy) => policy.attachment.type !== 'document');
  const documents = model.resourcePolicies.filter((policy) => policy.attachment.type === 'document');
  const resourcePolicies = [...attached, ...documents].flatMap((policy) => expectedPolicies(policy, text, document));
  return { parameters: expectedParameters(model, roles, resourcePolicies), roles, resourcePolicies };
}

function expectedPolicies(
  policy: ResourcePolicyModel,
  text: (value: PolicyString) => PolicyString,
  document: (value: PolicyDocument) => PolicyDocument,
): RecoveredResourcePolicy[] {
  const { attachment } = policy;
  const suppressions = expectedSuppressions(policy.waivers);
  switch (attachment.type) {
    case 's3-bucket':
      return [{ type: 's3-bucket', bucket: text(attachment.bucket), document: document(policy.document), ...suppressions }];
    case 'sns-topic':
      return [{ type: 'sns-topic', topicArn: text(attachment.topicArn), document: document(policy.document), ...suppressions }];
    case 'sqs-queue':
      return [{ type: 'sqs-queue', queueUrl: text(attachment.queueUrl), document: document(policy.document), ...suppressions }];
    case 'lambda-permission':
      return statementsOf(policy.document).map((statement) => {
        const fields = lambdaPermissionFields(statement);
        return {
          ...(isUnprotected(fields) ? suppressions : {}),
          type: 'lambda-permission',
          functionName: text(attachment.functionName),
          permission: {
            principal: text(fields.principal),
            action: text(fields.action),
            ...(fields.sourceArn !== undefined ? { sourceArn: text(fields.sourceArn.value) } : {}),
            ...(fields.sourceAccount !== undefined ? { sourceAccount: text(fields.sourceAccount) } : {}),
          },
        };
      });
    case 'document':
      return [{ type: 'document', document: document(policy.document) }];
    default:
      return assertNever(attachment, 'resource policy attachment');
  }
}

/** The `Metadata.deputy.ignore` entries a resource holding the waived statements carries, as an optional field. */
function expectedSuppressions(waivers: readonly WaiverRecord[] | undefined): { readonly suppressions?: readonly RecoveredSuppression[] } {
  const suppressions = waiverSuppressions(waivers);
  return suppressions.length > 0 ? { suppressions } : {};
}

/** The Parameters a template declares: parameter fields that some emitted string refers to, in field order. */
function expectedParameters(model: DeputyModel, roles: readonly RecoveredRole[], policies: readonly RecoveredResourcePolicy[]): RecoveredParameter[] {
  const used = new Set<EnvironmentField>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      if ((value as { kind?: unknown }).kind === 'reference') used.add((value as { field: EnvironmentField }).field);
      else Object.values(value).forEach(visit);
    }
  };
  visit([roles, policies]);
  return ENVIRONMENT_FIELDS.flatMap((field) => {
    const value = model.environment[field];
    return value.kind === 'parameter' && used.has(field) ? [{ field, description: value.description }] : [];
  });
}

/** The string with references to literal environment fields replaced by their values. */
function withLiterals(value: PolicyString, model: DeputyModel): PolicyString {
  if (typeof value === 'string') return value;
  return interpolate(
    value.parts.map((part) => {
      if (typeof part === 'string') return part;
      const setting = model.environment[part.field];
      return setting.kind === 'literal' ? setting.value : part;
    }),
  );
}
