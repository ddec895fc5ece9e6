/**
 * The IAM policy grammar as plain typed data.
 *
 * The type parameter `S` is the type of every string leaf: `string` for a literal policy (what `convert`
 * reads), {@link PolicyString} for a policy whose strings may refer to the account, Region or partition
 * (what a definition produces). Every array keeps its order; a field written as a single string stays a
 * single string, so emitters reproduce the document exactly as the model holds it.
 */
import type { PolicyString } from '../model/value.js';

/** A policy language version. `2008-10-17` disables policy variables such as `${aws:username}`. */
export type PolicyVersion = '2012-10-17' | '2008-10-17';

/** The Effect of a statement. */
export type Effect = 'Allow' | 'Deny';

/** One string or a list of strings, exactly as written. */
export type OneOrMany<S> = S | readonly S[];

/** The principal types IAM accepts inside a `Principal` object. */
export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

/** Every principal type, in the order deputy prints them when it builds a principal itself. */
export const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser'];

/**
 * A `Principal` / `NotPrincipal` value: the string `"*"` (anyone), or an object mapping principal types to
 * one or many identifiers. Key order is preserved as written.
 */
export type Principal<S = PolicyString> = '*' | { readonly [type in PrincipalType]?: OneOrMany<S> };

/** A single condition value. IAM compares strings; JSON booleans and numbers are kept as written. */
export type ConditionValue<S = PolicyString> = S | boolean | number;

/** Condition keys of one operator, mapped to one value or a list of values (OR across values). */
export type ConditionKeyMap<S = PolicyString> = { readonly [key: string]: ConditionValue<S> | readonly ConditionValue<S>[] };

/** A `Condition` block: operators (AND across operators) mapped to keys (AND across keys). */
export type ConditionBlock<S = PolicyString> = { readonly [operator: string]: ConditionKeyMap<S> };

/** One statement. Exactly one of each pair Principal/NotPrincipal, Action/NotAction, Resource/NotResource may be set. */
export interface Statement<S = PolicyString> {
  /** Optional statement identifier. An empty string is kept as written. */
  readonly Sid?: string;
  /** Whether the statement allows or denies. */
  readonly Effect: Effect;
  /** Who the statement applies to (resource and trust policies). */
  readonly Principal?: Principal<S>;
  /** Everyone except these principals. */
  readonly NotPrincipal?: Principal<S>;
  /** Actions the statement covers; `*` and `?` are wildcards. */
  readonly Action?: OneOrMany<S>;
  /** Every action except these. */
  readonly NotAction?: OneOrMany<S>;
  /** Resources the statement covers. */
  readonly Resource?: OneOrMany<S>;
  /** Every resource except these. */
  readonly NotResource?: OneOrMany<S>;
  /** Conditions under which the statement applies. */
  readonly Condition?: ConditionBlock<S>;
}

/** An IAM policy document. */
export interface PolicyDocument<S = PolicyString> {
  /** The policy language version; omitted means `2008-10-17` to AWS. */
  readonly Version?: PolicyVersion;
  /** Optional policy identifier. */
  readonly Id?: string;
  /** The statements, in order. A single statement object is kept as an object. */
  readonly Statement: Statement<S> | readonly Statement<S>[];
}

/** A policy whose strings are all literal: what `convert` reads and what the JSON target writes. */
export type LiteralPolicyDocument = PolicyDocument<string>;

/** Document keys in the order deputy prints them. */
export const DOCUMENT_KEY_ORDER = ['Version', 'Id', 'Statement'] as const;

/** Statement keys in the order deputy prints them. */
export const STATEMENT_KEY_ORDER = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

/** The statements of a document as a list, whether it was written as one object or an array. */
export function statementsOf<S>(document: PolicyDocument<S>): readonly Statement<S>[] {
  return isStatementList(document.Statement) ? document.Statement : [document.Statement];
}

function isStatementList<S>(value: Statement<S> | readonly Statement<S>[]): value is readonly Statement<S>[] {
  return Array.isArray(value);
}

/** A one-or-many value as a list. */
export function listOf<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}
