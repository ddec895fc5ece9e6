/** The machine-readable report: the lint result as JSON with a summary, stable field order and a format version. */
import type { LintResult } from '../finding.js';

/** The `format` field of the JSON report; bumped on incompatible changes. */
export const JSON_REPORT_VERSION = 1;

/** Formats a lint result as JSON. */
export function formatJson(result: LintResult, toolVersion: string): string {
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const notes = result.findings.filter((finding) => finding.severity === 'note').length;
  const report = {
    format: JSON_REPORT_VERSION,
    tool: { name: 'deputy', version: toolVersion },
    summary: {
      errors,
      warnings: result.findings.length - errors - notes,
      notes,
      suppressed: result.suppressed.length,
      exemptions: result.exemptions.length,
      files: result.files.length,
      policies: result.policyCount,
      unreadable: (result.unreadable ?? []).length,
      skipped: (result.skipped ?? []).length,
      ...(result.baseline !== undefined ? { baselineKnown: result.baseline.known, baselineFixed: result.baseline.fixed.length } : {}),
    },
    findings: result.findings,
    suppressed: result.suppressed,
    exemptions: result.exemptions.map((exemption) => ({ file: exemption.file, line: exemption.at.line, column: exemption.at.column, principal: exemption.principal, reason: exemption.reason })),
    files: result.files,
    unreadable: result.unreadable ?? [],
    skipped: result.skipped ?? [],
    notices: result.notices ?? [],
    ...(result.baseline !== undefined ? { baseline: result.baseline } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
