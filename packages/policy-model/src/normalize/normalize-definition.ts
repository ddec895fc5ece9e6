/**
 * Turns a schema-valid definition into the model every emitter prints: environment settings resolved,
 * placeholders turned into references, trust statements built from the catalog, every policy checked against
 * the IAM grammar and against confused-deputy gaps. Returns the model or every problem found.
 */
import type { Definition, EnvironmentSetting, ResourcePolicyDefinition, RoleDefinition } from '../definition/definition.js';
import type { PathSegment } from '../load/source-document.js';
import type { DeputyModel, InlinePolicyModel, ResourceAttachment, ResourcePolicyModel, RoleModel, WaiverRecord } from '../model/model.js';
import type { Environment, EnvironmentField, EnvironmentValue } from '../model/value.js';
import { ENVIRONMENT_FIELDS } from '../model/value.js';
import type { LiteralPolicyDocument, PolicyDocument } from '../policy/policy-document.js';
import { statementsOf } from '../policy/policy-document.js';
import { mapPolicyStrings } from '../policy/map-policy-strings.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { validateConditionBlock, validatePolicyDocument } from '../policy/validate-policy.js';
import { confusedDeputyGaps } from './confused-deputy-gaps.js';
import { buildGrantStatement, type GrantTarget } from './grant-statement.js';
import { actionNameProblems } from '../policy/action-names.js';
import { uniqueIdentifiers } from './identifiers.js';
import { validateLambdaStatements } from './lambda-permission.js';
import { fromDefinitionText, unknownPlaceholders } from './placeholders.js';
import { buildTrustStatement, waiverNotice } from './trust-statement.js';
import { buildFederatedTrust, judgeTrustPolicy } from './federated-trust-statement.js';
import { documentedKeys, noKeysNotice } from '../catalog/service-catalog.js';
import type { PrincipalUsage } from '../catalog/service-catalog.js';
import type { IntegrationKind } from '../catalog/service-catalog-entry.js';
import { validateEnvironmentValue } from './environment.js';

/** Where the definition came from and how to name its outputs. */
export interface NormalizeOptions {
  /** The file as given by the user. */
  readonly source: string;
  /** Base name for output files. */
  readonly baseName: string;
  /** Literal values for account / Region / partition fields the definition leaves `current` or makes parameters (`--set`); literals in the definition win. */
  readonly set?: Partial<Record<EnvironmentField, string>>;
}

/** The model, or the problems that prevent it. */
export type NormalizeResult = { readonly model: DeputyModel; readonly problems: readonly [] } | { readonly model?: undefined; readonly problems: readonly PathProblem[] };

/** Normalises a definition that passed the schema check. */
export function normalizeDefinition(definition: Definition, options: NormalizeOptions): NormalizeResult {
  const problems: PathProblem[] = [];
  const environment = resolveEnvironment(definition, options.set ?? {}, problems);
  problems.push(...placeholderProblems(definition, []));
  const roleIds = uniqueIdentifiers((definition.roles ?? []).map((role) => role.name));
  problems.push(...duplicateNames((definition.roles ?? []).map((role) => role.name), ['roles'], 'role'));
  problems.push(...duplicateNames((definition.resourcePolicies ?? []).map((policy) => policy.name), ['resourcePolicies'], 'resource policy'));
  const roles = (definition.roles ?? []).map((role, index) => normalizeRole(role, roleIds[index]!, environment, ['roles', index], problems));
  const policyIds = uniqueIdentifiers((definition.resourcePolicies ?? []).map((policy) => policy.name));
  const resourcePolicies = (definition.resourcePolicies ?? []).map((policy, index) =>
    normalizeResourcePolicy(policy, policyIds[index]!, environment, ['resourcePolicies', index], problems),
  );
  if (roles.length === 0 && resourcePolicies.length === 0) {
    problems.push({ code: 'empty-definition', message: 'the definition has no roles and no resource policies', hint: 'add roles: or resourcePolicies:', path: [] });
  }
  if (problems.length > 0) return { problems };
  return { model: { source: options.source, baseName: options.baseName, environment, roles, resourcePolicies }, problems: [] };
}

