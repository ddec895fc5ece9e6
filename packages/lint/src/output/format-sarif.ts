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

const SECURITY_SEVERITY: Record<string, string> = { error: '8.0', warning: '5.0', note: '2.0' };

/**
 * The invocation: files that could not be read as error notifications (the run is still successful: the
 * other files were linted), lenient readings as notes.
 */
function invocationOf(result: LintResult): object {
  const unreadable = (result.unreadable ?? []).map((entry) => ({
    level: 'error',
    descriptor: { id: entry.code },
    message: { text: `${entry.message} (${entry.hint}); the file was not linted` },
    locations: [locationOf(entry.file, entry.line, entry.column)],
  }));
  const notices = (result.notices ?? []).map((notice) => ({
    level: 'note',
    descriptor: { id: notice.code },
    message: { text: notice.message },
    locations: [locationOf(notice.file, notice.line, notice.column)],
  }));
  return { executionSuccessful: result.files.length > 0 || unreadable.length === 0, toolExecutionNotifications: [...unreadable, ...notices] };
}

function locationOf(file: string, line: number | undefined, column: number | undefined): object {
  return {
    physicalLocation: {
      artifactLocation: isAbsolute(file) ? { uri: pathToFileURL(file).href } : { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      ...(line !== undefined ? { region: { startLine: line, startColumn: column ?? 1 } } : {}),
    },
  };
}

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
        invocations: [invocationOf(result)],
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
    locations: [locationOf(finding.file, finding.line, finding.column)],
    partialFingerprints: { 'deputyFinding/v1': fingerprint(finding) },
    ...(finding.policy ? { properties: { policy: finding.policy } } : {}),
  };
}

/** Stable across line moves: the file, rule, policy and message, not the position. */
function fingerprint(finding: Finding): string {
  return createHash('sha256').update([finding.file, finding.ruleId, finding.policy ?? '', finding.message].join('\u0000')).digest('hex').slice(0, 32);
}
