/**
 * DPT006: an aws:SourceArn that is not an ARN (an extra colon, too few fields, prose), an AWS principal
 * written as an ARN that is not one, or an aws:SourceAccount that is digits but not 12 of them (typically an unquoted YAML number that lost its
 * leading zero). Non-numeric placeholders such as `account-id` are left alone.
 */
import { parseConditionOperator, sourceArnPatternsFor } from '@deputy/policy-model';
import { fresh } from '../fixes/fix-plan.js';
import { patternValue, replaceClause } from '../fixes/condition-edits.js';
import { readArn } from '../policy/arn-text.js';
import type { ConditionClause, StatementView } from '../policy/policy-view.js';
import { literalTextOf, textPartsOf } from '../policy/text-value.js';
import { partsShape, type LocatedValue, type TextPart } from '../located/located-value.js';
import type { FixPlan } from '../fixes/fix-plan.js';
import type { StatementCheck, StatementCheckInput } from './check.js';
import { clausesOf, integrationOf, servicePrincipalsOf } from './statement-facts.js';

/** The check. */
export const checkMalformedSourceValues: StatementCheck = (input, sink) => {
  const { statement } = input;
  for (const clause of clausesOf(statement, 'aws:SourceArn')) {
    for (const item of clause.items) {
      const parts = textPartsOf(item);
      const reading = parts === undefined ? undefined : readArn(parts);
      if (reading?.kind !== 'malformed' || globMayMatchArn(clause, parts!)) continue;
      sink.finding({ ruleId: 'DPT006', at: item.at, message: `aws:SourceArn ${item.raw} is not a valid ARN: it ${reading.reason}, so it never matches`, fix: arnFix(input, clause, item, reading.fields), statement });
    }
  }
  for (const principal of statement.principal?.aws ?? []) {
    const text = literalTextOf(principal);
    if (text === undefined || !text.startsWith('arn:')) continue;
    const reading = readArn([text]);
    if (reading.kind !== 'malformed') continue;
    sink.finding({
      ruleId: 'DPT006',
      at: principal.at,
      message: `AWS principal ${principal.raw} is not a valid ARN: it ${reading.reason}; IAM rejects the policy`,
      fix: { kind: 'advice', description: 'write an IAM ARN such as arn:aws:iam::111122223333:role/name, or a 12-digit account ID' },
      statement,
    });
  }
  for (const clause of clausesOf(statement, 'aws:SourceAccount')) {
    for (const item of clause.items) {
      if (item.kind === 'number' && /^0\d+$/.test(item.raw)) {
        sink.finding({
          ruleId: 'DPT006',
          at: item.at,
          message: `aws:SourceAccount ${item.raw} is an unquoted YAML number: it reads as ${item.value}, losing the leading zero, and never matches the account`,
          fix: { kind: 'condition', description: 'quote the account ID', clauses: replaceItem(statement, clause, item, item.raw) },
          statement,
        });
        continue;
      }
      const text = literalTextOf(item);
      if (text !== undefined && /^\d+$/.test(text) && text.length !== 12) {
        sink.finding({ ruleId: 'DPT006', at: item.at, message: `aws:SourceAccount "${text}" is not a 12-digit account ID, so it never matches`, fix: { kind: 'advice', description: 'write the 12-digit account ID, quoted' }, statement });
      }
    }
  }
};

/**
 * True when the clause compares with StringLike / StringNotLike and the value's `*` can stand for the fields it
 * lacks: as a string pattern `arn:aws:ses:*` matches every SES ARN (`*` also matches colons there, unlike
 * ArnLike, which compares the six fields one by one).
 */
function globMayMatchArn(clause: ConditionClause, parts: readonly TextPart[]): boolean {
  const base = parseConditionOperator(clause.operator.trim())?.base;
  if (base !== 'StringLike' && base !== 'StringNotLike') return false;
  const shape = partsShape(parts, '');
  const star = shape.indexOf('*');
  if (star < 0) return false;
  const prefix = shape.slice(0, star);
  if (!prefix.startsWith('arn:')) return 'arn:'.startsWith(prefix);
  const [partition, service] = prefix.slice(4).split(':');
  return !(partition === '' && prefix.length > 4) && !(service === '' && prefix.split(':').length > 3);
}

function arnFix(input: StatementCheckInput, clause: ConditionClause, item: LocatedValue, fields: readonly string[]): FixPlan {
  const repaired = repairedArn(fields);
  if (repaired !== undefined && literalTextOf(item) !== undefined) {
    return { kind: 'condition', description: 'remove the extra colon', clauses: replaceItem(input.statement, clause, item, repaired) };
  }
  const entry = servicePrincipalsOf(input.statement).find((service) => service.match && sourceArnPatternsFor(service.match.entry).length > 0)?.match?.entry;
  const documented = entry ? sourceArnPatternsFor(entry, integrationOf(input.policy, input.statement))[0] : undefined;
  if (entry && documented) {
    return {
      kind: 'condition',
      description: `use the ARN AWS documents for ${entry.name}, narrowed to your resources (${entry.documentation})`,
      clauses: replaceClause(input.statement, clause, [{ operator: clause.operator, key: clause.key, value: fresh(patternValue(documented.pattern, input.environment)) }]),
    };
  }
  return { kind: 'advice', description: 'write the ARN of the calling resource: arn:partition:service:region:account:resource' };
}

/** An ARN with one empty partition or service field removed, when that leaves a well-formed ARN. */
function repairedArn(fields: readonly string[]): string | undefined {
  for (const index of [1, 2]) {
    if (fields[index] !== '') continue;
    const candidate = [...fields.slice(0, index), ...fields.slice(index + 1)];
    const reading = readArn([candidate.join(':')]);
    if (candidate.length >= 6 && reading.kind === 'arn') return candidate.join(':');
  }
  return undefined;
}

function replaceItem(statement: StatementView, clause: ConditionClause, item: LocatedValue, replacement: string): ReturnType<typeof replaceClause> {
  const literals = clause.items.map((other) => (other === item ? replacement : literalTextOf(other)));
  if (literals.some((text) => text === undefined)) return replaceClause(statement, clause, [{ operator: clause.operator, key: clause.key, value: fresh(replacement) }]);
  return replaceClause(statement, clause, [{ operator: clause.operator, key: clause.key, value: fresh(...(literals as string[])) }]);
}
