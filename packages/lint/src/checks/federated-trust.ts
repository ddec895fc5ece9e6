/**
 * DPT017–DPT021: trust beyond service principals, judged by `judgeTrustStatement` of @deputy/policy-model
 * (the judgement `emit` applies to definitions and `verify`'s federated scenarios agree with):
 * - DPT017 a federated trust a token of another repository, organization, namespace or service account
 *   satisfies (missing or wildcard subject, negated subject operator, no condition at all);
 * - DPT018 a subject for every repository of an organization (every service account of a namespace);
 * - DPT019 a missing audience;
 * - DPT020 StringLike without a wildcard, a set operator on a single-valued claim;
 * - DPT021 an account trusted as a whole without sts:ExternalId or an organization condition.
 * Fixes are Condition blocks in the file's syntax, with placeholders where only the user knows the value.
 */
import { claimKeys, judgeTrustStatement, parseConditionOperator, STS_AUDIENCE, type FederatedFinding, type FederatedFindingKind, type TrustStatementFacts } from '@deputy/policy-model';
import { keptClauses, replaceClause } from '../fixes/condition-edits.js';
import { fresh, located, type FixClause, type FixPlan } from '../fixes/fix-plan.js';
import type { LocatedValue } from '../located/located-value.js';
import type { ConditionClause, StatementView } from '../policy/policy-view.js';
import { statementName } from '../policy/policy-view.js';
import { isThisAccountPart, textPartsOf } from '../policy/text-value.js';
import type { StatementCheck } from './check.js';

const RULE_OF: { readonly [kind in FederatedFindingKind]: string } = {
  'any-identity': 'DPT017',
  'owner-wide': 'DPT018',
  'missing-audience': 'DPT019',
  'operator-misuse': 'DPT020',
  'account-root': 'DPT021',
};

const DEFAULT_SEVERITY: { readonly [kind in FederatedFindingKind]: 'error' | 'warning' } = {
  'any-identity': 'error',
  'owner-wide': 'warning',
  'missing-audience': 'warning',
  'operator-misuse': 'warning',
  'account-root': 'warning',
};

/** The check. */
export const checkFederatedTrust: StatementCheck = ({ statement }, sink) => {
  if (statement.effect !== 'Allow' || !statement.principal) return;
  if ((statement.principal.federated ?? []).length === 0 && statement.principal.aws.length === 0) return;
  const facts = factsOf(statement);
  if (facts.federated.length === 0 && facts.aws.length === 0) return;
  for (const finding of judgeTrustStatement(facts)) {
    const clause = finding.clauseIndex === undefined ? undefined : statement.condition.clauses[finding.clauseIndex];
    sink.finding({
      ruleId: RULE_OF[finding.kind],
      ...(finding.severity !== DEFAULT_SEVERITY[finding.kind] ? { severity: finding.severity } : {}),
      at: clause?.keyAt ?? (finding.kind === 'account-root' || !statement.condition.at ? statement.principal.at : statement.condition.at),
      message: `${statementName(statement)}: ${withFilledAccounts(finding.message, statement)}`,
      fix: fixOf(statement, finding, clause),
      statement,
    });
  }
};

/** The filler that stands for an account written as a reference (`${pManagementAccountId}`, `var.account_id`). */
const FILLED_ACCOUNT = '000000000000';

/** The message with the filler account named as written: `account ${SourceAWSAcctId}`, not `account 000000000000`. */
function withFilledAccounts(message: string, statement: StatementView): string {
  if (!message.includes(FILLED_ACCOUNT)) return message;
  const written = new Set(statement.principal!.aws.map(writtenAccount).filter((text) => text !== undefined));
  return written.size === 1 ? message.split(FILLED_ACCOUNT).join([...written][0]!) : message.split(`account ${FILLED_ACCOUNT}`).join('an account given by a reference');
}

/** The opaque text that fills the account of an AWS principal (`${pManagementAccountId}` in `arn:…:iam::${pManagementAccountId}:root`, or a bare reference). */
function writtenAccount(value: LocatedValue): string | undefined {
  const parts = textPartsOf(value);
  if (parts === undefined || parts.some(isThisAccountPart)) return undefined;
  const opaque = parts.filter((part) => typeof part !== 'string');
  if (parts.length === 1) return opaque[0]?.opaque;
  const fields = parts.map((part) => (typeof part === 'string' ? part : '\u{E000}')).join('').split(':');
  if (fields[4] !== '\u{E000}') return undefined;
  return opaque[fields.slice(0, 4).join(':').split('\u{E000}').length - 1]?.opaque;
}

