/**
 * Builds the trust statements of `trustedFederation` and `trustedAccounts` with exactly the conditions the
 * providers document, and judges them (and a raw `trustPolicy`) with {@link judgeTrustStatement}: an error
 * becomes a problem (emit exits 2), a warning a notice printed with the output.
 *
 * Subjects: GitHub `repo:OWNER/REPO:ref:refs/heads/BRANCH`, `…:ref:refs/tags/TAG`, `…:environment:NAME`,
 * `…:pull_request`, `repo:OWNER/REPO:*` (any ref); GitLab `project_path:GROUP/PROJECT:ref_type:TYPE:ref:REF`;
 * EKS `system:serviceaccount:NAMESPACE:NAME`. StringEquals, StringLike only for a value with a wildcard.
 */
import type { RoleDefinition } from '../definition/definition.js';
import type { TrustedAccountDefinition, TrustedFederationDefinition } from '../definition/federated-trust.js';
import type { PathSegment } from '../load/source-document.js';
import type { Environment, PolicyString, Reference } from '../model/value.js';
import { interpolate, isInterpolation } from '../model/value.js';
import { GITHUB_ACTIONS_ISSUER, GITLAB_COM_ISSUER, SAML_SIGNIN_AUDIENCE, STS_AUDIENCE, hasWildcard } from '../policy/federated-provider.js';
import { judgeTrustStatement, type FederatedFinding, type TrustStatementFacts } from '../policy/federated-trust-judgement.js';
import type { ConditionBlock, ConditionKeyMap, LiteralPolicyDocument, Statement } from '../policy/policy-document.js';
import { listOf, statementsOf } from '../policy/policy-document.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { mapPolicyStrings } from '../policy/map-policy-strings.js';
import { environmentPart, fromDefinitionText } from './placeholders.js';

/** The statements of a role's federated and cross-account trust, with their notices and problems. */
export interface FederatedTrustResult {
  /** One statement per item, in order (federation first, then accounts). */
  readonly statements: Statement[];
  /** Warnings of the judgement and waivers, printed with the output. */
  readonly notices: string[];
  /** Errors of the judgement. */
  readonly problems: PathProblem[];
}

const WELL_KNOWN_WEB_IDENTITY = ['accounts.google.com', 'cognito-identity.amazonaws.com', 'graph.facebook.com', 'www.amazon.com'];

/** Builds and judges the `trustedFederation` and `trustedAccounts` statements of `role`, found at `path`. */
export function buildFederatedTrust(role: RoleDefinition, environment: Environment, path: readonly PathSegment[]): FederatedTrustResult {
  const result: FederatedTrustResult = { statements: [], notices: [], problems: [] };
  (role.trustedFederation ?? []).forEach((item, index) => {
    const kind = Object.keys(item)[0] as keyof TrustedFederationDefinition;
    const statement = federationStatement(item, environment);
    addJudged(result, statement, [...path, 'trustedFederation', index, kind], environment, undefined);
  });
  (role.trustedAccounts ?? []).forEach((item, index) => {
    addJudged(result, accountStatement(item, environment), [...path, 'trustedAccounts', index], environment, item.waiver?.reason);
  });
  return result;
}

/**
 * The judgement of every Allow statement of a raw trust policy: errors as problems, warnings as notices (the
 * role's waiver concerns service principals only).
 */
export function judgeTrustPolicy(document: LiteralPolicyDocument, path: readonly PathSegment[], environment: Environment): { notices: string[]; problems: PathProblem[] } {
  const notices: string[] = [];
  const problems: PathProblem[] = [];
  const many = Array.isArray(document.Statement);
  statementsOf(mapPolicyStrings(document, (text) => fromDefinitionText(text, environment))).forEach((statement, index) => {
    if (statement.Effect !== 'Allow') return;
    const at = [...path, 'Statement', ...(many ? [index] : [])];
    const clauses = Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) => Object.keys(keys).map((key) => ['Condition', operator, key]));
    for (const finding of judgeTrustStatement(factsOf(statement, environment))) {
      report(finding, finding.clauseIndex === undefined ? at : [...at, ...clauses[finding.clauseIndex]!], undefined, notices, problems);
    }
  });
  return { notices, problems };
}

