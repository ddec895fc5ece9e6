/**
 * `lint(paths)`: finds every policy in the given files and directories (Terraform, `.tf.json`,
 * CloudFormation YAML / JSON, raw policy JSON), runs the rules and returns the findings. Unreadable input
 * throws {@link DeputyInputError} listing every problem, so the CLI exits 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import type { Exemption } from './checks/check.js';
import { discoverFiles, type FileKind, type LintTarget } from './files/discover-files.js';
import type { Finding, LintResult } from './finding.js';
import { lintScan } from './lint-scan.js';
import { scanJsonFile, scanYamlFile } from './sources/document-file.js';
import type { SourceScan } from './sources/source-scan.js';
import { scanTerraformFile } from './sources/terraform/terraform-file.js';
import { scanTfJsonFile } from './sources/terraform/tf-json-file.js';
import { SIDECAR_SUFFIX, sidecarSuppressions } from './suppress/sidecar.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /** The directory relative paths are resolved against and displayed from (default: the process's). */
  readonly cwd?: string;
}

/** Text that may hold a policy: anything else found by walking a directory is not parsed at all. */
const RELEVANT = /Statement|aws_iam_policy_document|aws_lambda_permission|AWS::Lambda::Permission/;

/** Lints files and directories. */
export async function lint(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const targets = discoverFiles(paths, cwd);
  const problems: Problem[] = [];
  const findings: Finding[] = [];
  const exemptions: Exemption[] = [];
  const files: string[] = [];
  let policyCount = 0;
  for (const target of targets) {
    const text = readTarget(target, problems);
    if (text === undefined || (!target.explicit && !RELEVANT.test(text))) continue;
    try {
      const scan = await scanText(text, target.display, target.kind ?? sniffKind(text), sidecarOf(target));
      const linted = lintScan(scan);
      findings.push(...linted.findings);
      exemptions.push(...linted.exemptions);
      policyCount += scan.policies.length;
      files.push(target.display);
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return resultOf(findings, exemptions, files, policyCount);
}

/** Lints one text as if read from `file` (for tools and tests that hold the text already). */
export async function lintText(text: string, file: string, kind: FileKind, sidecar?: string): Promise<LintResult> {
  const scan = await scanText(text, file, kind, sidecar === undefined ? [] : sidecarSuppressions(sidecar, `${file}${SIDECAR_SUFFIX}`));
  const linted = lintScan(scan);
  return resultOf(linted.findings, linted.exemptions, [file], scan.policies.length);
}

/** Reads and scans one text by kind. */
export async function scanText(text: string, file: string, kind: FileKind, fileSuppressions: Parameters<typeof scanJsonFile>[2] = []): Promise<SourceScan> {
  switch (kind) {
    case 'terraform':
      return scanTerraformFile(text, file);
    case 'tf-json':
      return scanTfJsonFile(text, file);
    case 'json':
      return scanJsonFile(text, file, fileSuppressions);
    case 'yaml':
      return scanYamlFile(text, file, fileSuppressions);
  }
}

function resultOf(all: readonly Finding[], exemptions: readonly Exemption[], files: readonly string[], policyCount: number): LintResult {
  const sorted = dedupe(all).sort(compareFindings);
  return {
    findings: sorted.filter((finding) => !finding.suppressed),
    suppressed: sorted.filter((finding) => finding.suppressed),
    exemptions: dedupeExemptions(exemptions),
    files,
    policyCount,
  };
}

function readTarget(target: LintTarget, problems: Problem[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(target.path, 'utf8');
  } catch (error) {
    problems.push({ code: 'file-unreadable', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, hint: 'check the path and permissions', file: target.display });
    return undefined;
  }
  if (text.includes('\u0000')) {
    if (target.explicit) problems.push({ code: 'binary-file', message: 'the file is binary, not text', hint: 'give Terraform, CloudFormation or policy JSON files', file: target.display });
    return undefined;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function sidecarOf(target: LintTarget): ReturnType<typeof sidecarSuppressions> {
  const path = `${target.path}${SIDECAR_SUFFIX}`;
  if (target.kind !== 'json' || !existsSync(path)) return [];
  return sidecarSuppressions(readFileSync(path, 'utf8'), `${target.display}${SIDECAR_SUFFIX}`);
}

function sniffKind(text: string): FileKind {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function compareFindings(a: Finding, b: Finding): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId) || compare(a.message, b.message);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}\u0000${finding.line}\u0000${finding.column}\u0000${finding.ruleId}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupeExemptions(exemptions: readonly Exemption[]): Exemption[] {
  const seen = new Set<string>();
  return exemptions.filter((exemption) => {
    const key = `${exemption.file}\u0000${exemption.at.line}\u0000${exemption.at.column}\u0000${exemption.principal}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
