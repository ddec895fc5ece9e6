/**
 * What the rules look at: the statements of one policy, whatever syntax it was written in, with the
 * position of every part a finding may point at. Anything that cannot be known statically is marked
 * unknown, and rules treat unknown as "may be present".
 */
import type { LocatedValue } from '../located/located-value.js';
import type { Position } from '../located/position.js';

/** The principal of a statement. */
export interface PrincipalView {
  /** Where the principal is written. */
  readonly at: Position;
  /** True for `"*"` or an `AWS` principal `"*"`: anyone. */
  readonly anyone: boolean;
  /** The `Service` principals, one value each (literal or not). */
  readonly services: readonly LocatedValue[];
  /** The `AWS` principals (accounts, ARNs, `*`), one value each. */
  readonly aws: readonly LocatedValue[];
  /** The `Federated` principals (OIDC / SAML provider ARNs, web identity providers), one value each; absent means none. */
  readonly federated?: readonly LocatedValue[];
  /** The principal value as a whole, when written as one value (used to rewrite it). */
  readonly serviceList?: LocatedValue;
  /** True when part of the principal cannot be read statically. */
  readonly unknown: boolean;
}

/** One condition key under one operator, with its values. */
export interface ConditionClause {
  /** The operator as written, e.g. `StringEquals`, `ForAnyValue:StringLike`. */
  readonly operator: string;
  /** Where the operator is written. */
  readonly operatorAt: Position;
  /** The condition key as written, e.g. `aws:SourceArn` (keys are case-insensitive in IAM). */
  readonly key: string;
  /** Where the key is written. */
  readonly keyAt: Position;
  /** The value as written: one value or a list. */
  readonly value: LocatedValue;
  /** The values, one per item. */
  readonly items: readonly LocatedValue[];
}

/** The Condition element of a statement. */
export interface ConditionView {
  /** True when the statement has a Condition element (even an unreadable one). */
  readonly present: boolean;
  /** Where the Condition element is written. */
  readonly at?: Position;
  /** Every clause that could be read, in source order. */
  readonly clauses: readonly ConditionClause[];
  /** True when part of the conditions cannot be read statically; rules then assume any key may be present. */
  readonly unknown: boolean;
}

/** One statement. */
export interface StatementView {
  /** 0-based index in the policy. */
  readonly index: number;
  /** Where the statement starts. */
  readonly at: Position;
  /** The Sid, when literal. */
  readonly sid?: string;
  /** How messages name the statement when it is not a policy statement (a Lambda permission). */
  readonly displayName?: string;
  /** Which CloudFormation `Fn::If` branch this reading of the statement is, e.g. `when condition IsProd is false`. */
  readonly branch?: string;
  /** The Effect; undefined when not literal. */
  readonly effect?: 'Allow' | 'Deny';
  /** The Principal; undefined when the statement has none. */
  readonly principal?: PrincipalView;
  /** The actions (Action or NotAction items). */
  readonly actions: readonly LocatedValue[];
  /** True when {@link actions} are NotAction items (everything but them is allowed). */
  readonly notActions?: boolean;
  /** The resources (Resource items). */
  readonly resources: readonly LocatedValue[];
  /** The conditions. */
  readonly condition: ConditionView;
}

/** How a statement's identity reads in messages: its Sid, else its position. */
export function statementName(statement: StatementView): string {
  const name = statement.displayName ?? (statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index + 1}`);
  return statement.branch ? `${name} (${statement.branch})` : name;
}

/**
 * The statement with every property present (absent ones undefined) in one order: every syntax's statements
 * then share one object shape, which keeps the rules' property reads monomorphic (each rule reads each
 * statement many times).
 */
export function uniformStatement(statement: StatementView): StatementView {
  return {
    index: statement.index,
    at: statement.at,
    sid: statement.sid,
    displayName: statement.displayName,
    branch: statement.branch,
    effect: statement.effect,
    principal: statement.principal === undefined ? undefined : uniformPrincipal(statement.principal),
    actions: statement.actions,
    notActions: statement.notActions,
    resources: statement.resources,
    condition: { present: statement.condition.present, at: statement.condition.at, clauses: statement.condition.clauses, unknown: statement.condition.unknown },
  };
}

function uniformPrincipal(principal: PrincipalView): PrincipalView {
  return {
    at: principal.at,
    anyone: principal.anyone,
    services: principal.services,
    aws: principal.aws,
    federated: principal.federated,
    serviceList: principal.serviceList,
    unknown: principal.unknown,
  };
}