function resolveEnvironment(definition: Definition, set: Partial<Record<EnvironmentField, string>>, problems: PathProblem[]): Environment {
  const result: Partial<Record<EnvironmentField, EnvironmentValue>> = {};
  const parameterOwners = new Map<string, EnvironmentField>();
  for (const field of ENVIRONMENT_FIELDS) {
    const written = definition[field];
    const fixed = typeof written === 'string' && written !== 'current';
    const override = fixed ? undefined : set[field];
    const setting: EnvironmentSetting | undefined = override ?? written;
    const value = toEnvironmentValue(field, setting);
    const path = [field];
    problems.push(...validateEnvironmentValue(field, value, path, override !== undefined));
    if (value.kind === 'parameter') {
      const owner = parameterOwners.get(value.name);
      if (owner) problems.push({ code: 'duplicate-parameter', message: `parameter ${value.name} is already used for ${owner}`, hint: 'give each field its own parameter name', path });
      parameterOwners.set(value.name, field);
    }
    result[field] = value;
  }
  return result as Environment;
}

function toEnvironmentValue(field: EnvironmentField, setting: EnvironmentSetting | number | undefined): EnvironmentValue {
  if (setting === undefined || setting === 'current') return { kind: 'current' };
  if (typeof setting === 'number') return { kind: 'literal', value: String(setting) };
  if (typeof setting === 'string') return { kind: 'literal', value: setting };
  return { kind: 'parameter', name: setting.parameter, description: setting.description ?? defaultParameterDescription(field) };
}

function defaultParameterDescription(field: EnvironmentField): string {
  return { account: 'The 12-digit AWS account ID the policies refer to', region: 'The AWS Region the policies refer to', partition: 'The AWS partition (aws, aws-cn or aws-us-gov)' }[field];
}

function normalizeRole(role: RoleDefinition, id: string, environment: Environment, path: PathSegment[], problems: PathProblem[]): RoleModel {
  const notices: string[] = [];
  const waivers: WaiverRecord[] = [];
  let trustPolicy: PolicyDocument = { Version: '2012-10-17', Statement: [] };
  const federated = buildFederatedTrust(role, environment, path);
  problems.push(...federated.problems);
  notices.push(...federated.notices);
  if ((role.trustedFederation || role.trustedAccounts) && role.trustPolicy) {
    problems.push({ code: 'exclusive-fields', message: 'a role has either trustedFederation / trustedAccounts or trustPolicy, not both', hint: 'move the statements into trustPolicy, or drop trustPolicy', path: [...path, 'trustPolicy'] });
  }
  if (role.trustedServices && role.trustPolicy) {
    problems.push({ code: 'exclusive-fields', message: 'a role has either trustedServices or trustPolicy, not both', hint: 'move the services into trustPolicy, or drop trustPolicy', path: [...path, 'trustPolicy'] });
  } else if (role.trustedServices) {
    problems.push(...duplicateNames(role.trustedServices.map((t) => t.service), [...path, 'trustedServices'], 'trusted service', 'service'));
    const statements = role.trustedServices.map((trusted, index) => {
      const at = [...path, 'trustedServices', index];
      if (trusted.conditions) problems.push(...validateConditionBlock(trusted.conditions, [...at, 'conditions']));
      const result = buildTrustStatement(trusted, environment, at);
      problems.push(...result.problems);
      notices.push(...result.notices);
      if (result.waiver) waivers.push(result.waiver);
      return result.statement;
    });
    trustPolicy = { Version: '2012-10-17', Statement: [...statements.filter((s) => s !== undefined), ...federated.statements] };
  } else if (role.trustPolicy) {
    trustPolicy = checkedDocument(role.trustPolicy, [...path, 'trustPolicy'], environment, role.waiver?.reason, { notices, waivers }, problems, 'trust');
    const judged = judgeTrustPolicy(role.trustPolicy, [...path, 'trustPolicy'], environment);
    problems.push(...judged.problems);
    notices.push(...judged.notices);
  } else if (federated.statements.length > 0) {
    trustPolicy = { Version: '2012-10-17', Statement: federated.statements };
  } else {
    problems.push({ code: 'missing-trust', message: `role ${role.name} says nothing about who may assume it`, hint: 'add trustedServices: [{ service: … }] or trustPolicy', path });
  }
  if (role.waiver && !role.trustPolicy) {
    problems.push({ code: 'misplaced-waiver', message: 'a role-level waiver applies only to trustPolicy', hint: 'put the waiver on the trusted service it concerns', path: [...path, 'waiver'] });
  }
  const inlineIds = uniqueIdentifiers((role.inlinePolicies ?? []).map((policy) => policy.name));
  problems.push(...duplicateNames((role.inlinePolicies ?? []).map((policy) => policy.name), [...path, 'inlinePolicies'], 'inline policy'));
  const inlinePolicies: InlinePolicyModel[] = (role.inlinePolicies ?? []).map((policy, index) => ({
    name: policy.name,
    id: inlineIds[index]!,
    document: checkedDocument(policy.document, [...path, 'inlinePolicies', index, 'document'], environment, undefined, { notices: [], waivers: [] }, problems, 'trust'),
  }));
  return {
    name: role.name,
    id,
    ...(role.description !== undefined ? { description: role.description } : {}),
    ...(role.path !== undefined ? { path: role.path } : {}),
    ...(role.maxSessionDuration !== undefined ? { maxSessionDuration: role.maxSessionDuration } : {}),
    ...(role.permissionsBoundary !== undefined ? { permissionsBoundary: fromDefinitionText(role.permissionsBoundary, environment) } : {}),
    trustPolicy,
    inlinePolicies,
    managedPolicyArns: (role.managedPolicyArns ?? []).map((arn) => fromDefinitionText(arn, environment)),
    tags: Object.entries(role.tags ?? {}).map(([key, value]) => ({ key, value })),
    notices,
    ...(waivers.length > 0 ? { waivers } : {}),
    ...(role.trustPolicy !== undefined && role.waiver?.reason !== undefined ? { policyWaiver: role.waiver.reason } : {}),
  };
}

