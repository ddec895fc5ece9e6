/**
 * Lints one file into plain data: read it (any supported encoding), skip it when it is not infrastructure
 * code or holds nothing policy-like, scan it by kind, run the rules. Never throws for bad input: an
 * unreadable file is part of the outcome. The same function runs on the main thread and in lint workers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import type { Exemption } from '../checks/check.js';
import type { Finding, LintNotice, SkippedFile, UnreadableFile } from '../finding.js';
import { lintScan } from '../lint-scan.js';
import { scanJsonFile, scanYamlFile } from '../sources/document-file.js';
import { mayHoldPolicy } from '../sources/policy-text.js';
import type { SourceScan } from '../sources/source-scan.js';
import { scanTerraformFile, TERRAFORM_POLICY_HINT } from '../sources/terraform/terraform-file.js';
import { templateFileReferences } from '../sources/terraform/template-file.js';
import { diskTemplateReader } from '../sources/terraform/terraform-file-facts.js';
import { scanTfJsonFile } from '../sources/terraform/tf-json-file.js';
import { SIDECAR_SUFFIX, sidecarSuppressions } from '../suppress/sidecar.js';
import type { FileKind, LintTarget } from './discover-files.js';
import { hasTemplateSyntax, notInfrastructureReason, TEMPLATE_REASON } from './not-infrastructure.js';
import { decodeText } from './read-text.js';

/** What linting one file produced. */
export interface FileOutcome {
  /** True when the file was read and scanned (it counts in `files`). */
  readonly scanned: boolean;
  /** Its findings (suppressed ones flagged), before per-rule levels. */
  readonly findings: readonly Finding[];
  /** Exempt service principals. */
  readonly exemptions: readonly Exemption[];
  /** How many policies it holds. */
  readonly policies: number;
  /** Why it could not be read: every problem, in order. */
  readonly unreadable: readonly UnreadableFile[];
  /** Set when it was left out as not infrastructure code. */
  readonly skipped?: SkippedFile;
  /** Lenient readings. */
  readonly notices: readonly LintNotice[];
  /**
   * For a `.tf` file: the absolute paths of the templates it renders with `templatefile()`, which a directory
   * scan then skips (they are linted through the call, with its variables).
   */
  readonly renders?: readonly string[];
}

const NOTHING: FileOutcome = { scanned: false, findings: [], exemptions: [], policies: 0, unreadable: [], notices: [] };

/** Lints one file; bugs (not bad input) still throw. */
export async function lintFile(target: LintTarget): Promise<FileOutcome> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(target.path);
  } catch (error) {
    return { ...NOTHING, unreadable: [{ file: target.display, code: 'file-unreadable', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, hint: 'check the path and permissions' }] };
  }
  const outcome = await lintBytes(target, bytes);
  const renders = target.kind === 'terraform' ? renderedTemplates(target, bytes) : [];
  return renders.length > 0 ? { ...outcome, renders } : outcome;
}

/** The templates a `.tf` file renders with `templatefile("…")`, as absolute paths. */
function renderedTemplates(target: LintTarget, bytes: Buffer): string[] {
  if (!bytes.includes('templatefile')) return [];
  return templateFileReferences(bytes.toString('utf8')).map((reference) => resolve(dirname(target.path), reference));
}

async function lintBytes(target: LintTarget, bytes: Buffer): Promise<FileOutcome> {
  const read = decodeText(bytes);
  if (!read.ok) return { ...NOTHING, unreadable: [{ file: target.display, code: read.code, message: read.message, hint: read.hint }] };
  const text = read.text;
  if (!target.explicit && !mayHoldPolicy(text) && !TERRAFORM_POLICY_HINT.test(text)) return NOTHING;
  const kind = target.kind ?? sniffKind(text);
  const notIac = target.explicit ? undefined : notInfrastructureReason(target.display, text, kind);
  if (notIac !== undefined) return { ...NOTHING, skipped: { file: target.display, reason: notIac } };
  let scan: SourceScan;
  try {
    scan = await scanText(text, target.display, kind, sidecarOf(target), target.path);
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    if (!target.explicit && kind !== 'terraform' && hasTemplateSyntax(text)) return { ...NOTHING, skipped: { file: target.display, reason: TEMPLATE_REASON } };
    return { ...NOTHING, unreadable: error.problems.map((problem) => unreadableOf(problem, target.display)) };
  }
  if (scan.notInfrastructure !== undefined) return { ...NOTHING, skipped: { file: target.display, reason: scan.notInfrastructure } };
  const linted = lintScan(scan);
  return {
    scanned: true,
    findings: linted.findings,
    exemptions: linted.exemptions,
    policies: scan.policies.length,
    unreadable: [],
    notices: (scan.notices ?? []).map((notice) => ({ file: notice.file, line: notice.at.line, column: notice.at.column, code: notice.code, message: notice.message })),
  };
}

/** Reads and scans one text by kind. */
export async function scanText(text: string, file: string, kind: FileKind, fileSuppressions: Parameters<typeof scanJsonFile>[2] = [], path?: string): Promise<SourceScan> {
  switch (kind) {
    case 'terraform':
      return scanTerraformFile(text, file, path !== undefined ? { readTemplate: diskTemplateReader(path) } : {});
    case 'tf-json':
      return scanTfJsonFile(text, file);
    case 'json':
      return scanJsonFile(text, file, fileSuppressions);
    case 'yaml':
      return text.trimStart().startsWith('{') ? jsonThenYaml(text, file, fileSuppressions) : scanYamlFile(text, file, fileSuppressions);
  }
}

/**
 * A `.template` / `.yaml` file written as JSON (older CloudFormation templates) is read by the JSON reader,
 * which is exact and fast for JSON (large templates member by member); text that is not JSON is YAML.
 */
function jsonThenYaml(text: string, file: string, fileSuppressions: Parameters<typeof scanJsonFile>[2]): SourceScan {
  try {
    return scanJsonFile(text, file, fileSuppressions);
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    return scanYamlFile(text, file, fileSuppressions);
  }
}

function sidecarOf(target: LintTarget): ReturnType<typeof sidecarSuppressions> {
  const path = `${target.path}${SIDECAR_SUFFIX}`;
  if (target.kind !== 'json' || !existsSync(path)) return [];
  return sidecarSuppressions(readFileSync(path, 'utf8'), `${target.display}${SIDECAR_SUFFIX}`);
}

function sniffKind(text: string): FileKind {
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function unreadableOf(problem: Problem, file: string): UnreadableFile {
  const location = problem.location;
  return { file, ...(location ? { line: location.line, column: location.column } : {}), code: problem.code, message: problem.message, hint: problem.hint ?? 'fix the file' };
}
