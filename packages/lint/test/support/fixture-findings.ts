/**
 * Lints a hand-written fixture and compares the findings of the rules a test is about with the expected
 * `[rule, line, message essence]` triples: the rule and line exactly, the message by the phrase that carries
 * the meaning (principals, branch, keys), so that rewording a message elsewhere does not hide or fake a
 * change in what is found.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { lintText, type FileKind } from '../../src/index.js';

/** One expected finding: rule id, line, and a phrase the message must contain. */
export type ExpectedFinding = readonly [rule: string, line: number, essence: string];

/** The rules whose findings a fixture test states exhaustively. */
export const JUDGED_RULES: readonly string[] = ['DPT001', 'DPT002', 'DPT003', 'DPT008', 'DPT009', 'DPT012', 'DPT013'];

/** Lints `path` and expects exactly `expected` among the findings of {@link JUDGED_RULES}. */
export async function expectFixtureFindings(path: string, kind: FileKind, expected: readonly ExpectedFinding[]): Promise<void> {
  const result = await lintText(readFileSync(path, 'utf8'), path, kind);
  const actual = result.findings.filter((finding) => JUDGED_RULES.includes(finding.ruleId));
  expect(actual.map((finding) => [finding.ruleId, finding.line])).toEqual(expected.map(([rule, line]) => [rule, line]));
  actual.forEach((finding, index) => expect(finding.message).toContain(expected[index]![2]));
}
