/**
 * Runs every rule over the policies of one scanned file, applies suppressions and writes each fix in the
 * file's syntax.
 */
import type { CheckSink, Exemption, RawFinding, StatementCheck, StatementCheckInput } from './checks/check.js';
import { checkConfusedDeputyKeys } from './checks/confused-deputy-keys.js';
import { checkExactOperatorWildcard } from './checks/exact-operator-wildcard.js';
import { checkFederatedTrust } from './checks/federated-trust.js';
import { checkInvalidOperator } from './checks/invalid-operator.js';
import { checkJudgement, explainsStatement, withoutSubsumedJudgements } from './checks/judgement.js';
import { checkMalformedSourceValues } from './checks/malformed-source-values.js';
import { checkNegatedKeysInDeny } from './checks/negated-keys-deny.js';
import { checkPublicPrincipal, checkWildcardServicePrincipal } from './checks/principal-checks.js';
import { checkSourceAccountMismatch } from './checks/source-account-mismatch.js';
import { checkSourceArnMismatch } from './checks/source-arn-mismatch.js';
import { inferEnvironment, type InferredEnvironment } from './checks/statement-facts.js';
import { checkTemplatePlaceholders } from './checks/template-placeholders.js';
import type { Finding } from './finding.js';
import { renderFix } from './fixes/render-fix.js';
import type { Position } from './located/position.js';
import type { FoundPolicy } from './policy/found-policy.js';
import type { StatementView } from './policy/policy-view.js';
import { ruleById } from './rules/rule-catalog.js';
import type { SourceScan } from './sources/source-scan.js';
import type { Suppression } from './suppress/suppression.js';

/** Every statement check, in rule order. */
export const STATEMENT_CHECKS: readonly StatementCheck[] = [
  checkConfusedDeputyKeys,
  checkExactOperatorWildcard,
  checkSourceAccountMismatch,
  checkSourceArnMismatch,
  checkMalformedSourceValues,
  checkInvalidOperator,
  checkWildcardServicePrincipal,
  checkPublicPrincipal,
  checkNegatedKeysInDeny,
  checkTemplatePlaceholders,
  checkFederatedTrust,
  checkJudgement,
];

/** The findings and exemptions of one file. */
export interface ScanFindings {
  /** Every finding, with `suppressed` set where a suppression covers it. */
  readonly findings: Finding[];
  /** Exempt service principals. */
  readonly exemptions: Exemption[];
}

/** What each check of one statement is given; the environment is inferred when a check first asks (most statements need none). */
class StatementInput implements StatementCheckInput {
  private inferred: InferredEnvironment | undefined;

  constructor(
    readonly policy: FoundPolicy,
    readonly statement: StatementView,
  ) {}

  get environment(): InferredEnvironment {
    return (this.inferred ??= inferEnvironment(this.policy, this.statement));
  }
}

/** Lints the policies of one scanned file. */
export function lintScan(scan: SourceScan): ScanFindings {
  const findings: Finding[] = [];
  const exemptions: Exemption[] = [];
  const comments = scan.suppressions;
  for (const policy of scan.policies) {
    const raw: RawFinding[] = [];
    const explained = new Set<StatementView>();
    const sink: CheckSink = {
      finding: (finding) => {
        raw.push(finding);
        if (finding.statement !== undefined && explainsStatement(finding)) explained.add(finding.statement);
      },
      exemption: (exemption) => exemptions.push(exemption),
      explained: (statement) => explained.has(statement),
    };
    for (const statement of policy.statements) {
      const input = new StatementInput(policy, statement);
      for (const check of STATEMENT_CHECKS) check(input, sink);
    }
    if (raw.length === 0) continue;
    const suppressions = [...policy.suppressions, ...comments];
    for (const finding of withoutSubsumedJudgements(raw)) {
      if (suppressions.length === 0) {
        findings.push(toFinding(finding, policy));
        continue;
      }
      const anchors = [finding.at.line, finding.statement?.at.line, policy.at.line, ...policy.anchorLines].filter((line): line is number => line !== undefined);
      findings.push(suppress(toFinding(finding, policy), suppressions, anchors));
    }
  }
  for (const unreadable of scan.unreadable) {
    const finding: Finding = {
      ...findingBase('DPT013', unreadable.file, unreadable.at),
      message: `the policy${unreadable.label ? ` in ${unreadable.label}` : ''} is not valid JSON: ${unreadable.message}`,
      ...(unreadable.label ? { policy: unreadable.label } : {}),
      fix: { description: 'fix the JSON, or write the policy with jsonencode() or an aws_iam_policy_document data source' },
    };
    findings.push(suppress(finding, comments, [unreadable.at.line]));
  }
  const everySuppression = [...comments, ...scan.policies.flatMap((policy) => policy.suppressions)];
  for (const suppression of unique(everySuppression)) {
    if (suppression.problem === undefined) continue;
    findings.push({
      ...findingBase('DPT010', suppression.file, suppression.at),
      message: `this deputy:ignore suppression ${suppression.problem}; it suppresses nothing`,
      fix: { description: 'give the rule id and a reason', text: suppressionExample(suppression) },
    });
  }
  return { findings, exemptions };
}

/** A finding as it is being written (its fields in their order: the JSON report lists them so). */
type FindingDraft = { -readonly [Field in keyof Finding]: Finding[Field] };

function toFinding(raw: RawFinding, policy: FoundPolicy): Finding {
  const finding: FindingDraft = { ...findingBase(raw.ruleId, policy.file, raw.at), message: raw.message };
  if (raw.severity) finding.severity = raw.severity;
  if (policy.label) finding.policy = policy.label;
  if (raw.statement) finding.statement = statementIdentity(raw.statement);
  if (raw.fix) finding.fix = renderFix(raw.fix, policy);
  return finding;
}

/** How a finding names its statement, stable across line moves: the Sid, else the position in the policy. */
function statementIdentity(statement: StatementView): string {
  const name = statement.sid !== undefined && statement.sid !== '' ? statement.sid : statement.displayName ?? `#${statement.index}`;
  return statement.branch !== undefined ? `${name} (${statement.branch})` : name;
}

function findingBase(ruleId: string, file: string, at: Position): Pick<Finding, 'ruleId' | 'ruleName' | 'severity' | 'file' | 'line' | 'column'> {
  const rule = ruleById(ruleId);
  return { ruleId, ruleName: rule.name, severity: rule.severity, file, line: at.line, column: at.column };
}

function suppress(finding: Finding, suppressions: readonly Suppression[], anchors: readonly number[]): Finding {
  const match = suppressions.find(
    (suppression) =>
      suppression.problem === undefined &&
      suppression.rules.includes(finding.ruleId) &&
      (suppression.lines === undefined || suppression.lines.some((line) => anchors.includes(line))),
  );
  if (!match) return finding;
  return { ...finding, suppressed: { reason: match.reason, origin: match.origin, file: match.file, line: match.at.line } };
}

function suppressionExample(suppression: Suppression): string {
  const rules = suppression.rules.length > 0 ? suppression.rules.join(',') : 'DPT001';
  switch (suppression.origin) {
    case 'metadata':
      return `Metadata:\n  deputy:\n    ignore:\n      - rule: ${rules}\n        reason: <why this finding is acceptable>`;
    case 'tf-json-comment':
      return `"//": "deputy:ignore ${rules} <why this finding is acceptable>"`;
    case 'sidecar':
      return `deputy:ignore ${rules} <why this finding is acceptable>`;
    case 'comment':
      return `# deputy:ignore ${rules} <why this finding is acceptable>`;
  }
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
