/** The scenario matrix as plain data: what was asked, what was expected, what the policy decided. */
import type { IntegrationKind, Partition, PrincipalUsage, ServiceCatalogEntry } from '@deputy/policy-model';
import type { ConditionTrace, Decision, DecidingStatement } from '../evaluator/evaluation-result.js';
import type { EvaluationRequest, RequestContext } from '../evaluator/request.js';

/** The scenarios, in the order they are run and printed. */
export const SCENARIO_NAMES = [
  'legitimate',
  'foreign-account',
  'foreign-source-account',
  'foreign-source-arn',
  'missing-source-account',
  'missing-source-arn',
  'foreign-organization',
  'missing-organization',
  'other-service',
  'other-partition',
] as const;

/** One scenario of the matrix. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** What a scenario expects: the legitimate call allowed, every other call denied (explicitly or implicitly). */
export type ExpectedOutcome = 'Allow' | 'Deny';

/** One evaluated scenario. */
export interface ScenarioResult {
  /** Which scenario. */
  readonly scenario: ScenarioName;
  /** What the scenario simulates, in words, e.g. `aws:SourceAccount is 999988887777`. */
  readonly description: string;
  /** The action requested. */
  readonly action: string;
  /** The service principal making the request. */
  readonly principal: string;
  /** Allow for the legitimate call, Deny for every attack. */
  readonly expected: ExpectedOutcome;
  /** The policy's decision. */
  readonly actual: Decision;
  /** The statement that decided, when one did. */
  readonly statement?: DecidingStatement;
  /** The condition that decided, when one did. */
  readonly condition?: ConditionTrace;
  /** One sentence: why the policy decided so. */
  readonly decidedBy: string;
  /** Whether the decision is the expected one. */
  readonly pass: boolean;
  /** The full request evaluated, for reproduction. */
  readonly request: EvaluationRequest;
}

/** A scenario that does not apply to this service, and why. */
export interface SkippedScenario {
  /** Which scenario. */
  readonly scenario: ScenarioName;
  /** Why it does not apply, e.g. `the service does not send aws:SourceAccount`. */
  readonly reason: string;
}

/** Where the policy lives and what it is verified as. */
export interface VerifyEnvironment {
  /** The account that owns the role or resource (12 digits). */
  readonly account: string;
  /** The Region the service acts in. */
  readonly region: string;
  /** The partition of the account. */
  readonly partition: Partition;
  /**
   * The account the service acts from when it differs from `account` (cross-account delivery: an
   * organization trail, a log destination's sender). Defaults to the account the policy's aws:SourceAccount
   * (else aws:SourceArn) names when it never names `account`, else `account`.
   */
  readonly sourceAccount?: string;
  /** The account used for attacks; defaults to `999988887777` (or another account when that one is taken). */
  readonly foreignAccount?: string;
  /** The organization the own account belongs to (`o-…`), when the policy uses organization keys; derived from the policy otherwise. */
  readonly organizationId?: string;
  /** Context keys to add to every scenario (beyond what deputy derives from the policy), e.g. required session tags. */
  readonly context?: RequestContext;
}

/** What to verify for one service principal. */
export interface ServiceTrustTarget extends VerifyEnvironment {
  /** The catalog entry, or a catalog key or service principal (regional, alternate and partition forms included). */
  readonly service: string | ServiceCatalogEntry;
  /** A trust policy (default), a resource policy of unknown kind, or the resource policy of one integration kind. */
  readonly usage?: PrincipalUsage | IntegrationKind;
  /** Actions to request; defaults to the catalog's trust actions for a trust policy. */
  readonly actions?: readonly string[];
  /** The resource requested; defaults to the role `arn:<partition>:iam::<account>:role/deputy-verify`. */
  readonly resource?: string;
}

/** The verification of one service principal against one policy. */
export interface ServiceVerification {
  /** The catalog key of the service. */
  readonly service: string;
  /** The service principal the legitimate call uses. */
  readonly principal: string;
  /** Trust or resource policy. */
  readonly usage: PrincipalUsage | IntegrationKind;
  /** The own account (the owner of the role or resource). */
  readonly account: string;
  /** The account the legitimate call comes from. */
  readonly sourceAccount: string;
  /** The Region of the legitimate call. */
  readonly region: string;
  /** The partition of the legitimate call. */
  readonly partition: Partition;
  /** The aws:SourceArn of the legitimate call; null when the service sends none. */
  readonly legitimateSourceArn: string | null;
  /** Every scenario evaluated, per action. */
  readonly scenarios: readonly ScenarioResult[];
  /** Scenarios that do not apply, with the reason. */
  readonly skipped: readonly SkippedScenario[];
  /** Context keys deputy assumed for every scenario so that conditions unrelated to the confused deputy hold. */
  readonly assumedContext: RequestContext;
  /** Problems in the policy found while evaluating (unknown operators, statements without Principal). */
  readonly problems: readonly string[];
  /** True when every scenario has the expected outcome. */
  readonly passed: boolean;
}
