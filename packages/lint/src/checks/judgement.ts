/**
 * DPT014 / DPT015: the policy judged by deputy's decision procedure, the scenario matrix of `@deputy/verify`
 * (the same judgement `deputy verify`, `emit` and `snippet` make). For each service principal it allows,
 * the call the service makes for another account must be denied (DPT014) and the service's own call, with
 * the keys AWS documents that it sends here, must be allowed (DPT015). The policy is judged once, as a
 * whole (statements are ORed, a Deny closes a hole); a finding is reported at the statement that decided.
 */
import {
  integrationFor,
  integrationKindOfActions,
  isDocumented,
  listOf,
  serviceByPrincipal,
  statementsOf,
  type IntegrationKind,
  type LiteralPolicyDocument,
  type Partition,
} from '@deputy/policy-model';
import { describeJudgement, judgeServiceVerification, type JudgementClass, type PolicyVerification, type ScenarioResult } from '@deputy/verify';
import { fresh, type FixClause, type FixPlan } from '../fixes/fix-plan.js';
import { accountValue, keptClauses, sourceArnClause } from '../fixes/condition-edits.js';
import type { FoundPolicy } from '../policy/found-policy.js';
import type { StatementView } from '../policy/policy-view.js';
import { statementName } from '../policy/policy-view.js';
import { ruleById } from '../rules/rule-catalog.js';
import type { RawFinding, StatementCheck, StatementCheckInput } from './check.js';
import { literalPolicy, type LiteralPolicy } from './literal-policy.js';
import { integrationOf, usageOf } from './statement-facts.js';
import { memoisedVerifyPolicy } from './verification-memo.js';

const OWN_ACCOUNT = '111122223333';

/** One judgement per policy: the literal document, its verification, and where each literal statement came from. */
interface PolicyJudgement {
  readonly literal: LiteralPolicy;
  readonly verification: PolicyVerification;
  /** For each statement of the literal document, the index of the statement it was read from. */
  readonly origins: readonly number[];
}

/**
 * The judgement of the policy the rules are reading, made once (every Allow statement of it asks) by the
 * first statement that asks. One entry, not a WeakMap (see remember-last.ts).
 */
let lastJudgement: { readonly policy: FoundPolicy; readonly judgement: PolicyJudgement | null } | undefined;

/** The check. */
export const checkJudgement: StatementCheck = (input, sink) => {
  const { policy, statement } = input;
  if (statement.effect !== 'Allow' || policy.exemptReason) return;
  const judgement = judgementOf(input);
  if (!judgement || sink.explained?.(statement)) return;
  for (const service of judgement.verification.services) {
    const entry = serviceByPrincipal(service.principal)?.entry;
    if (!entry && service.principal !== '*') continue;
    const name = entry?.name ?? 'any AWS service';
    const judgeLegitimate = entry !== undefined && !judgement.literal.opaqueSourceValues && isDocumented(integrationFor(entry, service.usage));
    for (const finding of judgeServiceVerification(service, { judgeLegitimate })) {
      const { scenario } = finding;
      if (!decidedHere(scenario, judgement, statement)) continue;
      if (finding.judgement === 'weaker' && !keyWritten(statement, scenario.scenario)) continue;
      sink.finding({
        ruleId: RULE_OF[finding.judgement],
        at: statement.condition.at ?? statement.at,
        message: `${statementName(statement)}: ${describeJudgement(finding, service)} (${name})`,
        fix: pinningFix(input, service.usage),
        statement,
      });
    }
  }
};

const RULE_OF: { readonly [judgement in JudgementClass]: string } = { 'another-account': 'DPT014', 'service-denied': 'DPT015', weaker: 'DPT016' };

const SCENARIO_KEYS: Readonly<Record<string, string>> = {
  'foreign-source-account': 'aws:sourceaccount',
  'foreign-source-arn': 'aws:sourcearn',
  'foreign-organization': 'aws:sourceorg',
};

/** True when the statement writes the key the scenario tests (a missing key is DPT001/DPT002's finding). */
function keyWritten(statement: StatementView, scenario: string): boolean {
  const key = SCENARIO_KEYS[scenario];
  return key !== undefined && statement.condition.clauses.some((clause) => clause.key.toLowerCase().startsWith(key));
}

