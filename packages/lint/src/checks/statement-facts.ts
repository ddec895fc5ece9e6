/** Facts about a statement that several rules share: its service principals, usage, keys and inferred environment. */
import { integrationKindOfActions, integrationKindOfResourceType, serviceByPrincipal, type IntegrationKind, type PrincipalMatch } from '@deputy/policy-model';
import type { LocatedValue } from '../located/located-value.js';
import { isAccountId, isRegionName, readArn } from '../policy/arn-text.js';
import type { FoundPolicy, PolicyUsage } from '../policy/found-policy.js';
import type { ConditionClause, StatementView } from '../policy/policy-view.js';
import { literalTextOf, regionalPrincipalService, textPartsOf } from '../policy/text-value.js';
import { rememberLast } from './remember-last.js';

/** A service principal of a statement, with its catalog entry when deputy knows the service. */
export interface ServicePrincipal {
  /** The value as written. */
  readonly value: LocatedValue;
  /** The principal text, when literal. */
  readonly text?: string;
  /** The catalog match (entry and Region of a regional form). */
  readonly match?: PrincipalMatch;
}

/** The literal account, Region and partition a statement's ARNs agree on, used to fill in fixes. */
export interface InferredEnvironment {
  /** The one account ID named, if exactly one is. */
  readonly account?: string;
  /** The one Region named, if exactly one is. */
  readonly region?: string;
  /** The one partition named, if exactly one is. */
  readonly partition?: string;
}

const TRUST_ACTION = /^sts:(\*|AssumeRole.*|TagSession|SetSourceIdentity)$/i;

/** Actions that only decorate a session another statement grants (tags, source identity, context). */
const SESSION_ONLY_ACTION = /^sts:(TagSession|SetSourceIdentity|SetContext)$/i;

/**
 * True when the statement allows only session decorations (`sts:TagSession`, `sts:SetSourceIdentity`,
 * `sts:SetContext`) and no `sts:AssumeRole*`: on its own it lets no service assume the role.
 */
export function isSessionOnlyStatement(statement: StatementView): boolean {
  if (statement.notActions || statement.actions.length === 0) return false;
  return statement.actions.every((action) => SESSION_ONLY_ACTION.test(literalTextOf(action) ?? ''));
}

/**
 * The service principals a statement trusts. A statement that only allows session decorations
 * ({@link isSessionOnlyStatement}) trusts none: the service cannot be confused into using it.
 */
export function servicePrincipalsOf(statement: StatementView): readonly ServicePrincipal[] {
  return lastServicePrincipals(statement);
}

/** {@link servicePrincipalsOf} the statement the rules are reading, read once (every rule asks, several twice). */
const lastServicePrincipals = rememberLast(readServicePrincipals);

function readServicePrincipals(statement: StatementView): readonly ServicePrincipal[] {
  if (isSessionOnlyStatement(statement)) return [];
  return (statement.principal?.services ?? []).map((value) => {
    const text = literalTextOf(value);
    if (text === undefined) return regionalPrincipalWithOpaqueRegion(value) ?? { value };
    const match = serviceByPrincipal(text);
    return { value, text, ...(match ? { match } : {}) };
  });
}

/**
 * A regional principal whose Region is known only at deploy time (`logs.${var.region}.amazonaws.com`,
 * `!Sub logs.${AWS::Region}.amazonaws.com`): the entry it belongs to, without a Region.
 */
function regionalPrincipalWithOpaqueRegion(value: LocatedValue): ServicePrincipal | undefined {
  const parts = textPartsOf(value);
  if (parts === undefined || parts.filter((part) => typeof part !== 'string').length !== 1) return undefined;
  const written = parts.map((part) => (typeof part === 'string' ? part : part.opaque)).join('');
  const sample = parts.map((part) => (typeof part === 'string' ? part : 'us-east-1')).join('');
  const match = serviceByPrincipal(sample);
  if (match?.region !== undefined) return { value, text: written, match: { entry: match.entry } };
  const global = regionalPrincipalService(value);
  const entry = global === undefined ? undefined : serviceByPrincipal(global)?.entry;
  return entry ? { value, text: written, match: { entry } } : undefined;
}

/**
 * Where the statement's principal appears: the policy's stated usage; else `trust` for a policy that names
 * no Resource in any statement (a role trust policy written on its own: resource policies name their
 * resource); else `trust` when the statement itself allows sts:AssumeRole*.
 */
export function usageOf(policy: FoundPolicy, statement: StatementView): PolicyUsage {
  if (policy.usage) return policy.usage;
  if (policy.statements.every((view) => view.resources.length === 0)) return 'trust';
  return statement.actions.some((action) => TRUST_ACTION.test(literalTextOf(action) ?? '')) ? 'trust' : 'resource';
}

/**
 * The integration a statement serves, which decides the keys the service sends: a role trust; the resource
 * policy of the resource type that holds the policy (`aws_s3_bucket_policy`, `AWS::SNS::TopicPolicy` …);
 * else the resource type its actions name; else a resource policy of unknown kind.
 */
export function integrationOf(policy: FoundPolicy, statement: StatementView): IntegrationKind | 'resource' {
  if (lastIntegration?.statement !== statement || lastIntegration.policy !== policy) lastIntegration = { policy, statement, integration: readIntegration(policy, statement) };
  return lastIntegration.integration;
}

