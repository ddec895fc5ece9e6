/** The linter's output as plain data: findings (reported and suppressed), exemptions and what was read. */
import type { Exemption } from './checks/check.js';
import type { RenderedFix } from './fixes/render-fix.js';
import type { Severity } from './rules/rule-catalog.js';
import type { SuppressionOrigin } from './suppress/suppression.js';

/** Where and why a finding was suppressed. */
export interface FindingSuppression {
  /** The reason the suppression gives. */
  readonly reason: string;
  /** What kind of suppression it is. */
  readonly origin: SuppressionOrigin;
  /** The file it is written in. */
  readonly file: string;
  /** The line it is written on. */
  readonly line: number;
}

/** One finding. */
export interface Finding {
  /** The rule id, e.g. `DPT001`. */
  readonly ruleId: string;
  /** The rule name, e.g. `missing-confused-deputy-condition`. */
  readonly ruleName: string;
  /** The severity. */
  readonly severity: Severity;
  /** The file, as displayed (relative to the working directory when inside it). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** What is wrong. */
  readonly message: string;
  /** Where in the file the policy is, e.g. `aws_iam_role.worker.assume_role_policy`; absent for a raw policy file. */
  readonly policy?: string;
  /** The suggested fix, written in the file's syntax. */
  readonly fix?: RenderedFix;
  /** Present when a suppression covers the finding. */
  readonly suppressed?: FindingSuppression;
}

/** Everything one lint run found. */
export interface LintResult {
  /** Findings no suppression covers, sorted by file, line, column and rule. */
  readonly findings: readonly Finding[];
  /** Findings covered by a valid suppression. */
  readonly suppressed: readonly Finding[];
  /** Service principals the service-principal rules do not apply to, with the reason. */
  readonly exemptions: readonly Exemption[];
  /** The files read, as displayed. */
  readonly files: readonly string[];
  /** How many policies were checked. */
  readonly policyCount: number;
}
