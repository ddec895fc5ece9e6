/**
 * A label-free view of what a configuration grants, recovered from a decoded configuration and computed
 * from a model the same way, so a test compares what Terraform would create with what the model says —
 * without trusting the emitter's labels. Literal environment values are inlined on the model side (the
 * targets print them as text).
 */
import {
  interpolate,
  mapPolicyStrings,
  type DeputyModel,
  type EnvironmentField,
  type PolicyDocument,
  type PolicyString,
  type Reference,
  type ResourcePolicyModel,
} from '@deputy/policy-model';
import type { ReadConfiguration, ReadValue } from './terraform-configuration.js';

/** A role as Terraform would create it. */
export interface RoleView {
  readonly name: string;
  readonly description?: string;
  readonly path?: string;
  readonly maxSessionDuration?: number;
  readonly permissionsBoundary?: PolicyString;
  readonly trustPolicy: PolicyDocument;
  readonly tags: readonly (readonly [string, string])[];
  readonly inlinePolicies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  readonly managedPolicyArns: readonly PolicyString[];
}

/** Resource policies by attachment kind, each list in definition order. */
export interface ResourcePolicyView {
  readonly 's3-bucket': readonly { readonly target: PolicyString; readonly document: PolicyDocument }[];
  readonly 'sns-topic': readonly { readonly target: PolicyString; readonly document: PolicyDocument }[];
  readonly 'sqs-queue': readonly { readonly target: PolicyString; readonly document: PolicyDocument }[];
  readonly document: readonly { readonly name: string; readonly document: PolicyDocument }[];
}

/** The whole view. */
export interface ModelView {
  readonly roles: readonly RoleView[];
  readonly resourcePolicies: ResourcePolicyView;
}

/** The view of a model (Lambda permissions are not part of it: they are compared field by field elsewhere). */
export function modelView(model: DeputyModel): ModelView {
  const inline = (value: PolicyString): PolicyString => inlineLiterals(value, model);
  const document = (value: PolicyDocument): PolicyDocument => mapPolicyStrings<PolicyString, PolicyString>(value, inline);
  const attached = (type: 's3-bucket' | 'sns-topic' | 'sqs-queue') =>
    model.resourcePolicies.flatMap((policy) => {
      const target = attachmentTarget(policy);
      return policy.attachment.type === type && target !== undefined ? [{ target: inline(target), document: document(policy.document) }] : [];
    });
  return {
    roles: model.roles.map((role) => ({
      name: role.name,
      ...(role.description !== undefined ? { description: role.description } : {}),
      ...(role.path !== undefined ? { path: role.path } : {}),
      ...(role.maxSessionDuration !== undefined ? { maxSessionDuration: role.maxSessionDuration } : {}),
      ...(role.permissionsBoundary !== undefined ? { permissionsBoundary: inline(role.permissionsBoundary) } : {}),
      trustPolicy: document(role.trustPolicy),
      tags: sortedTags(role.tags.map((tag) => [tag.key, tag.value] as const)),
      inlinePolicies: role.inlinePolicies.map((policy) => ({ name: policy.name, document: document(policy.document) })),
      managedPolicyArns: role.managedPolicyArns.map(inline),
    })),
    resourcePolicies: {
      's3-bucket': attached('s3-bucket'),
      'sns-topic': attached('sns-topic'),
      'sqs-queue': attached('sqs-queue'),
      document: model.resourcePolicies.filter((policy) => policy.attachment.type === 'document').map((policy) => ({ name: policy.name, document: document(policy.document) })),
    },
  };
}

