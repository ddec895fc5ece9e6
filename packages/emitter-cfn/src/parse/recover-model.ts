/**
 * Reads roles and resource policies back out of a loaded template (see {@link loadCfnTemplate}), turning
 * `Ref`, `Fn::Sub` and `Fn::Join` back into policy strings with references, so a round trip compares
 * structure, not resolved text, and a resource's `Metadata.deputy.ignore` lint suppressions. Throws on
 * anything deputy does not write.
 */
import type { ConditionBlock, ConditionValue, EnvironmentField, PolicyDocument, PolicyString, Principal, Reference, Statement, Tag } from '@deputy/policy-model';
import { ENVIRONMENT_FIELDS, interpolate, isInterpolation, reference } from '@deputy/policy-model';
import { PARAMETER_CONSTRAINTS, PSEUDO_PARAMETERS } from '../template/environment-bindings.js';
import { parseSubTemplate } from '../template/sub-template.js';
import { parsePolicyJson } from './recover-policy-json.js';
import { recoverSuppressions, type RecoveredSuppression } from './recover-suppressions.js';
import { arrayAt, optional, recordAt, stringAt, type Json } from './json-access.js';

/** A role as the template writes it. */
export interface RecoveredRole {
  /** `RoleName`. */
  readonly name: string;
  /** `Description`. */
  readonly description?: string;
  /** `Path`. */
  readonly path?: string;
  /** `MaxSessionDuration`. */
  readonly maxSessionDuration?: number;
  /** `PermissionsBoundary`. */
  readonly permissionsBoundary?: PolicyString;
  /** `AssumeRolePolicyDocument`. */
  readonly trustPolicy: PolicyDocument;
  /** `Policies`, in order. */
  readonly inlinePolicies: readonly { readonly name: string; readonly document: PolicyDocument }[];
  /** `ManagedPolicyArns`, in order. */
  readonly managedPolicyArns: readonly PolicyString[];
  /** `Tags`, in order. */
  readonly tags: readonly Tag[];
  /** Which Outputs publish the role: `Arn` (`Fn::GetAtt`) and/or `Name` (`Ref`), in Outputs order. */
  readonly outputs: readonly ('Arn' | 'Name')[];
  /** `Metadata.deputy.ignore`: lint suppressions of waived confused-deputy conditions; absent without Metadata. */
  readonly suppressions?: readonly RecoveredSuppression[];
}

/** The fields of one `AWS::Lambda::Permission`. */
export interface RecoveredLambdaPermission {
  /** `Principal`. */
  readonly principal: PolicyString;
  /** `Action`. */
  readonly action: PolicyString;
  /** `SourceArn`. */
  readonly sourceArn?: PolicyString;
  /** `SourceAccount`. */
  readonly sourceAccount?: PolicyString;
}

/** What every recovered policy resource may carry. */
export interface RecoveredResourceMetadata {
  /** `Metadata.deputy.ignore`: lint suppressions of waived confused-deputy conditions; absent without Metadata. */
  readonly suppressions?: readonly RecoveredSuppression[];
}

/** A resource policy as the template writes it. */
export type RecoveredResourcePolicy =
  /** `AWS::S3::BucketPolicy`. */
  | ({ readonly type: 's3-bucket'; readonly bucket: PolicyString; readonly document: PolicyDocument } & RecoveredResourceMetadata)
  /** `AWS::SNS::TopicPolicy` (one topic). */
  | ({ readonly type: 'sns-topic'; readonly topicArn: PolicyString; readonly document: PolicyDocument } & RecoveredResourceMetadata)
  /** `AWS::SQS::QueuePolicy` (one queue). */
  | ({ readonly type: 'sqs-queue'; readonly queueUrl: PolicyString; readonly document: PolicyDocument } & RecoveredResourceMetadata)
  /** One `AWS::Lambda::Permission`. */
  | ({ readonly type: 'lambda-permission'; readonly functionName: PolicyString; readonly permission: RecoveredLambdaPermission } & RecoveredResourceMetadata)
  /** An Output holding a policy document as JSON (Outputs have no Metadata). */
  | { readonly type: 'document'; readonly document: PolicyDocument };

/** A template Parameter standing for an environment field. */
export interface RecoveredParameter {
  /** The field, recognised by its `AllowedPattern`. */
  readonly field: EnvironmentField;
  /** `Description`. */
  readonly description: string;
}

