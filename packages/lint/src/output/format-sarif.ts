/**
 * SARIF 2.1.0 for GitHub code scanning: every rule in `tool.driver.rules` (so a fixed alert can close),
 * one result per unsuppressed finding with a repository-relative URI, the rule's level, a stable partial
 * fingerprint, and the suggested fix in the message. Suppressed findings are left out, so a reviewed
 * suppression never opens an alert.
 */
import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, LintResult } from '../finding.js';
import { RULES } from '../rules/rule-catalog.js';

/** Options of {@link formatSarif}. */
export interface SarifFormatOptions {
  /** deputy's version, written as the driver version. */
  readonly toolVersion: string;
  /** Where deputy is documented (the driver's informationUri). */
  readonly informationUri?: string;
}

const SECURITY_SEVERITY: Record<string, string> = { error: '8.0', warning: '5.0' };

/** Formats a lint result as a SARIF 2.1.0 log. */
export function formatSarif(result: LintResult, options: SarifFormatOptions): string {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'deputy',
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.summary },
              fullDescription: { text: rule.description },
              help: { text: rule.description, markdown: `**${rule.id} ${rule.name}**\n\n${rule.description}` },
              defaultConfiguration: { level: rule.severity },
              properties: { tags: ['security', 'iam', 'confused-deputy'], precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: result.findings.map(resultOf),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function resultOf(finding: Finding): object {
  const fix = finding.fix ? `\nFix: ${finding.fix.description}${finding.fix.text !== undefined ? `\n${finding.fix.text}` : ''}` : '';
  return {
    ruleId: finding.ruleId,
    ruleIndex: RULES.findIndex((rule) => rule.id === finding.ruleId),
    level: finding.severity,
    message: { text: `${finding.message}${finding.policy ? ` (in ${finding.policy})` : ''}.${fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: isAbsolute(finding.file) ? { uri: pathToFileURL(finding.file).href } : { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    partialFingerprints: { 'deputyFinding/v1': fingerprint(finding) },
    ...(finding.policy ? { properties: { policy: finding.policy } } : {}),
  };
}

/** Stable across line moves: the file, rule, policy and message, not the position. */
function fingerprint(finding: Finding): string {
  return createHash('sha256').update([finding.file, finding.ruleId, finding.policy ?? '', finding.message].join('\u0000')).digest('hex').slice(0, 32);
}
