/**
 * Scenarios for trust beyond service principals, run through deputy's evaluator: for each federated
 * provider an Allow statement trusts, the intended workload's token must be allowed and a token of another
 * owner (another GitHub organization, GitLab group, Kubernetes namespace, or another application of a
 * generic provider) denied; a sibling identity of the same owner and a foreign audience are advisory
 * (they decide warnings, never the verdict), except the `default` service account under
 * `system:serviceaccount:NS:*`, which any pod of the namespace runs as. For an account trusted as a whole, a call without
 * `sts:ExternalId` is advisory too. The subjects come from `@deputy/policy-model`'s provider reading, the
 * same one `emit` and `lint` judge with, so the three agree: an error there is a FAIL here.
 */
import type { FederatedProvider, LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import {
  accountOfRoot,
  claimKeys,
  federatedAction,
  foreignOwnerSubject,
  intendedSubject,
  listOf,
  matchesEveryServiceAccount,
  parseConditionOperator,
  providerOfKeys,
  providerOfPrincipal,
  siblingSubject,
  statementsOf,
  STS_AUDIENCE,
  subjectRequired,
  subjectScope,
} from '@deputy/policy-model';
import { evaluatePolicy } from '../evaluator/evaluate-policy.js';
import type { Decision } from '../evaluator/evaluation-result.js';
import type { EvaluationRequest, RequestContext } from '../evaluator/request.js';

/** The federated scenarios, in the order they run. */
export const FEDERATED_SCENARIO_NAMES = ['intended-identity', 'foreign-owner', 'sibling-identity', 'foreign-audience', 'without-external-id'] as const;

/** One federated scenario. */
export type FederatedScenarioName = (typeof FEDERATED_SCENARIO_NAMES)[number];

/** One evaluated federated scenario. */
export interface FederatedScenarioResult {
  /** Which scenario. */
  readonly scenario: FederatedScenarioName;
  /** The token or call simulated, in words. */
  readonly description: string;
  /** Allow for the intended identity, Deny for the others. */
  readonly expected: 'Allow' | 'Deny';
  /** The policy's decision. */
  readonly actual: Decision;
  /** True for scenarios that decide a warning, not the verdict. */
  readonly advisory: boolean;
  /** Whether the decision is the expected one. */
  readonly pass: boolean;
  /** Why the policy decided so. */
  readonly decidedBy: string;
  /** The request evaluated, for reproduction. */
  readonly request: EvaluationRequest;
}

/** The verification of one federated (or whole-account) principal of a trust policy. */
export interface FederatedVerification {
  /** The statement that trusts it. */
  readonly statementIndex: number;
  /** The principal as written (provider ARN, web identity provider, account root). */
  readonly principal: string;
  /** The provider, or `account` for an account trusted as a whole. */
  readonly provider: FederatedProvider['kind'] | 'account';
  /** Every scenario. */
  readonly scenarios: readonly FederatedScenarioResult[];
  /** True when every scenario that is not advisory passed. */
  readonly passed: boolean;
}

const FOREIGN_AUDIENCE = 'https://deputy-foreign.example.com';

/** Verifies every federated and whole-account principal of the Allow statements of a trust policy. */
export function verifyFederatedTrust(document: LiteralPolicyDocument): FederatedVerification[] {
  const results: FederatedVerification[] = [];
  const seen = new Set<string>();
  statementsOf(document).forEach((statement, statementIndex) => {
    if (statement.Effect !== 'Allow' || !statement.Principal || statement.Principal === '*') return;
    const keys = Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block));
    for (const principal of listOf(statement.Principal.Federated)) {
      const provider = providerOfPrincipal(principal) ?? providerOfKeys(keys);
      if (!provider || seen.has(principal)) continue;
      seen.add(principal);
      results.push(federatedScenarios(document, statement, statementIndex, principal, provider));
    }
    for (const principal of listOf(statement.Principal.AWS)) {
      const account = accountOfRoot(principal);
      if (account === undefined || seen.has(principal)) continue;
      seen.add(principal);
      results.push(accountScenarios(document, statementIndex, principal, account));
    }
  });
  return results;
}

