/** What deputy's evaluator answers: the decision, what decided it, and a trace of every statement. */
import type { Effect } from '@deputy/policy-model';
import type { ContextValue } from './request.js';

/** The outcome of evaluating one policy: an explicit Deny wins over any Allow; no applicable Allow is an implicit deny. */
export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** How one condition (operator × key) evaluated. */
export interface ConditionTrace {
  /** The operator as written, e.g. `ForAnyValue:StringLike`. */
  readonly operator: string;
  /** The condition key as written. */
  readonly key: string;
  /** The policy values, as strings. */
  readonly values: readonly string[];
  /** The request's value for the key; null when the request lacks it. */
  readonly contextValue: ContextValue | null;
  /** Whether the condition holds. */
  readonly matched: boolean;
  /** Why, when it is not a plain comparison: a missing key, an unknown operator, an unresolved policy variable. */
  readonly note?: string;
}

/** How one statement evaluated. */
export interface StatementTrace {
  /** Position of the statement in the document, from 0. */
  readonly index: number;
  /** The statement's Sid, when it has one. */
  readonly sid?: string;
  /** Allow or Deny. */
  readonly effect: Effect;
  /** Whether Principal / NotPrincipal covers the caller. */
  readonly principalMatched: boolean;
  /** Whether Action / NotAction covers the action. */
  readonly actionMatched: boolean;
  /** Whether Resource / NotResource covers the resource (always true without either element). */
  readonly resourceMatched: boolean;
  /** Every condition, in document order (AND across them). */
  readonly conditions: readonly ConditionTrace[];
  /** True when principal, action, resource and every condition match: the statement applies. */
  readonly applies: boolean;
}

/** The statement that decided, by position and Sid. */
export interface DecidingStatement {
  /** Position in the document, from 0. */
  readonly index: number;
  /** The Sid, when the statement has one. */
  readonly sid?: string;
}

/** The evaluator's answer for one request. */
export interface EvaluationResult {
  /** Allow, ExplicitDeny or ImplicitDeny. */
  readonly decision: Decision;
  /**
   * The statement that decided: the first applying Deny, else the first applying Allow; for an implicit deny,
   * the first Allow that matched principal, action and resource but failed a condition. Absent when no
   * statement came that close.
   */
  readonly statement?: DecidingStatement;
  /**
   * The condition that decided: for an implicit deny, the first failing condition of the deciding statement;
   * for an explicit deny, the first condition of the Deny (all of which held). Absent for an Allow and for
   * statements without conditions.
   */
  readonly condition?: ConditionTrace;
  /** One sentence saying why. */
  readonly explanation: string;
  /** Every statement's evaluation, in document order. */
  readonly statements: readonly StatementTrace[];
  /** Things in the policy IAM would reject or that can never match (unknown operators, statements without Principal). */
  readonly problems: readonly string[];
}
