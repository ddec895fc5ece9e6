/**
 * The human-readable report: one `file:line:col: severity RULE message` line per finding (the form editors
 * and CI logs link), the policy it is in, the suggested fix indented below, and a summary line. With
 * `verbose`, exempt principals and suppressed findings are listed too.
 */
import type { Finding, LintResult } from '../finding.js';

/** Options of {@link formatText}. */
export interface TextFormatOptions {
  /** Also list exempt service principals and suppressed findings. */
  readonly verbose?: boolean;
}

/** Formats a lint result as text. */
export function formatText(result: LintResult, options: TextFormatOptions = {}): string {
  const lines: string[] = [];
  for (const finding of result.findings) lines.push(...findingLines(finding), '');
  if (options.verbose) {
    for (const finding of result.suppressed) {
      lines.push(`${finding.file}:${finding.line}:${finding.column}: suppressed ${finding.ruleId} ${finding.message}`);
      lines.push(`  reason (${finding.suppressed!.file}:${finding.suppressed!.line}): ${finding.suppressed!.reason}`, '');
    }
    for (const exemption of result.exemptions) {
      lines.push(`${exemption.file}:${exemption.at.line}:${exemption.at.column}: exempt ${exemption.principal}: ${exemption.reason}`);
    }
    if (result.exemptions.length > 0) lines.push('');
    for (const notice of result.notices ?? []) lines.push(`${notice.file}:${notice.line}:${notice.column}: note ${notice.message}`);
    if ((result.notices ?? []).length > 0) lines.push('');
    for (const skipped of result.skipped ?? []) lines.push(`${skipped.file}: skipped (${skipped.reason})`);
    if ((result.skipped ?? []).length > 0) lines.push('');
  }
  for (const unreadable of result.unreadable ?? []) {
    const at = unreadable.line !== undefined ? `:${unreadable.line}:${unreadable.column ?? 1}` : '';
    lines.push(`${unreadable.file}${at}: unreadable ${unreadable.message} (${unreadable.hint})`);
  }
  if ((result.unreadable ?? []).length > 0) lines.push('');
  if (result.baseline !== undefined) {
    for (const entry of result.baseline.fixed) lines.push(`${entry.file}: fixed ${entry.ruleId} ${entry.message}${entry.policy ? ` (in ${entry.policy})` : ''}`);
    if (result.baseline.fixed.length > 0) lines.push('');
  }
  lines.push(summaryLine(result, options.verbose === true));
  return `${lines.join('\n')}\n`;
}

function findingLines(finding: Finding): string[] {
  const lines = [`${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId} ${finding.message} [${finding.ruleName}]`];
  if (finding.policy) lines.push(`  in ${finding.policy}`);
  if (finding.fix) {
    lines.push(`  fix: ${finding.fix.description}`);
    if (finding.fix.text !== undefined) lines.push(...finding.fix.text.split('\n').map((line) => (line === '' ? '' : `    ${line}`)));
  }
  return lines;
}

/**
 * `2 errors, 1 warning in 3 files (5 policies checked); 1 suppressed`, then what else happened: files that
 * could not be read (always said, since they make the exit code 1), the baseline, files skipped.
 */
export function summaryLine(result: LintResult, verbose = false): string {
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const notes = result.findings.filter((finding) => finding.severity === 'note').length;
  const warnings = result.findings.length - errors - notes;
  const scope = `${plural(result.files.length, 'file')} (${plural(result.policyCount, 'policy', 'policies')} checked)`;
  const suppressed = result.suppressed.length > 0 ? `; ${result.suppressed.length} suppressed` : '';
  const exempt = result.exemptions.length > 0 ? `; ${plural(result.exemptions.length, 'exempt principal')}${verbose ? '' : ' (--verbose lists them)'}` : '';
  const baseline = result.baseline === undefined ? '' : `; ${result.baseline.updated ? 'baseline recorded' : 'baseline'}: ${result.baseline.known} known, ${result.baseline.fixed.length} fixed`;
  const skippedCount = (result.skipped ?? []).length;
  const skipped = skippedCount > 0 ? `; ${skippedCount} skipped${verbose ? '' : ' (--verbose lists them)'}` : '';
  const unreadableCount = (result.unreadable ?? []).length;
  const unreadable = unreadableCount > 0 ? `; ${plural(unreadableCount, 'file')} could not be read` : '';
  const tail = `${suppressed}${exempt}${baseline}${skipped}${unreadable}`;
  if (result.findings.length === 0) return `deputy lint: no findings in ${scope}${tail}`;
  return `deputy lint: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${notes > 0 ? `, ${plural(notes, 'note')}` : ''} in ${scope}${tail}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