function federatedScenarios(document: LiteralPolicyDocument, statement: Statement<string>, statementIndex: number, principal: string, provider: FederatedProvider): FederatedVerification {
  const { subject, audience } = claimKeys(provider);
  const subjects = positiveValues(statement, subject);
  const audiences = positiveValues(statement, audience);
  const intendedAudience = audiences[0] ?? (subjectRequired(provider) ? STS_AUDIENCE : 'deputy-verify-audience');
  const base = otherClaims(statement, [subject, audience]);
  const intended = intendedSubject(provider, subjects[0]);
  const request = (sub: string, aud: string): EvaluationRequest => ({
    principal: { type: 'Federated', id: principal },
    action: federatedAction(provider),
    context: { ...base, [subject]: sub, [audience]: aud },
  });
  const foreignApplication = !subjectRequired(provider);
  const scenarios: FederatedScenarioResult[] = [
    run(document, 'intended-identity', `a token for ${intended}`, request(intended, intendedAudience), 'Allow', false),
    run(
      document,
      'foreign-owner',
      foreignApplication ? 'a token issued to another application of the provider' : `a token for ${foreignOwnerSubject(provider, subjects)}`,
      request(foreignOwnerSubject(provider, subjects), foreignApplication ? FOREIGN_AUDIENCE : intendedAudience),
      'Deny',
      false,
    ),
  ];
  const everyAccount = subjects.find((pattern) => subjectScope(provider, pattern) === 'group' && matchesEveryServiceAccount(provider, pattern));
  const sibling = everyAccount !== undefined ? everyAccount.replace(/[*?]+$/, 'default') : siblingSubject(provider, subjects);
  if (sibling !== undefined) scenarios.push(run(document, 'sibling-identity', `a token for ${sibling}`, request(sibling, intendedAudience), 'Deny', everyAccount === undefined));
  if (!foreignApplication) scenarios.push(run(document, 'foreign-audience', `a token for ${intended} with audience ${FOREIGN_AUDIENCE}`, request(intended, FOREIGN_AUDIENCE), 'Deny', true));
  return { statementIndex, principal, provider: provider.kind, scenarios, passed: scenarios.every((scenario) => scenario.pass || scenario.advisory) };
}

function accountScenarios(document: LiteralPolicyDocument, statementIndex: number, principal: string, account: string): FederatedVerification {
  const partition = /^arn:([^:]+):/.exec(principal)?.[1] ?? 'aws';
  const request: EvaluationRequest = { principal: { type: 'AWS', id: `arn:${partition}:sts::${account}:assumed-role/deputy-verify-caller/session` }, action: 'sts:AssumeRole', context: {} };
  const scenarios = [run(document, 'without-external-id', `a role of ${account} calling without sts:ExternalId or an organization`, request, 'Deny', true)];
  return { statementIndex, principal, provider: 'account', scenarios, passed: true };
}

function run(document: LiteralPolicyDocument, scenario: FederatedScenarioName, description: string, request: EvaluationRequest, expected: 'Allow' | 'Deny', advisory: boolean): FederatedScenarioResult {
  const result = evaluatePolicy(document, request);
  const pass = expected === 'Allow' ? result.decision === 'Allow' : result.decision !== 'Allow';
  return { scenario, description, expected, actual: result.decision, advisory, pass, decidedBy: result.explanation, request };
}

/** The values of positive string operators (StringEquals, StringLike, their set and IfExists forms) on `key`. */
function positiveValues(statement: Statement<string>, key: string): string[] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, block]) => {
    const base = parseConditionOperator(operator.trim())?.base;
    if (base !== 'StringEquals' && base !== 'StringLike' && base !== 'StringEqualsIgnoreCase') return [];
    return Object.entries(block)
      .filter(([name]) => name.toLowerCase() === key.toLowerCase())
      .flatMap(([, values]) => listOf(values).map(String));
  });
}

/** Claims the statement tests besides subject and audience (`amr`, GitHub's `job_workflow_ref`…), given a value that satisfies them. */
function otherClaims(statement: Statement<string>, except: readonly string[]): RequestContext {
  const context: Record<string, string> = {};
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    const base = parseConditionOperator(operator.trim())?.base;
    if (base !== 'StringEquals' && base !== 'StringLike') continue;
    for (const [key, values] of Object.entries(block)) {
      if (except.some((name) => name.toLowerCase() === key.toLowerCase()) || key.toLowerCase().startsWith('aws:')) continue;
      const first = listOf(values)[0];
      if (first !== undefined) context[key] = String(first).replace(/\*/g, 'main').replace(/\?/g, 'x');
    }
  }
  return context;
}
