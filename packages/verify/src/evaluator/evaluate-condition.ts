/**
 * One condition (operator × key × values) against a request.
 *
 * - OR across the values of one key; for a negated operator (`StringNotEquals`, `ArnNotLike`, …) the
 *   request value must match none of them.
 * - A key the request lacks: `…IfExists` and negated operators hold, other operators fail; `Null` tests
 *   exactly that. `ForAllValues:` holds for a missing key or an empty list; `ForAnyValue:` fails for them
 *   unless `…IfExists`.
 * - A multi-valued key (a list) needs `ForAnyValue:` / `ForAllValues:`; a single-valued operator never
 *   matches a list, negated or not.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
import type { ConditionValue } from '@deputy/policy-model';
import { parseConditionOperator } from '@deputy/policy-model';
import type { ConditionTrace } from './evaluation-result.js';
import type { CompareEnvironment, PositiveOperator } from './compare-values.js';
import { compareValue, splitNegation } from './compare-values.js';
import type { ContextValue } from './request.js';
import { contextValueOf } from './request.js';

/** Evaluates one condition; the trace says whether it holds and why. */
export function evaluateCondition(
  operator: string,
  key: string,
  written: ConditionValue<string> | readonly ConditionValue<string>[],
  environment: CompareEnvironment,
): ConditionTrace {
  const values = (Array.isArray(written) ? (written as readonly ConditionValue<string>[]) : [written as ConditionValue<string>]).map(String);
  const contextValue = contextValueOf(environment.context, key);
  const trace = (matched: boolean, note?: string): ConditionTrace => ({
    operator,
    key,
    values,
    contextValue: contextValue ?? null,
    matched,
    ...(note !== undefined ? { note } : {}),
  });
  const parsed = parseConditionOperator(operator);
  if (!parsed) return trace(false, `unknown condition operator ${operator}`);
  if (parsed.base === 'Null') {
    const present = contextValue !== undefined;
    return trace(values.some((value) => value.toLowerCase() === (present ? 'false' : 'true')), present ? 'key present' : 'key absent');
  }
  const { positive, negated } = splitNegation(parsed.base);
  const holdsFor = (requestValue: string): boolean => valueHolds(positive, negated, requestValue, values, environment);
  if (parsed.qualifier === 'ForAllValues') {
    if (contextValue === undefined) return trace(true, 'key absent (ForAllValues holds)');
    return trace(asList(contextValue).every(holdsFor));
  }
  if (parsed.qualifier === 'ForAnyValue') {
    if (contextValue === undefined) return trace(parsed.ifExists, parsed.ifExists ? 'key absent (IfExists)' : 'key absent');
    return trace(asList(contextValue).some(holdsFor));
  }
  if (contextValue === undefined) {
    const holds = parsed.ifExists || negated;
    return trace(holds, holds ? `key absent (${parsed.ifExists ? 'IfExists' : 'negated operator'})` : 'key absent');
  }
  if (typeof contextValue !== 'string') return trace(false, 'multi-valued key needs ForAnyValue: or ForAllValues:');
  const matched = holdsFor(contextValue);
  return trace(matched, matched ? undefined : unresolvedVariable(values, environment));
}

function valueHolds(positive: PositiveOperator, negated: boolean, requestValue: string, values: readonly string[], environment: CompareEnvironment): boolean {
  const comparisons = values.map((value) => compareValue(positive, requestValue, value, environment));
  return negated ? comparisons.every((comparison) => comparison === false) : comparisons.some((comparison) => comparison === true);
}

function asList(value: ContextValue): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function unresolvedVariable(values: readonly string[], environment: CompareEnvironment): string | undefined {
  if (!environment.variables) return undefined;
  for (const value of values) {
    for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
      const [name, fallback] = match[1]!.split(', ').map((part) => part.trim()) as [string, string | undefined];
      if (name === '*' || name === '?' || name === '$' || fallback !== undefined) continue;
      if (typeof contextValueOf(environment.context, name) !== 'string') return `policy variable \${${name}} has no single value`;
    }
  }
  return undefined;
}