function addJudged(result: FederatedTrustResult, statement: Statement, path: readonly PathSegment[], environment: Environment, waiverReason: string | undefined): void {
  result.statements.push(statement);
  for (const finding of judgeTrustStatement(factsOf(statement, environment))) report(finding, path, waiverReason, result.notices, result.problems);
}

/**
 * Errors are problems, never waived: a trust another owner's token satisfies is not a missing key a service
 * cannot send, and lint and verify would reject the output. A waiver turns a warning into a recorded reason.
 */
function report(finding: FederatedFinding, path: readonly PathSegment[], waiverReason: string | undefined, notices: string[], problems: PathProblem[]): void {
  if (finding.severity === 'error') {
    problems.push({ code: `federated-${finding.kind}`, message: finding.message, hint: finding.hint, path });
  } else if (waiverReason !== undefined) {
    notices.push(`Accepted by waiver (${finding.message}): ${waiverReason}`);
  } else {
    notices.push(`Warning: ${finding.message} (${finding.hint})`);
  }
}

function federationStatement(item: TrustedFederationDefinition, environment: Environment): Statement {
  if (item.githubActions) {
    const trust = item.githubActions;
    const issuer = trust.issuer ?? GITHUB_ACTIONS_ISSUER;
    const scope = trust.branch !== undefined ? `ref:refs/heads/${trust.branch}` : trust.tag !== undefined ? `ref:refs/tags/${trust.tag}` : trust.environment !== undefined ? `environment:${trust.environment}` : trust.pullRequest ? 'pull_request' : '*';
    return webIdentity(oidcProvider(issuer, trust.providerArn, environment), issuer, trust.audience ?? STS_AUDIENCE, `repo:${trust.repository}:${scope}`, environment);
  }
  if (item.gitlab) {
    const trust = item.gitlab;
    const issuer = hostOf(trust.issuer ?? GITLAB_COM_ISSUER);
    const scope = trust.ref !== undefined ? `ref_type:${trust.refType ?? 'branch'}:ref:${trust.ref}` : '*';
    return webIdentity(oidcProvider(issuer, trust.providerArn, environment), issuer, trust.audience ?? `https://${issuer}`, `project_path:${trust.project}:${scope}`, environment);
  }
  if (item.eksServiceAccount) {
    const trust = item.eksServiceAccount;
    const issuer = hostOf(trust.issuer);
    return webIdentity(oidcProvider(issuer, trust.providerArn, environment), issuer, trust.audience ?? STS_AUDIENCE, `system:serviceaccount:${trust.namespace}:${trust.serviceAccount}`, environment);
  }
  if (item.oidc) {
    const trust = item.oidc;
    const issuer = hostOf(trust.issuer);
    const principal = trust.providerArn === undefined && WELL_KNOWN_WEB_IDENTITY.includes(issuer) ? issuer : oidcProvider(issuer, trust.providerArn, environment);
    return webIdentity(principal, issuer, trust.audience, trust.subject, environment);
  }
  if (item.saml) {
    const trust = item.saml;
    return {
      Effect: 'Allow',
      Principal: { Federated: arn(environment, `saml-provider/${trust.provider}`) },
      Action: trust.tagSession ? ['sts:AssumeRoleWithSAML', 'sts:TagSession'] : 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': trust.audience ?? SAML_SIGNIN_AUDIENCE } },
    };
  }
  throw new Error('invariant: a trustedFederation item names no provider (the schema requires one)');
}