/** What a template says, in deputy's terms. */
export interface RecoveredTemplate {
  /** Parameters, in template order. */
  readonly parameters: readonly RecoveredParameter[];
  /** Roles, in template order. */
  readonly roles: readonly RecoveredRole[];
  /** Policy resources in template order, then policy-document Outputs in template order. */
  readonly resourcePolicies: readonly RecoveredResourcePolicy[];
}

/** Recovers roles, resource policies and parameters from a loaded template. */
export function recoverTemplate(template: unknown): RecoveredTemplate {
  const root = recordAt(template as Json, 'template');
  const declared = Object.entries(recordAt(optional(root, 'Parameters') ?? {}, 'Parameters')).map(([logicalId, value]) => [logicalId, recoverParameter(logicalId, value)] as const);
  const parameters = declared.map(([, parameter]) => parameter);
  const toReference = referenceResolver(declared);
  const text: TextOf = (value, where) => recoverPolicyString(value, toReference, where);
  const resources = Object.entries(recordAt(root.Resources as Json, 'Resources'));
  const outputs = Object.entries(recordAt(optional(root, 'Outputs') ?? {}, 'Outputs'));
  const roles: RecoveredRole[] = [];
  const resourcePolicies: RecoveredResourcePolicy[] = [];
  for (const [logicalId, resource] of resources) {
    const where = `Resources.${logicalId}`;
    const type = stringAt(recordAt(resource, where).Type, `${where}.Type`);
    const properties = () => recordAt(recordAt(resource, where).Properties, `${where}.Properties`);
    const metadata = () => recoverSuppressions(recordAt(resource, where), where);
    switch (type) {
      case 'AWS::IAM::Role':
        roles.push({ ...recoverRole(logicalId, properties(), outputs, text, where), ...metadata() });
        break;
      case 'AWS::S3::BucketPolicy':
        resourcePolicies.push({ type: 's3-bucket', bucket: text(properties().Bucket, `${where}.Bucket`), document: recoverDocument(properties().PolicyDocument, text, `${where}.PolicyDocument`), ...metadata() });
        break;
      case 'AWS::SNS::TopicPolicy':
        resourcePolicies.push({ type: 'sns-topic', topicArn: text(single(properties().Topics, `${where}.Topics`), `${where}.Topics[0]`), document: recoverDocument(properties().PolicyDocument, text, `${where}.PolicyDocument`), ...metadata() });
        break;
      case 'AWS::SQS::QueuePolicy':
        resourcePolicies.push({ type: 'sqs-queue', queueUrl: text(single(properties().Queues, `${where}.Queues`), `${where}.Queues[0]`), document: recoverDocument(properties().PolicyDocument, text, `${where}.PolicyDocument`), ...metadata() });
        break;
      case 'AWS::Lambda::Permission':
        resourcePolicies.push({ ...recoverLambdaPermission(properties(), text, where), ...metadata() });
        break;
      case 'AWS::CloudFormation::WaitConditionHandle':
        break;
      default:
        throw new Error(`${where}: deputy does not write resources of type ${type}`);
    }
  }
  for (const [logicalId, output] of outputs) {
    const where = `Outputs.${logicalId}`;
    const value = recordAt(output, where).Value as Json;
    if (isIntrinsic(value, 'Ref') || isIntrinsic(value, 'Fn::GetAtt')) continue;
    const json = parsePolicyJson(text(value, `${where}.Value`), `${where}.Value`);
    resourcePolicies.push({ type: 'document', document: recoverDocument(json, jsonLeaf, `${where}.Value`) });
  }
  return { parameters, roles, resourcePolicies };
}

/** Turns a template value (text, `Ref`, `Fn::Sub`, `Fn::Join` with an empty delimiter) into a policy string. */
export function recoverPolicyString(value: Json | undefined, toReference: (name: string, where: string) => Reference, where: string): PolicyString {
  if (typeof value === 'string') return value;
  if (isIntrinsic(value, 'Ref')) return interpolate([toReference(stringAt(value.Ref, where), where)]);
  if (isIntrinsic(value, 'Fn::Sub')) {
    const template = stringAt(value['Fn::Sub'], `${where}.Fn::Sub`);
    return interpolate(parseSubTemplate(template).map((part) => (typeof part === 'string' ? part : toReference(part.variable, where))));
  }
  if (isIntrinsic(value, 'Fn::Join')) {
    const [delimiter, items] = arrayAt(value['Fn::Join'], `${where}.Fn::Join`);
    if (delimiter !== '') throw new Error(`${where}: deputy joins with an empty delimiter only`);
    return interpolate(arrayAt(items as Json, `${where}.Fn::Join[1]`).map((item, index) => {
      const part = recoverPolicyString(item, toReference, `${where}.Fn::Join[1][${index}]`);
      if (typeof part === 'string') return part;
      if (part.parts.length !== 1 || typeof part.parts[0] === 'string') throw new Error(`${where}: a joined item is text or one Ref`);
      return part.parts[0]!;
    }));
  }
  throw new Error(`${where}: expected text, Ref, Fn::Sub or Fn::Join, found ${JSON.stringify(value)}`);
}

