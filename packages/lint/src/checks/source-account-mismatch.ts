/**
 * DPT004: aws:SourceAccount and aws:SourceArn describe the same calling resource, so a request carries the
 * same account in both. Accounts named in one but not the other can never match.
 */
import { fresh } from '../fixes/fix-plan.js';
import { replaceClause } from '../fixes/condition-edits.js';
import { isAccountId, readArn } from '../policy/arn-text.js';
import { statementName } from '../policy/policy-view.js';
import { literalTextOf, textPartsOf } from '../policy/text-value.js';
import type { StatementCheck } from './check.js';
import { clausesOf } from './statement-facts.js';

/** The check. */
export const checkSourceAccountMismatch: StatementCheck = ({ statement }, sink) => {
  const accountClauses = clausesOf(statement, 'aws:SourceAccount');
  if (accountClauses.length === 0) return;
  const accountItems = accountClauses.flatMap((clause) => clause.items);
  const accountTexts = accountItems.map(literalTextOf);
  if (accountItems.length === 0 || !accountTexts.every(isAccountId)) return;
  const accounts = new Set(accountTexts as string[]);
  const arnClauses = clausesOf(statement, 'aws:SourceArn');
  const arnAccounts: { account: string; value: (typeof arnClauses)[number]['items'][number]; fields: readonly string[] }[] = [];
  let everyArnKnown = arnClauses.length > 0;
  for (const clause of arnClauses) {
    for (const item of clause.items) {
      const parts = textPartsOf(item);
      const reading = parts === undefined ? undefined : readArn(parts);
      if (reading?.kind === 'arn' && isAccountId(reading.fields.account)) arnAccounts.push({ account: reading.fields.account, value: item, fields: literalTextOf(item)?.split(':') ?? [] });
      else everyArnKnown = false;
    }
  }
  if (arnAccounts.length === 0) return;
  const strays = arnAccounts.filter(({ account }) => !accounts.has(account));
  const unmatched = everyArnKnown ? [...accounts].filter((account) => !arnAccounts.some((arn) => arn.account === account)) : [];
  if (strays.length === 0 && unmatched.length === 0) return;
  const disjoint = strays.length === arnAccounts.length;
  const [target] = strays;
  const onlyAccount = accounts.size === 1 ? [...accounts][0]! : undefined;
  const message = disjoint
    ? `${statementName(statement)}: aws:SourceAccount names ${[...accounts].join(', ')} but aws:SourceArn names ${[...new Set(strays.map(({ account }) => account))].join(', ')}; no request carries both, so the statement never matches`
    : strays.length > 0
      ? `${statementName(statement)}: aws:SourceArn names account ${[...new Set(strays.map(({ account }) => account))].join(', ')}, which aws:SourceAccount does not list; those resources can never match`
      : `${statementName(statement)}: aws:SourceAccount lists ${unmatched.join(', ')}, which no aws:SourceArn names; requests from ${unmatched.length === 1 ? 'that account' : 'those accounts'} can never match`;
  const clause = target ? arnClauses.find((candidate) => candidate.items.includes(target.value)) : undefined;
  const fixable = target && clause && onlyAccount && target.fields.length >= 6 && clause.items.every((item) => literalTextOf(item) !== undefined);
  sink.finding({
    ruleId: 'DPT004',
    ...(disjoint ? {} : { severity: 'warning' as const }),
    at: target?.value.at ?? accountItems[0]!.at,
    message,
    fix: fixable
      ? {
          kind: 'condition',
          description: `use one account in both keys (assuming aws:SourceAccount ${onlyAccount} is the account meant)`,
          clauses: replaceClause(statement, clause, [
            {
              operator: clause.operator,
              key: clause.key,
              value: fresh(...clause.items.map((item) => (item === target.value ? withAccount(target.fields, onlyAccount) : literalTextOf(item)!))),
            },
          ]),
        }
      : { kind: 'advice', description: 'list each calling account in aws:SourceAccount and name the same accounts in aws:SourceArn' },
    statement,
  });
};

function withAccount(fields: readonly string[], account: string): string {
  return [...fields.slice(0, 4), account, ...fields.slice(5)].join(':');
}
