/**
 * `lint(paths)`: finds every policy in the given files and directories (Terraform, `.tf.json`,
 * CloudFormation YAML / JSON, raw policy JSON), runs the rules and returns the findings. A file that cannot
 * be read is listed in `unreadable` and the scan goes on; files that are not infrastructure code
 * (Kubernetes, Helm, OpenAPI, CI configs) are listed in `skipped`. Only when nothing could be read at all
 * does it throw {@link DeputyInputError} listing every problem, so the CLI exits 2.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import type { Exemption } from './checks/check.js';
import { loadLintConfig, type LintConfig } from './config/lint-config.js';
import { walkPaths, type FileKind } from './files/discover-files.js';
import { scanText } from './files/lint-file.js';
import { lintFiles } from './files/lint-files.js';
import type { Finding, LintNotice, LintResult, SkippedFile, UnreadableFile } from './finding.js';
import { lintScan } from './lint-scan.js';
import { SIDECAR_SUFFIX, sidecarSuppressions } from './suppress/sidecar.js';

export { scanText } from './files/lint-file.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /** The directory relative paths are resolved against and displayed from (default: the process's). */
  readonly cwd?: string;
  /** `--config`: the lint config file; by default `.deputy-lint.yaml` or `deputy.config.json` in the scan root is used when present. */
  readonly configFile?: string;
  /** The config, already loaded (tools and tests); wins over `configFile`. */
  readonly config?: LintConfig;
}

/** The directory a config is looked for in: the first directory given, else the first file's directory, else `cwd`. */
export function scanRoot(paths: readonly string[], cwd: string): string {
  const first = paths[0];
  if (first === undefined) return cwd;
  const path = resolve(cwd, first);
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return cwd;
  }
}

/** Loads the lint config for a run: `config`, else `configFile`, else one found in the scan root. */
export function configFor(paths: readonly string[], options: LintOptions): LintConfig {
  const cwd = options.cwd ?? process.cwd();
  return options.config ?? loadLintConfig({ root: scanRoot(paths, cwd), cwd, ...(options.configFile !== undefined ? { explicit: options.configFile } : {}) });
}

/**
 * Why a directory scan leaves out a template that a walked `.tf` file renders with `templatefile()` or reads with `file()`: it is
 * linted through the call (with its variables), never as a raw policy with `${…}` placeholders left in.
 */
const RENDERED_REASON = 'a template a .tf file reads with templatefile() or file(): linted through that call (with its variables, for templatefile())';

/** Lints files and directories. */
export async function lint(paths: readonly string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = options.cwd ?? process.cwd();
  const config = configFor(paths, options);
  const discovery = walkPaths(paths, cwd, config);
  const unreadable: UnreadableFile[] = [];
  const skipped: SkippedFile[] = [...discovery.skipped];
  const notices: LintNotice[] = [];
  const findings: Finding[] = [];
  const exemptions: Exemption[] = [];
  const files: string[] = [];
  let policyCount = 0;
  const outcomes = await lintFiles(discovery.targets);
  const rendered = new Set(outcomes.flatMap((outcome) => outcome.renders ?? []));
  outcomes.forEach((outcome, index) => {
    const target = discovery.targets[index]!;
    if (!target.explicit && rendered.has(target.path)) {
      skipped.push({ file: target.display, reason: RENDERED_REASON });
      return;
    }
    unreadable.push(...outcome.unreadable);
    if (outcome.skipped !== undefined) skipped.push(outcome.skipped);
    if (!outcome.scanned) return;
    findings.push(...outcome.findings);
    exemptions.push(...outcome.exemptions);
    notices.push(...outcome.notices);
    policyCount += outcome.policies;
    files.push(target.display);
  });
  if (unreadable.length > 0 && files.length === 0) throw new DeputyInputError(unreadable.map(problemOf));
  const result = resultOf(applyRuleLevels(findings, config), exemptions, files, policyCount);
  return { ...result, unreadable: firstPerFile(unreadable), skipped: skipped.sort((a, b) => compare(a.file, b.file)), notices };
}

/** Lints one text as if read from `file` (for tools and tests that hold the text already). */
export async function lintText(text: string, file: string, kind: FileKind, sidecar?: string): Promise<LintResult> {
  const scan = await scanText(text, file, kind, sidecar === undefined ? [] : sidecarSuppressions(sidecar, `${file}${SIDECAR_SUFFIX}`));
  const linted = lintScan(scan);
  return resultOf(linted.findings, linted.exemptions, [file], scan.policies.length);
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

/** Per-rule levels from the config: `off` drops the rule's findings, any other level replaces its severity. */
function applyRuleLevels(findings: readonly Finding[], config: LintConfig): Finding[] {
  if (config.rules.size === 0) return [...findings];
  return findings.flatMap((finding) => {
    const level = config.rules.get(finding.ruleId);
    if (level === undefined) return [finding];
    return level === 'off' ? [] : [{ ...finding, severity: level }];
  });
}

function problemOf(unreadable: UnreadableFile): Problem {
  const base = { code: unreadable.code, message: unreadable.message, hint: unreadable.hint };
  return unreadable.line !== undefined ? { ...base, location: { file: unreadable.file, line: unreadable.line, column: unreadable.column ?? 1 } } : { ...base, file: unreadable.file };
}

/** One entry per unreadable file: its first problem (a broken file can yield hundreds of follow-on errors). */
function firstPerFile(unreadable: readonly UnreadableFile[]): UnreadableFile[] {
  const seen = new Set<string>();
  return unreadable.filter((entry) => !seen.has(entry.file) && seen.add(entry.file) !== undefined).sort((a, b) => compare(a.file, b.file));
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
