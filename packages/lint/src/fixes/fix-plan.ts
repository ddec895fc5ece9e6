/**
 * A suggested fix as plain data, before it is written in the file's syntax: the corrected Condition block,
 * a replacement value, or text already in the file's syntax.
 */
import type { PolicyString } from '@deputy/policy-model';
import type { LocatedValue } from '../located/located-value.js';

/** A value in a fix: one kept from the source, or a new one (whose account / Region / partition may be references). */
export type FixValue =
  /** A value as the source wrote it (written back in the same syntax). */
  | { readonly kind: 'located'; readonly value: LocatedValue }
  /** New values; one value is written as a scalar, several as a list. */
  | { readonly kind: 'new'; readonly items: readonly PolicyString[] };

/** One condition key under one operator in a fix. */
export interface FixClause {
  /** The operator, e.g. `ArnLike`. */
  readonly operator: string;
  /** The condition key, e.g. `aws:SourceArn`. */
  readonly key: string;
  /** Its value. */
  readonly value: FixValue;
}

/** What a fix changes. */
export type FixPlan =
  /** The statement's whole Condition block, corrected. */
  | { readonly kind: 'condition'; readonly description: string; readonly clauses: readonly FixClause[] }
  /** Condition blocks for statements that replace one statement (one per block). */
  | { readonly kind: 'split-conditions'; readonly description: string; readonly blocks: readonly (readonly FixClause[])[] }
  /** A replacement for one value (a principal, an ARN). */
  | { readonly kind: 'value'; readonly description: string; readonly value: FixValue }
  /** No text: the description says what to do. */
  | { readonly kind: 'advice'; readonly description: string };

/** A fix value kept from the source. */
export function located(value: LocatedValue): FixValue {
  return { kind: 'located', value };
}

/** New fix values. */
export function fresh(...items: PolicyString[]): FixValue {
  return { kind: 'new', items };
}