function normalizeResourcePolicy(policy: ResourcePolicyDefinition, id: string, environment: Environment, path: PathSegment[], problems: PathProblem[]): ResourcePolicyModel {
  const notices: string[] = [];
  const waivers: WaiverRecord[] = [];
  const attachment = toAttachment(policy, environment);
  const usage = attachment.type === 'document' ? 'resource' : attachment.type;
  const written = policy.document ? checkedDocument(policy.document, [...path, 'document'], environment, policy.waiver?.reason, { notices, waivers }, problems, usage) : undefined;
  if (policy.document && attachment.type === 'lambda-permission') problems.push(...validateLambdaStatements(policy.document, [...path, 'document']));
  const target = grantTarget(policy);
  const granted = (policy.grants ?? []).map((grant, index) => buildGrantStatement(grant, target, environment, [...path, 'grants', index]));
  for (const result of granted) {
    problems.push(...result.problems);
    notices.push(...result.notices);
  }
  const grantStatements = granted.flatMap((result) => (result.statement ? [result.statement] : []));
  const document: PolicyDocument =
    grantStatements.length === 0 && written ? written : { Version: written?.Version ?? '2012-10-17', ...(written?.Id !== undefined ? { Id: written.Id } : {}), Statement: [...(written ? statementsOf(written) : []), ...grantStatements] };
  return { name: policy.name, id, attachment, document, notices, ...(waivers.length > 0 ? { waivers } : {}), ...(policy.waiver?.reason !== undefined ? { policyWaiver: policy.waiver.reason } : {}) };
}

/** The integration of a resource policy and the ARNs its attached resource has, as definition text. */
function grantTarget(policy: ResourcePolicyDefinition): GrantTarget {
  const target = policy.attachTo;
  if (target?.s3Bucket !== undefined) {
    const bucket = target.s3Bucket.startsWith('arn:') ? target.s3Bucket.replace(/^arn:[^:]*:s3:::/, '') : target.s3Bucket;
    return { kind: 's3-bucket', defaultResources: [`arn:{{partition}}:s3:::${bucket}`, `arn:{{partition}}:s3:::${bucket}/*`] };
  }
  if (target?.snsTopic !== undefined) return { kind: 'sns-topic', defaultResources: [target.snsTopic] };
  if (target?.sqsQueue !== undefined) {
    const url = /^https:\/\/sqs\.([^/]+)\.amazonaws\.com(\.cn)?\/([^/]+)\/([^/]+)$/.exec(target.sqsQueue);
    const arn = target.sqsQueue.startsWith('arn:') ? target.sqsQueue : url ? `arn:${url[2] ? 'aws-cn' : '{{partition}}'}:sqs:${url[1]}:${url[3]}:${url[4]}` : undefined;
    return { kind: 'sqs-queue', defaultResources: arn ? [arn] : [] };
  }
  if (target?.lambdaFunction !== undefined) {
    const name = target.lambdaFunction;
    const arn = name.startsWith('arn:') ? name : /^\d{12}:function:/.test(name) ? `arn:{{partition}}:lambda:{{region}}:${name}` : `arn:{{partition}}:lambda:{{region}}:{{account}}:function:${name}`;
    return { kind: 'lambda-permission', defaultResources: [arn] };
  }
  return { kind: 'resource', defaultResources: [] };
}

