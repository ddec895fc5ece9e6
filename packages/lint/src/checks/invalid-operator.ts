/**
 * DPT007: a condition operator IAM does not accept, such as the AWS documentation's `ArnEqual` (DMS) and
 * `" ArnEquals"` (Connect). The fix renames it to the closest valid operator.
 */
import { didYouMean, OPERATOR_SUGGESTIONS, parseConditionOperator } from '@deputy/policy-model';
import { keptClause } from '../fixes/condition-edits.js';
import type { StatementCheck } from './check.js';

/** The check. */
export const checkInvalidOperator: StatementCheck = ({ statement }, sink) => {
  const reported = new Set<string>();
  for (const clause of statement.condition.clauses) {
    if (reported.has(clause.operator) || parseConditionOperator(clause.operator)) continue;
    reported.add(clause.operator);
    const suggestion = suggestedOperator(clause.operator);
    sink.finding({
      ruleId: 'DPT007',
      at: clause.operatorAt,
      message: `${JSON.stringify(clause.operator)} is not an IAM condition operator${suggestion ? `; did you mean ${suggestion}?` : ''}`,
      fix: suggestion
        ? {
            kind: 'condition',
            description: `rename the operator to ${suggestion}`,
            clauses: statement.condition.clauses.map((other) => (other.operator === clause.operator ? { ...keptClause(other), operator: suggestion } : keptClause(other))),
          }
        : { kind: 'advice', description: 'use an IAM condition operator such as StringEquals, StringLike, ArnLike or ArnEquals' },
      statement,
    });
  }
};

const suggestions = new Map<string, string | undefined>();

/** The operator meant: the trimmed text when that is valid, else the single closest valid operator. */
export function suggestedOperator(operator: string): string | undefined {
  if (!suggestions.has(operator)) suggestions.set(operator, closestOperator(operator));
  return suggestions.get(operator);
}

function closestOperator(operator: string): string | undefined {
  const trimmed = operator.trim();
  if (parseConditionOperator(trimmed)) return trimmed;
  const [best, ...others] = didYouMean(trimmed, OPERATOR_SUGGESTIONS, 2);
  return best !== undefined && others.length === 0 ? best : undefined;
}