/** The view of a decoded configuration. */
export function configurationView(configuration: ReadConfiguration): ModelView {
  const blocks = Object.entries(configuration.blocks);
  const ofType = (type: string) => blocks.filter(([address]) => address.startsWith(`${type}.`));
  const roles = ofType('aws_iam_role').map(([address, block]): RoleView => {
    const args = block.arguments;
    const text = (name: string) => (args[name] === undefined ? undefined : asText(args[name]));
    const description = text('description');
    const path = text('path');
    const boundary = args['permissions_boundary'];
    const duration = args['max_session_duration'];
    return {
      name: asLiteral(args['name']),
      ...(description !== undefined ? { description: asLiteralText(description) } : {}),
      ...(path !== undefined ? { path: asLiteralText(path) } : {}),
      ...(duration !== undefined ? { maxSessionDuration: duration.kind === 'number' ? duration.value : Number.NaN } : {}),
      ...(boundary !== undefined ? { permissionsBoundary: asText(boundary) } : {}),
      trustPolicy: asPolicy(args['assume_role_policy']),
      tags: args['tags']?.kind === 'map' ? sortedTags(Object.entries(args['tags'].entries)) : [],
      inlinePolicies: ofType('aws_iam_role_policy')
        .filter(([, policy]) => referenceTo(policy.arguments['role']) === `${address}.id`)
        .map(([, policy]) => ({ name: asLiteral(policy.arguments['name']), document: asPolicy(policy.arguments['policy']) })),
      managedPolicyArns: ofType('aws_iam_role_policy_attachment')
        .filter(([, attachment]) => referenceTo(attachment.arguments['role']) === `${address}.name`)
        .map(([, attachment]) => asText(attachment.arguments['policy_arn'])),
    };
  });
  const attached = (type: string, targetArgument: string) =>
    ofType(type).map(([, block]) => ({ target: asText(block.arguments[targetArgument]), document: asPolicy(block.arguments['policy']) }));
  return {
    roles,
    resourcePolicies: {
      's3-bucket': attached('aws_s3_bucket_policy', 'bucket'),
      'sns-topic': attached('aws_sns_topic_policy', 'arn'),
      'sqs-queue': attached('aws_sqs_queue_policy', 'queue_url'),
      document: Object.values(configuration.outputs).filter((output) => referenceTo(output.value)?.startsWith('local.')).map((output) => {
        const local = referenceTo(output.value)?.replace(/^local\./, '') ?? '';
        const name = /^The (.*) policy document as JSON\.$/s.exec(output.description ?? '')?.[1] ?? '';
        return { name, document: asPolicy(configuration.locals[local]) };
      }),
    },
  };
}

/** A policy string with references to literal environment values replaced by their text. */
export function inlineLiterals(value: PolicyString, model: DeputyModel): PolicyString {
  if (typeof value === 'string') return value;
  return interpolate(
    value.parts.map((part): string | Reference => {
      if (typeof part === 'string') return part;
      const setting = model.environment[part.field as EnvironmentField];
      return setting.kind === 'literal' ? setting.value : part;
    }),
  );
}

function attachmentTarget(policy: ResourcePolicyModel): PolicyString | undefined {
  const attachment = policy.attachment;
  if (attachment.type === 's3-bucket') return attachment.bucket;
  if (attachment.type === 'sns-topic') return attachment.topicArn;
  if (attachment.type === 'sqs-queue') return attachment.queueUrl;
  return undefined;
}

function sortedTags(tags: readonly (readonly [string, string])[]): (readonly [string, string])[] {
  return [...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function asText(value: ReadValue | undefined): PolicyString {
  if (value?.kind !== 'text') throw new Error(`expected text, got ${JSON.stringify(value)}`);
  return value.value;
}

function asLiteral(value: ReadValue | undefined): string {
  return asLiteralText(asText(value));
}

function asLiteralText(value: PolicyString): string {
  if (typeof value !== 'string') throw new Error(`expected literal text, got ${JSON.stringify(value)}`);
  return value;
}

function asPolicy(value: ReadValue | undefined): PolicyDocument {
  if (value?.kind !== 'policy') throw new Error(`expected a policy, got ${JSON.stringify(value)}`);
  return value.document;
}

function referenceTo(value: ReadValue | undefined): string | undefined {
  return value?.kind === 'reference' ? value.address : undefined;
}
