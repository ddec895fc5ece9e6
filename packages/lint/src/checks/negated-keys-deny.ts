/**
 * DPT011: in a Deny statement, conditions are ANDed, so negating aws:SourceArn together with another
 * source key (aws:SourceAccount, …) denies only requests where both mismatch: a request from the right
 * account with a foreign resource is let through. The fix is one Deny statement per key. Negating only
 * organization and account keys together is the documented guardrail pattern (an allow-list of
 * alternatives) and is not flagged.
 */
import { parseConditionOperator } from '@deputy/policy-model';
import { keptClause } from '../fixes/condition-edits.js';
import { statementName } from '../policy/policy-view.js';
import type { StatementCheck } from './check.js';

const SOURCE_KEYS = new Set(['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths', 'aws:sourceowner']);

/** The check. */
export const checkNegatedKeysInDeny: StatementCheck = ({ statement }, sink) => {
  if (statement.effect !== 'Deny') return;
  const negated = statement.condition.clauses.filter((clause) => {
    const parsed = parseConditionOperator(clause.operator.trim());
    return parsed !== undefined && parsed.base.includes('Not') && SOURCE_KEYS.has(clause.key.toLowerCase());
  });
  const keys = [...new Set(negated.map((clause) => clause.key))];
  if (keys.length < 2 || !keys.some((key) => key.toLowerCase() === 'aws:sourcearn')) return;
  const others = statement.condition.clauses.filter((clause) => !negated.includes(clause)).map(keptClause);
  sink.finding({
    ruleId: 'DPT011',
    at: statement.condition.at ?? statement.at,
    message: `${statementName(statement)} denies only when ${keys.join(' and ')} ${keys.length === 2 ? 'both' : 'all'} mismatch (conditions are ANDed): a request from the right account with a foreign resource is not denied`,
    fix: {
      kind: 'split-conditions',
      description: `write one Deny statement per key, each with one of these Condition blocks`,
      blocks: negated.map((clause) => [...others, keptClause(clause)]),
    },
    statement,
  });
};
