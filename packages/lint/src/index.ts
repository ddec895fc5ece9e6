/**
 * @deputy/lint: finds confused-deputy holes in the IAM policies of Terraform, CloudFormation and raw JSON,
 * with fixes written in each file's own syntax.
 */
export { configFor, lint, lintText, scanRoot, type LintOptions } from './lint.js';
export { registerLint, FINDINGS_EXIT_CODE, LINT_EXIT_CODES, LINT_FORMATS, LINT_VERSION, type LintFormat, type LintIo } from './lint-command.js';
export type { BaselineComparison, BaselineEntry, Finding, FindingSuppression, LintNotice, LintResult, SkippedFile, UnreadableFile } from './finding.js';
export { CONFIG_FILE_NAMES, GENERATED_DIRECTORIES, loadLintConfig, parseLintConfig, RULE_LEVELS, type LintConfig, type RuleLevel } from './config/lint-config.js';
export { BASELINE_FORMAT, baselineOf, compareWithBaseline, fingerprintOf, type Baseline, type BaselineSplit } from './baseline/baseline.js';
export type { Exemption } from './checks/check.js';
export type { RenderedFix } from './fixes/render-fix.js';
export { RULES, SEVERITIES, meetsThreshold, ruleById, type RuleDescriptor, type Severity } from './rules/rule-catalog.js';
export type { FileKind } from './files/discover-files.js';
export { formatText, summaryLine, type TextFormatOptions } from './output/format-text.js';
export { formatJson, JSON_REPORT_VERSION } from './output/format-json.js';
export { formatSarif, type SarifFormatOptions } from './output/format-sarif.js';
export { SIDECAR_SUFFIX } from './suppress/sidecar.js';
