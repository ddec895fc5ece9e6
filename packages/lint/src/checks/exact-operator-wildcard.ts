/**
 * DPT003: StringEquals / StringNotEquals (with IgnoreCase, IfExists and ForAnyValue / ForAllValues forms)
 * compare `*` and `?` literally, so a wildcard value under them is a mistake. The fix moves the key to
 * StringLike / StringNotLike, or ArnLike / ArnNotLike for ARN keys, keeping the qualifier and IfExists.
 */
import { isExactStringOperator, parseConditionOperator, type ParsedOperator } from '@deputy/policy-model';
import { located } from '../fixes/fix-plan.js';
import { replaceClause } from '../fixes/condition-edits.js';
import { hasWildcard } from '../policy/arn-text.js';
import type { ConditionClause } from '../policy/policy-view.js';
import { textPartsOf } from '../policy/text-value.js';
import type { StatementCheck } from './check.js';

/** The check. */
export const checkExactOperatorWildcard: StatementCheck = ({ statement }, sink) => {
  for (const clause of statement.condition.clauses) {
    const parsed = parseConditionOperator(clause.operator);
    if (!parsed || !isExactStringOperator(parsed.base)) continue;
    const wildcard = clause.items.find((item) => (textPartsOf(item) ?? []).some((part) => typeof part === 'string' && hasWildcard(part)));
    if (!wildcard) continue;
    const replacement = likeOperator(parsed, clause.key);
    const negated = parsed.base.includes('Not');
    sink.finding({
      ruleId: 'DPT003',
      at: wildcard.at,
      message: `${clause.operator} compares ${clause.key} with ${wildcard.raw} literally: * and ? are not wildcards here, so the condition ${negated ? 'matches every request (and a Deny always applies)' : 'never matches'}`,
      fix: {
        kind: 'condition',
        description: `use ${replacement}${parsed.base.includes('IgnoreCase') ? ' (it compares case-sensitively; list the spellings you need)' : ''}`,
        clauses: replaceClause(statement, clause, [{ operator: replacement, key: clause.key, value: located(clause.value) }]),
      },
      statement,
    });
  }
};

/** The pattern-matching operator that replaces an exact one for this key. */
export function likeOperator(parsed: ParsedOperator, key: ConditionClause['key']): string {
  const negated = parsed.base.startsWith('StringNot');
  const arn = /arn$/i.test(key);
  const base = arn ? (negated ? 'ArnNotLike' : 'ArnLike') : negated ? 'StringNotLike' : 'StringLike';
  return `${parsed.qualifier ? `${parsed.qualifier}:` : ''}${base}${parsed.ifExists ? 'IfExists' : ''}`;
}