function toAttachment(policy: ResourcePolicyDefinition, environment: Environment): ResourceAttachment {
  const target = policy.attachTo;
  if (target?.s3Bucket !== undefined) return { type: 's3-bucket', bucket: fromDefinitionText(target.s3Bucket, environment) };
  if (target?.snsTopic !== undefined) return { type: 'sns-topic', topicArn: fromDefinitionText(target.snsTopic, environment) };
  if (target?.sqsQueue !== undefined) return { type: 'sqs-queue', queueUrl: fromDefinitionText(target.sqsQueue, environment) };
  if (target?.lambdaFunction !== undefined) return { type: 'lambda-permission', functionName: fromDefinitionText(target.lambdaFunction, environment) };
  return { type: 'document' };
}

/** Grammar-checks a literal document, refuses unprotected service principals unless waived, and converts placeholders. */
function checkedDocument(
  document: LiteralPolicyDocument,
  path: PathSegment[],
  environment: Environment,
  waiverReason: string | undefined,
  remarks: { notices: string[]; waivers: WaiverRecord[] },
  problems: PathProblem[],
  usage: PrincipalUsage | IntegrationKind,
): PolicyDocument {
  const grammar = validatePolicyDocument(document, path);
  problems.push(...grammar);
  if (grammar.length > 0) return { Statement: [] };
  problems.push(...actionNameProblems(document, path));
  for (const gap of confusedDeputyGaps(document, usage)) {
    if (gap.exempt && gap.entry) remarks.notices.push(noKeysNotice(gap.entry, gap.usage));
    else if (waiverReason !== undefined) {
      const waiver = { service: gap.principal, reason: waiverReason };
      remarks.waivers.push(waiver);
      remarks.notices.push(waiverNotice(waiver));
    } else {
      problems.push({
        code: 'confused-deputy',
        message: `statement ${gap.statementIndex + 1}${gap.sid ? ` (${gap.sid})` : ''} trusts ${gap.principal} without aws:SourceAccount, aws:SourceArn or aws:SourceOrgID`,
        hint: gap.entry
          ? `add the conditions AWS documents for ${gap.entry.name} (${documentedKeys(gap.entry, gap.usage).join(' + ')}), ${usage === 'trust' ? 'use trustedServices, ' : ''}or add a waiver with a reason`
          : 'add aws:SourceAccount / aws:SourceArn conditions, or a waiver with a reason',
        path: [...path, ...(Array.isArray(document.Statement) ? ['Statement', gap.statementIndex] : ['Statement'])],
      });
    }
  }
  return mapPolicyStrings(document, (text) => fromDefinitionText(text, environment));
}

function placeholderProblems(value: unknown, path: PathSegment[]): PathProblem[] {
  if (typeof value === 'string') {
    return unknownPlaceholders(value).map((name) => ({
      code: 'unknown-placeholder',
      message: `unknown placeholder {{${name}}}`,
      hint: 'the placeholders are {{account}}, {{region}} and {{partition}}',
      path,
    }));
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderProblems(item, [...path, index]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, item]) => placeholderProblems(item, [...path, key]));
  return [];
}

function duplicateNames(names: readonly string[], path: PathSegment[], what: string, field = 'name'): PathProblem[] {
  const seen = new Set<string>();
  const problems: PathProblem[] = [];
  names.forEach((name, index) => {
    if (seen.has(name)) problems.push({ code: 'duplicate-name', message: `duplicate ${what} ${JSON.stringify(name)}`, hint: `${what} names must be unique`, path: [...path, index, field] });
    seen.add(name);
  });
  return problems;
}