/** Maps pseudo parameters and environment Parameters to references. */
function referenceResolver(parameters: readonly (readonly [string, RecoveredParameter])[]): (name: string, where: string) => Reference {
  const fields = new Map<string, EnvironmentField>(ENVIRONMENT_FIELDS.map((field) => [PSEUDO_PARAMETERS[field], field]));
  for (const [logicalId, parameter] of parameters) fields.set(logicalId, parameter.field);
  return (name, where) => {
    const field = fields.get(name);
    if (field === undefined) throw new Error(`${where}: ${name} is neither a pseudo parameter nor an environment Parameter`);
    return reference(field);
  };
}

function recoverParameter(logicalId: string, value: Json): RecoveredParameter {
  const where = `Parameters.${logicalId}`;
  const declaration = recordAt(value, where);
  const pattern = stringAt(declaration.AllowedPattern, `${where}.AllowedPattern`);
  const field = ENVIRONMENT_FIELDS.find((candidate) => PARAMETER_CONSTRAINTS[candidate].pattern === pattern);
  if (field === undefined) throw new Error(`${where}: AllowedPattern ${pattern} matches no environment field`);
  if (declaration.Type !== 'String') throw new Error(`${where}: Type must be String`);
  return { field, description: stringAt(declaration.Description, `${where}.Description`) };
}

type TextOf = (value: Json | undefined, where: string) => PolicyString;

/** A string leaf of a policy parsed from JSON text: text, or an interpolation restored by {@link parsePolicyJson}. */
function jsonLeaf(value: Json | undefined, where: string): PolicyString {
  if (typeof value === 'string' || isInterpolation(value)) return value;
  throw new Error(`${where}: expected a string, found ${JSON.stringify(value)}`);
}

function recoverRole(logicalId: string, properties: Record<string, Json>, outputs: readonly [string, Json][], text: TextOf, where: string): RecoveredRole {
  const list = (key: string) => arrayAt(optional(properties, key) ?? [], `${where}.${key}`);
  const description = optional(properties, 'Description');
  const path = optional(properties, 'Path');
  const maxSessionDuration = optional(properties, 'MaxSessionDuration');
  const boundary = optional(properties, 'PermissionsBoundary');
  if (maxSessionDuration !== undefined && typeof maxSessionDuration !== 'number') throw new Error(`${where}.MaxSessionDuration: expected a number`);
  return {
    name: stringAt(properties.RoleName, `${where}.RoleName`),
    ...(description !== undefined ? { description: stringAt(description, `${where}.Description`) } : {}),
    ...(path !== undefined ? { path: stringAt(path, `${where}.Path`) } : {}),
    ...(maxSessionDuration !== undefined ? { maxSessionDuration } : {}),
    ...(boundary !== undefined ? { permissionsBoundary: text(boundary, `${where}.PermissionsBoundary`) } : {}),
    trustPolicy: recoverDocument(properties.AssumeRolePolicyDocument, text, `${where}.AssumeRolePolicyDocument`),
    inlinePolicies: list('Policies').map((policy, index) => {
      const at = `${where}.Policies[${index}]`;
      const entry = recordAt(policy, at);
      return { name: stringAt(entry.PolicyName, `${at}.PolicyName`), document: recoverDocument(entry.PolicyDocument, text, `${at}.PolicyDocument`) };
    }),
    managedPolicyArns: list('ManagedPolicyArns').map((arn, index) => text(arn, `${where}.ManagedPolicyArns[${index}]`)),
    tags: list('Tags').map((tag, index) => {
      const entry = recordAt(tag, `${where}.Tags[${index}]`);
      return { key: stringAt(entry.Key, `${where}.Tags[${index}].Key`), value: stringAt(entry.Value, `${where}.Tags[${index}].Value`) };
    }),
    outputs: outputs.flatMap(([, output]): ('Arn' | 'Name')[] => {
      const value = (output as Record<string, Json>).Value as Json;
      if (isIntrinsic(value, 'Ref') && value.Ref === logicalId) return ['Name'];
      if (isIntrinsic(value, 'Fn::GetAtt') && JSON.stringify(value['Fn::GetAtt']) === JSON.stringify([logicalId, 'Arn'])) return ['Arn'];
      return [];
    }),
  };
}