function judgementOf(input: StatementCheckInput): PolicyJudgement | undefined {
  const { policy } = input;
  if (lastJudgement?.policy !== policy) lastJudgement = { policy, judgement: judge(policy, input) };
  return lastJudgement.judgement ?? undefined;
}

function judge(policy: FoundPolicy, input: StatementCheckInput): PolicyJudgement | null {
  if (policy.unknownStatements) return null;
  if (!policy.statements.some((statement) => statement.principal !== undefined && (statement.principal.services.length > 0 || statement.principal.anyone))) return null;
  const environment = { account: input.environment.account ?? OWN_ACCOUNT, region: input.environment.region ?? 'us-east-1', partition: input.environment.partition ?? 'aws' };
  const literal = literalPolicy(policy.statements, environment);
  if (!literal) return null;
  const origins = originsOf(policy.statements, literal.document);
  const usage = usageOf(policy, input.statement);
  const kind = integrationOf(policy, input.statement);
  const integration: IntegrationKind | undefined = usage === 'trust' ? undefined : kind !== 'resource' ? kind : integrationKindOfActions(allActions(literal.document));
  try {
    const verification = memoisedVerifyPolicy(literal.document, { kind: usage, ...(integration ? { integration } : {}), ...environment, partition: environment.partition as Partition });
    return { literal, verification, origins };
  } catch {
    return null;
  }
}

function originsOf(statements: readonly StatementView[], document: LiteralPolicyDocument): number[] {
  const readable = statements.filter((statement) => statement.effect !== undefined && !statement.condition.unknown && !statement.principal?.unknown && statement.actions.length > 0);
  return statementsOf(document).map((_, index) => readable[index]?.index ?? index);
}

function allActions(document: LiteralPolicyDocument): string[] {
  return statementsOf(document).flatMap((statement) => [...listOf(statement.Action)]);
}

function decidedHere(scenario: ScenarioResult, judgement: PolicyJudgement, statement: StatementView): boolean {
  if (scenario.statement === undefined) return statement.index === judgement.origins[0];
  return judgement.origins[scenario.statement.index] === statement.index;
}

/** The statement's conditions with every confused-deputy clause replaced by the documented keys with concrete values. */
function pinningFix(input: StatementCheckInput, usage: PolicyVerification['kind'] | IntegrationKind): FixPlan {
  const { statement, environment } = input;
  const entries = (statement.principal?.services ?? [])
    .map((value) => (value.kind === 'text' && value.parts.every((part) => typeof part === 'string') ? serviceByPrincipal(value.parts.join('')) : undefined))
    .filter((match) => match !== undefined);
  const kept = keptClauses(statement).filter((clause) => !clause.key.toLowerCase().startsWith('aws:source'));
  const added: FixClause[] = [];
  const keys = new Set(entries.flatMap((match) => integrationFor(match.entry, usage)?.keys ?? []));
  if (keys.has('aws:SourceAccount') || keys.size === 0) added.push({ operator: 'StringEquals', key: 'aws:SourceAccount', value: fresh(accountValue(environment)) });
  if (keys.has('aws:SourceArn')) {
    const clause = entries.map((match) => sourceArnClause(match.entry, environment, match.region, usage)).find((found) => found !== undefined);
    if (clause) added.push(clause);
  }
  return { kind: 'condition', description: 'pin the keys AWS documents to this account and its resources (no wildcard account, no other account)', clauses: [...kept, ...added] };
}

const JUDGEMENT_RULES = new Set(['DPT014', 'DPT015', 'DPT016']);

/**
 * The findings with each judgement dropped where a more specific error already explains the same statement
 * (DPT001 for a statement without keys, DPT003 for a literal wildcard, DPT004 for two accounts …): the
 * judgement catches what no specific rule names, and never reports a hole twice.
 */
export function withoutSubsumedJudgements(findings: readonly RawFinding[]): RawFinding[] {
  const explained = new Set(findings.filter(explainsStatement).map((finding) => finding.statement));
  return findings.filter((finding) => !JUDGEMENT_RULES.has(finding.ruleId) || finding.statement === undefined || !explained.has(finding.statement));
}

/** True when the finding explains its statement, so no judgement is reported there: an error of a specific rule. */
export function explainsStatement(finding: RawFinding): boolean {
  return !JUDGEMENT_RULES.has(finding.ruleId) && finding.statement !== undefined && (finding.severity ?? ruleById(finding.ruleId).severity) === 'error';
}
