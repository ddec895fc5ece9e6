/** The shape every rule shares: a check reads one statement of one policy and reports findings and exemptions. */
import type { Position } from '../located/position.js';
import type { FixPlan } from '../fixes/fix-plan.js';
import type { FoundPolicy } from '../policy/found-policy.js';
import type { StatementView } from '../policy/policy-view.js';
import type { Severity } from '../rules/rule-catalog.js';
import type { InferredEnvironment } from './statement-facts.js';

/** A finding before suppressions are applied and its fix is written in the file's syntax. */
export interface RawFinding {
  /** The rule id. */
  readonly ruleId: string;
  /** The severity, when it differs from the rule's default. */
  readonly severity?: Severity;
  /** Where to point. */
  readonly at: Position;
  /** What is wrong, in one or two sentences. */
  readonly message: string;
  /** The suggested fix. */
  readonly fix?: FixPlan;
  /** The statement concerned (its line anchors suppressions). */
  readonly statement?: StatementView;
}

/** A service principal the service-principal rules do not apply to, and why (shown with `--verbose`). */
export interface Exemption {
  /** The file, as displayed. */
  readonly file: string;
  /** Where the principal is written. */
  readonly at: Position;
  /** The principal. */
  readonly principal: string;
  /** Why it is exempt. */
  readonly reason: string;
}

/** What a check is given. */
export interface StatementCheckInput {
  /** The policy. */
  readonly policy: FoundPolicy;
  /** The statement to check. */
  readonly statement: StatementView;
  /** The account, Region and partition inferred for fixes. */
  readonly environment: InferredEnvironment;
}

/** Where a check reports. */
export interface CheckSink {
  /** Reports a finding. */
  finding(finding: RawFinding): void;
  /** Reports an exemption. */
  exemption(exemption: Exemption): void;
  /**
   * True when a finding reported so far already explains the statement (see `withoutSubsumedJudgements`),
   * so the judgement's findings there would be dropped: it can skip writing them. Absent: nothing is known.
   */
  explained?(statement: StatementView): boolean;
}

/** A rule's check over one statement. */
export type StatementCheck = (input: StatementCheckInput, sink: CheckSink) => void;
