/** The IAM condition operators, with the `…IfExists` suffix and the `ForAnyValue:` / `ForAllValues:` set prefixes. */

/** Base condition operators IAM accepts (case-sensitive, as AWS spells them). */
export const BASE_CONDITION_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;

/** One base operator. */
export type BaseConditionOperator = (typeof BASE_CONDITION_OPERATORS)[number];

/** A condition operator taken apart. */
export interface ParsedOperator {
  /** The set qualifier, if any. */
  readonly qualifier?: 'ForAnyValue' | 'ForAllValues';
  /** The base operator. */
  readonly base: BaseConditionOperator;
  /** Whether `IfExists` was appended. */
  readonly ifExists: boolean;
}

/** Parses an operator such as `ForAnyValue:StringLikeIfExists`; undefined when IAM would reject it. */
export function parseConditionOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  let qualifier: ParsedOperator['qualifier'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const prefix = rest.slice(0, colon);
    if (prefix !== 'ForAnyValue' && prefix !== 'ForAllValues') return undefined;
    qualifier = prefix;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!(BASE_CONDITION_OPERATORS as readonly string[]).includes(rest)) return undefined;
  const base = rest as BaseConditionOperator;
  if (ifExists && base === 'Null') return undefined;
  return qualifier ? { qualifier, base, ifExists } : { base, ifExists };
}

/** True for operators that compare by exact string equality, where `*` and `?` are literal characters. */
export function isExactStringOperator(base: BaseConditionOperator): boolean {
  return base === 'StringEquals' || base === 'StringNotEquals' || base === 'StringEqualsIgnoreCase' || base === 'StringNotEqualsIgnoreCase';
}

/** Every operator name a user might have meant, for did-you-mean hints. */
export const OPERATOR_SUGGESTIONS: readonly string[] = BASE_CONDITION_OPERATORS.flatMap((base) =>
  base === 'Null' ? [base] : [base, `${base}IfExists`, `ForAnyValue:${base}`, `ForAllValues:${base}`],
);