/** {@link integrationOf} the statement the rules are reading, with its policy (several rules ask). */
let lastIntegration: { readonly policy: FoundPolicy; readonly statement: StatementView; readonly integration: IntegrationKind | 'resource' } | undefined;

function readIntegration(policy: FoundPolicy, statement: StatementView): IntegrationKind | 'resource' {
  if (usageOf(policy, statement) === 'trust') return 'role-trust';
  const byType = policy.integration ?? (policy.resourceType !== undefined ? integrationKindOfResourceType(policy.resourceType) : undefined);
  if (byType !== undefined && byType !== 'role-trust') return byType;
  const actions = statement.actions.map((action) => literalTextOf(action)).filter((action): action is string => action !== undefined);
  const byActions = integrationKindOfActions(actions);
  return byActions !== undefined && byActions !== 'role-trust' ? byActions : 'resource';
}

/** The clauses of a condition key, compared case-insensitively as IAM does. */
export function clausesOf(statement: StatementView, key: string): readonly ConditionClause[] {
  return lastClauseIndex(statement).get(key.toLowerCase()) ?? NO_CLAUSES;
}

/** The clauses of the statement the rules are reading by lower-cased key, indexed once (the rules ask for several keys each). */
const lastClauseIndex = rememberLast(clauseIndexOf);

const NO_CLAUSES: readonly ConditionClause[] = Object.freeze([]);

/** The index of a statement without conditions. */
const NO_CLAUSE_INDEX: ReadonlyMap<string, readonly ConditionClause[]> = new Map();

function clauseIndexOf(statement: StatementView): ReadonlyMap<string, readonly ConditionClause[]> {
  if (statement.condition.clauses.length === 0) return NO_CLAUSE_INDEX;
  const byKey = new Map<string, ConditionClause[]>();
  for (const clause of statement.condition.clauses) {
    const key = clause.key.toLowerCase();
    const clauses = byKey.get(key);
    if (clauses === undefined) byKey.set(key, [clause]);
    else clauses.push(clause);
  }
  return byKey;
}

/** Infers the literal environment from the statement, then from the whole policy. */
export function inferEnvironment(policy: FoundPolicy, statement: StatementView): InferredEnvironment {
  const fromStatement = namedEnvironment(statement);
  const fromPolicy = policy.statements.length === 1 && policy.statements[0] === statement ? fromStatement : policyEnvironment(policy);
  const principals = servicePrincipalsOf(statement);
  const principalRegion = principals.find((service) => service.match?.region)?.match?.region;
  const principalPartition = principals.some((service) => service.text?.endsWith('.amazonaws.com.cn')) ? 'aws-cn' : undefined;
  const account = onlyValue(fromStatement.account) ?? onlyValue(fromPolicy.account);
  const region = principalRegion ?? onlyValue(fromStatement.region) ?? onlyValue(fromPolicy.region);
  const partition = onlyValue(fromStatement.partition) ?? onlyValue(fromPolicy.partition) ?? principalPartition;
  return { ...(account ? { account } : {}), ...(region ? { region } : {}), ...(partition ? { partition } : {}) };
}

/**
 * What statements name of one field (account, Region or partition): nothing (undefined), one value, or
 * several different values (null).
 */
type Named = string | null | undefined;

/** The literal accounts, Regions and partitions statements name (in aws:SourceAccount, aws:SourceArn and their resources). */
interface NamedEnvironment {
  readonly account: Named;
  readonly region: Named;
  readonly partition: Named;
}

/** What two readings name together. */
function together(a: Named, b: Named): Named {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a === b ? a : null;
}

/** The one value named, if exactly one is. */
function onlyValue(named: Named): string | undefined {
  return named ?? undefined;
}

function policyEnvironment(policy: FoundPolicy): NamedEnvironment {
  return lastPolicyEnvironment(policy.statements);
}

/** What the statements of the policy the rules are reading name together, read once per policy (every statement of it asks). */
const lastPolicyEnvironment = rememberLast((statements: readonly StatementView[]): NamedEnvironment => {
  let account: Named;
  let region: Named;
  let partition: Named;
  for (const statement of statements) {
    const named = namedEnvironmentOf(statement);
    account = together(account, named.account);
    region = together(region, named.region);
    partition = together(partition, named.partition);
  }
  return { account, region, partition };
});

/** {@link namedEnvironmentOf} the statement the rules are reading. */
const namedEnvironment = rememberLast(namedEnvironmentOf);

function namedEnvironmentOf(statement: StatementView): NamedEnvironment {
  let account: Named;
  let region: Named;
  let partition: Named;
  for (const clause of clausesOf(statement, 'aws:SourceAccount')) {
    for (const item of clause.items) {
      const text = literalTextOf(item);
      if (isAccountId(text)) account = together(account, text);
    }
  }
  const arnValues = [...statement.resources, ...clausesOf(statement, 'aws:SourceArn').flatMap((clause) => clause.items)];
  for (const value of arnValues) {
    const parts = textPartsOf(value);
    const reading = parts === undefined ? undefined : readArn(parts);
    if (reading?.kind !== 'arn') continue;
    if (isAccountId(reading.fields.account)) account = together(account, reading.fields.account);
    if (isRegionName(reading.fields.region)) region = together(region, reading.fields.region);
    if (reading.fields.partition && /^aws(-[a-z]+)*$/.test(reading.fields.partition)) partition = together(partition, reading.fields.partition);
  }
  return { account, region, partition };
}