/** The statement as the judgement reads it. Unknown parts of a text read as literal, wildcard-free text. */
function factsOf(statement: StatementView): TrustStatementFacts {
  const principal = statement.principal!;
  return {
    federated: (principal.federated ?? []).map((value) => textOf(value, null)),
    aws: principal.aws.filter((value) => !(textPartsOf(value) ?? []).some(isThisAccountPart)).map((value) => textOf(value, FILLED_ACCOUNT)),
    clauses: statement.condition.clauses.map((clause) => ({ operator: clause.operator, key: clause.key, values: clause.items.map((item) => textOf(item)) })),
    conditionsUnknown: statement.condition.unknown,
    actions: statement.notActions ? [undefined] : statement.actions.map((action) => textOf(action)),
  };
}

/**
 * The text of a value with its unknown parts filled in (with `filler`, or their source text when it is
 * null: a provider ARN built from a reference then names the same issuer as the keys built from it);
 * undefined when the whole value is unknown or not a scalar.
 */
function textOf(value: LocatedValue, filler: string | null = 'deputy-unknown'): string | undefined {
  const parts = textPartsOf(value);
  if (parts === undefined || parts.every((part) => typeof part !== 'string')) return undefined;
  return parts.map((part) => (typeof part === 'string' ? part : filler ?? part.opaque)).join('');
}

function fixOf(statement: StatementView, finding: FederatedFinding, clause: ConditionClause | undefined): FixPlan {
  const key = finding.key;
  if (finding.kind === 'account-root') {
    return { kind: 'condition', description: 'require the external ID agreed with the third party (or aws:PrincipalOrgID for your organization)', clauses: [...keptClauses(statement), { operator: 'StringEquals', key: 'sts:ExternalId', value: fresh('<external-id>') }] };
  }
  if (key === undefined || finding.provider === undefined) return { kind: 'advice', description: finding.hint };
  const { subject, audience } = claimKeys(finding.provider);
  const isSubject = key.toLowerCase() === subject.toLowerCase();
  const pinned: FixClause = { operator: 'StringEquals', key: clause?.key ?? key, value: fresh(isSubject ? subjectPlaceholder(finding) : audienceValue(finding)) };
  if (finding.kind === 'operator-misuse' && clause) {
    const parsed = parseConditionOperator(clause.operator.trim());
    const operator = parsed ? `${parsed.base === 'StringLike' ? 'StringEquals' : parsed.base}${parsed.ifExists ? 'IfExists' : ''}` : 'StringEquals';
    return { kind: 'condition', description: finding.hint, clauses: replaceClause(statement, clause, [{ operator, key: clause.key, value: located(clause.value) }]) };
  }
  if (clause) return { kind: 'condition', description: finding.hint, clauses: replaceClause(statement, clause, [pinned]) };
  const clauses = [...keptClauses(statement), pinned];
  if (isSubject && !statement.condition.clauses.some((existing) => existing.key.toLowerCase() === audience.toLowerCase()) && finding.provider.kind !== 'saml') {
    clauses.push({ operator: 'StringEquals', key: audience, value: fresh(audienceValue(finding)) });
  }
  return { kind: 'condition', description: finding.hint, clauses };
}

function subjectPlaceholder(finding: FederatedFinding): string {
  switch (finding.provider?.kind) {
    case 'github-actions':
      return 'repo:<owner>/<repository>:ref:refs/heads/<branch>';
    case 'gitlab':
      return 'project_path:<group>/<project>:ref_type:branch:ref:<branch>';
    case 'eks':
      return 'system:serviceaccount:<namespace>:<service-account>';
    default:
      return '<subject>';
  }
}

function audienceValue(finding: FederatedFinding): string {
  switch (finding.provider?.kind) {
    case 'github-actions':
    case 'eks':
      return STS_AUDIENCE;
    case 'gitlab':
      return `https://${finding.provider.keyPrefix}`;
    case 'saml':
      return 'https://signin.aws.amazon.com/saml';
    default:
      return '<client-id>';
  }
}
