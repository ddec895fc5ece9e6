/**
 * One request value against one policy value, for each base operator family. A comparison is true, false,
 * or undefined when the values cannot be compared (not a number, not a date, not an ARN, not an address,
 * an unresolved policy variable): an undefined comparison never satisfies a condition, negated or not.
 */
import type { BaseConditionOperator } from '@deputy/policy-model';
import type { Comparison } from './arn-match.js';
import { compareArn } from './arn-match.js';
import { matchesPattern, patternText, resolvePattern } from './iam-string.js';
import { blockContains, parseIpAddress, parseIpBlock } from './ip-address.js';
import type { RequestContext } from './request.js';

/** The base operators that are not negations (and not Null). */
export type PositiveOperator =
  | 'StringEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringLike'
  | 'NumericEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'ArnEquals'
  | 'ArnLike';

const NEGATIONS: Readonly<Partial<Record<BaseConditionOperator, PositiveOperator>>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** A base operator as a positive comparison and whether the condition negates it. */
export function splitNegation(base: Exclude<BaseConditionOperator, 'Null'>): { readonly positive: PositiveOperator; readonly negated: boolean } {
  const positive = NEGATIONS[base];
  return positive ? { positive, negated: true } : { positive: base as PositiveOperator, negated: false };
}

/** What a comparison may consult: the request context (for policy variables) and whether variables are on. */
export interface CompareEnvironment {
  /** The request context. */
  readonly context: RequestContext;
  /** Whether `${…}` is a policy variable (policy version 2012-10-17). */
  readonly variables: boolean;
}

/** Compares one request value with one policy value under a positive operator. */
export function compareValue(operator: PositiveOperator, requestValue: string, policyValue: string, environment: CompareEnvironment): Comparison {
  switch (operator) {
    case 'StringEquals':
    case 'StringEqualsIgnoreCase':
    case 'StringLike': {
      const resolved = resolvePattern(policyValue, environment.context, { variables: environment.variables, wildcards: operator === 'StringLike' });
      if (!resolved.ok) return undefined;
      if (operator === 'StringEquals') return patternText(resolved.pieces) === requestValue;
      return matchesPattern(resolved.pieces, requestValue, operator === 'StringEqualsIgnoreCase');
    }
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return order(operator, parseNumber(requestValue), parseNumber(policyValue));
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return order(operator, parseDate(requestValue), parseDate(policyValue));
    case 'Bool': {
      const resolved = resolvePattern(policyValue, environment.context, { variables: environment.variables, wildcards: false });
      if (!resolved.ok) return undefined;
      const expected = patternText(resolved.pieces).toLowerCase();
      const actual = requestValue.toLowerCase();
      if (!isBoolean(expected) || !isBoolean(actual)) return undefined;
      return expected === actual;
    }
    case 'BinaryEquals':
      return requestValue === policyValue;
    case 'IpAddress': {
      const block = parseIpBlock(policyValue);
      const address = parseIpAddress(requestValue);
      return block && address ? blockContains(block, address) : undefined;
    }
    case 'ArnEquals':
    case 'ArnLike':
      return compareArn(policyValue, requestValue, environment.context, environment.variables);
  }
}

/** Parses a decimal number written plainly (`42`, `-1.5`, `.5`); anything else is not a number. */
export function parseNumber(text: string): number | undefined {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : undefined;
}

/**
 * Parses a date as milliseconds since the epoch: UNIX epoch seconds (`1700000000`), or a W3C / ISO 8601
 * date or date-time (`2024-01-31`, `2024-01-31T12:00:00Z`; a time without a zone is UTC).
 */
export function parseDate(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text) * 1000;
  const match = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!match) return undefined;
  const zoned = match[1] !== undefined && match[4] === undefined ? `${text}Z` : text;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : time;
}

function order(operator: string, request: number | undefined, policy: number | undefined): Comparison {
  if (request === undefined || policy === undefined) return undefined;
  if (operator.endsWith('LessThanEquals')) return request <= policy;
  if (operator.endsWith('LessThan')) return request < policy;
  if (operator.endsWith('GreaterThanEquals')) return request >= policy;
  if (operator.endsWith('GreaterThan')) return request > policy;
  return request === policy;
}

function isBoolean(text: string): boolean {
  return text === 'true' || text === 'false';
}
