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
  /** Which statement of the policy: its Sid, else `#<index>`, with the `Fn::If` branch when there is one. */
  readonly statement?: string;
  /** The suggested fix, written in the file's syntax. */
  readonly fix?: RenderedFix;
  /** Present when a suppression covers the finding. */
  readonly suppressed?: FindingSuppression;
}

/** A file that could not be read; the scan went on without it. */
export interface UnreadableFile {
  /** The file, as displayed. */
  readonly file: string;
  /** 1-based line of the problem, when known. */
  readonly line?: number;
  /** 1-based column of the problem, when known. */
  readonly column?: number;
  /** Stable code, e.g. `yaml-syntax-error`, `not-text`. */
  readonly code: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

/** A file or directory left out of the scan: not infrastructure code, generated, ignored, or a second path to a file. */
export interface SkippedFile {
  /** The path, as displayed. */
  readonly file: string;
  /** Why, e.g. `Kubernetes manifest`, `generated directory`, `ignored by vendor/**`. */
  readonly reason: string;
}

/** Something read leniently, as AWS's own readers read it (a duplicate YAML key keeps its last value). */
export interface LintNotice {
  /** The file, as displayed. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Stable code, e.g. `yaml-duplicate-key`. */
  readonly code: string;
  /** What was read and how. */
  readonly message: string;
}

/** How the findings compare with a baseline (`--baseline`). */
export interface BaselineComparison {
  /** The baseline file, as given. */
  readonly file: string;
  /** How many findings the baseline already records (left out of `findings`). */
  readonly known: number;
  /** Baseline entries no longer found: fixed since the baseline was recorded. */
  readonly fixed: readonly BaselineEntry[];
  /** True when this run rewrote the baseline (`--update-baseline`). */
  readonly updated: boolean;
}

/** One recorded finding of a baseline. */
export interface BaselineEntry {
  /** Stable across line moves: file, rule, policy, statement and message, hashed. */
  readonly fingerprint: string;
  /** The file, as displayed when recorded. */
  readonly file: string;
  /** The rule id. */
  readonly ruleId: string;
  /** The policy, when the finding had one. */
  readonly policy?: string;
  /** The statement, when the finding had one. */
  readonly statement?: string;
  /** The message when recorded. */
  readonly message: string;
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
  /** Files that could not be read (the scan went on without them). */
  readonly unreadable?: readonly UnreadableFile[];
  /** Files and directories left out: not infrastructure code, generated, ignored, duplicates through links. */
  readonly skipped?: readonly SkippedFile[];
  /** Things read leniently. */
  readonly notices?: readonly LintNotice[];
  /** Present with `--baseline`: findings the baseline records are left out of `findings`. */
  readonly baseline?: BaselineComparison;
}