function webIdentity(principal: PolicyString, issuer: string, audience: string | undefined, subject: string | undefined, environment: Environment): Statement {
  const exact: Record<string, PolicyString> = {};
  const like: Record<string, PolicyString> = {};
  if (audience !== undefined) exact[`${issuer}:aud`] = fromDefinitionText(audience, environment);
  if (subject !== undefined) (hasWildcard(subject) ? like : exact)[`${issuer}:sub`] = fromDefinitionText(subject, environment);
  const condition: Record<string, ConditionKeyMap> = {};
  if (Object.keys(exact).length > 0) condition['StringEquals'] = exact;
  if (Object.keys(like).length > 0) condition['StringLike'] = like;
  return { Effect: 'Allow', Principal: { Federated: principal }, Action: 'sts:AssumeRoleWithWebIdentity', ...(Object.keys(condition).length > 0 ? { Condition: condition as ConditionBlock } : {}) };
}

function accountStatement(item: TrustedAccountDefinition, environment: Environment): Statement {
  const principals = item.roleArns !== undefined ? item.roleArns.map((value) => fromDefinitionText(value, environment)) : [accountRoot(item.account!, environment)];
  const exact: Record<string, PolicyString> = {};
  if (item.externalId !== undefined) exact['sts:ExternalId'] = item.externalId;
  if (item.principalOrgId !== undefined) exact['aws:PrincipalOrgID'] = item.principalOrgId;
  const condition: Record<string, ConditionKeyMap> = {};
  if (Object.keys(exact).length > 0) condition['StringEquals'] = exact;
  if (item.principalOrgPaths !== undefined) condition['ForAnyValue:StringLike'] = { 'aws:PrincipalOrgPaths': item.principalOrgPaths.length === 1 ? item.principalOrgPaths[0]! : [...item.principalOrgPaths] };
  return {
    Effect: 'Allow',
    Principal: { AWS: principals.length === 1 ? principals[0]! : principals },
    Action: item.tagSession ? ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] : 'sts:AssumeRole',
    ...(Object.keys(condition).length > 0 ? { Condition: condition as ConditionBlock } : {}),
  };
}

function accountRoot(account: string, environment: Environment): PolicyString {
  const value = fromDefinitionText(account, environment);
  return interpolate(['arn:', environmentPart('partition', environment), ':iam::', ...(isInterpolation(value) ? value.parts : [value]), ':root']);
}

function oidcProvider(issuer: string, providerArn: string | undefined, environment: Environment): PolicyString {
  return providerArn !== undefined ? fromDefinitionText(providerArn, environment) : arn(environment, `oidc-provider/${issuer}`);
}

function arn(environment: Environment, resource: string): PolicyString {
  return interpolate(['arn:', environmentPart('partition', environment), ':iam::', environmentPart('account', environment), `:${resource}`]);
}

function hostOf(issuer: string): string {
  return issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** The statement as the judgement reads it: references become sample text (they never contain a wildcard). */
function factsOf(statement: Statement<PolicyString>, environment: Environment): TrustStatementFacts {
  const principal = statement.Principal === undefined || statement.Principal === '*' ? undefined : statement.Principal;
  const own = environment.account.kind === 'literal' ? environment.account.value : undefined;
  return {
    federated: listOf(principal?.Federated).map(sampleText),
    aws: listOf(principal?.AWS).map(sampleText),
    clauses: Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
      Object.entries(keys).map(([key, value]) => ({ operator, key, values: listOf(value).map((item) => (typeof item === 'boolean' || typeof item === 'number' ? String(item) : sampleText(item))) })),
    ),
    conditionsUnknown: false,
    ownAccount: own ?? SAMPLE.account,
  };
}

const SAMPLE: { readonly [field in Reference['field']]: string } = { account: '000000000000', region: 'us-east-1', partition: 'aws' };

function sampleText(value: PolicyString): string {
  if (!isInterpolation(value)) return value;
  return value.parts.map((part) => (typeof part === 'string' ? part : SAMPLE[part.field])).join('');
}
