/**
 * A baseline records today's findings so that a repository can adopt deputy without fixing everything first:
 * later runs report only findings the baseline does not record, and list the recorded ones that are gone.
 * A finding's fingerprint is its file, rule, policy, statement and message (line numbers normalised), so
 * moving code up or down a file keeps it matched; identical fingerprints are counted, so a second copy of a
 * recorded hole is new.
 */
import { createHash } from 'node:crypto';
import type { BaselineEntry, Finding } from '../finding.js';

/** The `format` of a baseline file; bumped on incompatible changes. */
export const BASELINE_FORMAT = 1;

/** A baseline file's contents. */
export interface Baseline {
  /** The format version ({@link BASELINE_FORMAT}). */
  readonly format: number;
  /** Recorded findings, sorted by file, rule and fingerprint. */
  readonly findings: readonly BaselineEntry[];
}

/** Which findings a baseline already knows. */
export interface BaselineSplit {
  /** Findings the baseline does not record. */
  readonly fresh: Finding[];
  /** How many findings it records. */
  readonly known: number;
  /** Recorded entries no longer found. */
  readonly fixed: BaselineEntry[];
}

/** The fingerprint of a finding: stable across line moves. */
export function fingerprintOf(finding: Pick<Finding, 'file' | 'ruleId' | 'policy' | 'statement' | 'message'>): string {
  const message = finding.message.replace(/\bline \d+/g, 'line N').replace(/:\d+:\d+\b/g, ':N:N');
  return createHash('sha256')
    .update([finding.file, finding.ruleId, finding.policy ?? '', finding.statement ?? '', message].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** The baseline recording `findings`. */
export function baselineOf(findings: readonly Finding[]): Baseline {
  const entries = findings.map((finding) => ({
    fingerprint: fingerprintOf(finding),
    file: finding.file,
    ruleId: finding.ruleId,
    ...(finding.policy !== undefined ? { policy: finding.policy } : {}),
    ...(finding.statement !== undefined ? { statement: finding.statement } : {}),
    message: finding.message,
  }));
  entries.sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint) || compare(a.message, b.message));
  return { format: BASELINE_FORMAT, findings: entries };
}

/** Splits findings into those the baseline records and new ones; recorded entries left over are fixed. */
export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline): BaselineSplit {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) remaining.set(entry.fingerprint, [...(remaining.get(entry.fingerprint) ?? []), entry]);
  const fresh: Finding[] = [];
  let known = 0;
  for (const finding of findings) {
    const recorded = remaining.get(fingerprintOf(finding));
    if (recorded !== undefined && recorded.length > 0) {
      recorded.pop();
      known++;
    } else {
      fresh.push(finding);
    }
  }
  const fixed = [...remaining.values()].flat().sort((a, b) => compare(a.file, b.file) || compare(a.ruleId, b.ruleId));
  return { fresh, known, fixed };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