function recoverLambdaPermission(properties: Record<string, Json>, text: TextOf, where: string): RecoveredResourcePolicy {
  const sourceArn = optional(properties, 'SourceArn');
  const sourceAccount = optional(properties, 'SourceAccount');
  return {
    type: 'lambda-permission',
    functionName: text(properties.FunctionName, `${where}.FunctionName`),
    permission: {
      principal: text(properties.Principal, `${where}.Principal`),
      action: text(properties.Action, `${where}.Action`),
      ...(sourceArn !== undefined ? { sourceArn: text(sourceArn, `${where}.SourceArn`) } : {}),
      ...(sourceAccount !== undefined ? { sourceAccount: text(sourceAccount, `${where}.SourceAccount`) } : {}),
    },
  };
}

const DOCUMENT_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

/** A policy document whose string leaves go through `text`. */
export function recoverDocument(value: Json | undefined, text: TextOf, where: string): PolicyDocument {
  const document = recordAt(value as Json, where);
  for (const key of Object.keys(document)) if (!DOCUMENT_KEYS.has(key)) throw new Error(`${where}: unexpected key ${key}`);
  const statements = document.Statement as Json;
  const result: Record<string, unknown> = {};
  if (document.Version !== undefined) result.Version = stringAt(document.Version, `${where}.Version`);
  if (document.Id !== undefined) result.Id = stringAt(document.Id, `${where}.Id`);
  result.Statement = Array.isArray(statements)
    ? statements.map((statement, index) => recoverStatement(statement, text, `${where}.Statement[${index}]`))
    : recoverStatement(statements, text, `${where}.Statement`);
  return result as unknown as PolicyDocument;
}

function recoverStatement(value: Json, text: TextOf, where: string): Statement {
  const statement = recordAt(value, where);
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(statement)) {
    const at = `${where}.${key}`;
    if (!STATEMENT_KEYS.has(key)) throw new Error(`${where}: unexpected key ${key}`);
    if (key === 'Sid' || key === 'Effect') result[key] = stringAt(field, at);
    else if (key === 'Principal' || key === 'NotPrincipal') result[key] = recoverPrincipal(field, text, at);
    else if (key === 'Condition') result[key] = recoverCondition(field, text, at);
    else result[key] = oneOrMany(field, text, at);
  }
  return result as unknown as Statement;
}

function recoverPrincipal(value: Json, text: TextOf, where: string): Principal {
  if (value === '*') return '*';
  return Object.fromEntries(Object.entries(recordAt(value, where)).map(([type, ids]) => [type, oneOrMany(ids, text, `${where}.${type}`)])) as Principal;
}

function recoverCondition(value: Json, text: TextOf, where: string): ConditionBlock {
  const leaf = (item: Json, at: string): ConditionValue => (typeof item === 'boolean' || typeof item === 'number' ? item : text(item, at));
  return Object.fromEntries(
    Object.entries(recordAt(value, where)).map(([operator, keys]) => [
      operator,
      Object.fromEntries(
        Object.entries(recordAt(keys, `${where}.${operator}`)).map(([key, values]) => {
          const at = `${where}.${operator}.${key}`;
          return [key, Array.isArray(values) ? values.map((item, index) => leaf(item, `${at}[${index}]`)) : leaf(values, at)];
        }),
      ),
    ]),
  );
}

function oneOrMany(value: Json, text: TextOf, where: string): PolicyString | PolicyString[] {
  return Array.isArray(value) ? value.map((item, index) => text(item, `${where}[${index}]`)) : text(value, where);
}

function single(value: Json | undefined, where: string): Json {
  const items = arrayAt(value as Json, where);
  if (items.length !== 1) throw new Error(`${where}: deputy writes exactly one item`);
  return items[0]!;
}

function isIntrinsic<K extends string>(value: Json | undefined, name: K): value is Record<K, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && name in value;
}
