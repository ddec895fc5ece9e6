/**
 * Context keys a scenario needs besides the confused-deputy keys, so that only the confused-deputy keys
 * decide: what any AWS service sends (aws:PrincipalIsAWSService, aws:PrincipalServiceName, TLS), values
 * that satisfy the other conditions of the Allow statements naming the service (session tags, s3:x-amz-acl,
 * kms:EncryptionContext…), and values that keep the other conditions of Deny statements from applying.
 * Every assumption is reported with the verification.
 */
import type { ConditionValue, LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { listOf, parseConditionOperator, statementsOf } from '@deputy/policy-model';
import { parseDate, parseNumber } from '../evaluator/compare-values.js';
import { principalBlockNames } from '../evaluator/match-principal.js';
import type { ContextValue, RequestContext } from '../evaluator/request.js';
import { concreteText } from './source-arn.js';

/** The keys the scenarios vary; never assumed. */
export const CONFUSED_DEPUTY_CONTEXT_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner'];

/** The context every request by `principal` carries besides the confused-deputy keys. */
export function assumedContext(document: LiteralPolicyDocument, principal: string): RequestContext {
  const assumed = new Map<string, ContextValue>([
    ['aws:PrincipalIsAWSService', 'true'],
    ['aws:PrincipalServiceName', principal],
    ['aws:SecureTransport', 'true'],
  ]);
  const set = (key: string, value: ContextValue | undefined): void => {
    const existing = [...assumed.keys()].find((name) => name.toLowerCase() === key.toLowerCase());
    if (existing !== undefined) assumed.delete(existing);
    if (value !== undefined) assumed.set(key, value);
  };
  const naming = statementsOf(document).filter((statement) => namesService(statement, principal));
  for (const statement of naming.filter((s) => s.Effect === 'Deny')) {
    for (const condition of otherConditions(statement)) {
      const value = valueAvoiding(condition);
      if (value !== null) set(condition.key, value);
    }
  }
  for (const statement of naming.filter((s) => s.Effect === 'Allow')) {
    for (const condition of otherConditions(statement)) {
      const value = valueSatisfying(condition);
      if (value !== null) set(condition.key, value);
    }
  }
  return Object.fromEntries(assumed);
}

interface OtherCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

function namesService(statement: Statement<string>, principal: string): boolean {
  const caller = { type: 'Service' as const, id: principal };
  if (statement.Principal !== undefined) return principalBlockNames(statement.Principal, caller);
  return statement.NotPrincipal !== undefined && !principalBlockNames(statement.NotPrincipal, caller);
}

function otherConditions(statement: Statement<string>): OtherCondition[] {
  return Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys)
      .filter(([key]) => !CONFUSED_DEPUTY_CONTEXT_KEYS.includes(key.toLowerCase()))
      .map(([key, value]) => ({ operator, key, values: listOf(value as ConditionValue<string> | readonly ConditionValue<string>[]).map(String) })),
  );
}

/** A value satisfying an Allow condition; undefined to leave the key absent; null when deputy cannot tell. */
function valueSatisfying(condition: OtherCondition): ContextValue | undefined | null {
  const parsed = parseConditionOperator(condition.operator);
  const first = condition.values[0];
  if (!parsed || first === undefined || first.includes('${')) return null;
  const single = (value: string | undefined): ContextValue | undefined | null => (value === undefined ? null : parsed.qualifier ? [value] : value);
  switch (parsed.base) {
    case 'Null':
      return first.toLowerCase() === 'true' ? undefined : 'deputy-verify';
    case 'StringEquals':
    case 'StringEqualsIgnoreCase':
    case 'BinaryEquals':
      return single(first);
    case 'StringLike':
    case 'ArnEquals':
    case 'ArnLike':
      return single(concreteText(first));
    case 'Bool':
      return single(first.toLowerCase());
    case 'IpAddress':
      return single(first.split('/')[0]);
    case 'NumericEquals':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThanEquals':
      return single(parseNumber(first) === undefined ? undefined : first);
    case 'NumericLessThan':
    case 'NumericGreaterThan': {
      const number = parseNumber(first);
      return single(number === undefined ? undefined : String(parsed.base === 'NumericLessThan' ? number - 1 : number + 1));
    }
    case 'DateEquals':
    case 'DateLessThanEquals':
    case 'DateGreaterThanEquals':
      return single(parseDate(first) === undefined ? undefined : first);
    case 'DateLessThan':
    case 'DateGreaterThan': {
      const time = parseDate(first);
      return single(time === undefined ? undefined : new Date(time + (parsed.base === 'DateLessThan' ? -1000 : 1000)).toISOString());
    }
    default:
      return parsed.ifExists || parsed.qualifier === 'ForAllValues' ? undefined : null;
  }
}

/** A value that keeps a Deny condition from holding; undefined to leave the key absent; null when deputy cannot tell. */
function valueAvoiding(condition: OtherCondition): ContextValue | undefined | null {
  const parsed = parseConditionOperator(condition.operator);
  const first = condition.values[0];
  if (!parsed || first === undefined || first.includes('${')) return null;
  switch (parsed.base) {
    case 'Null':
      return first.toLowerCase() === 'true' ? 'deputy-verify' : undefined;
    case 'Bool':
      return parsed.qualifier ? null : first.toLowerCase() === 'true' ? 'false' : 'true';
    case 'StringNotEquals':
    case 'StringNotEqualsIgnoreCase':
      return parsed.qualifier ? [first] : first;
    case 'StringNotLike':
    case 'ArnNotEquals':
    case 'ArnNotLike':
      return parsed.qualifier ? [concreteText(first)] : concreteText(first);
    case 'NotIpAddress':
      return parsed.qualifier ? [first.split('/')[0]!] : first.split('/')[0]!;
    default:
      return parsed.ifExists || parsed.qualifier === 'ForAllValues' ? null : undefined;
  }
}
