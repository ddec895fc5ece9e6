/**
 * CloudFormation intrinsics in policies: `Fn::If` at every level (statement list, statement, Principal,
 * Condition block, one condition value) is read branch by branch, each finding naming its branch; service
 * principals written with `Fn::Sub` / `Fn::Join` over `AWS::URLSuffix` resolve to the catalog's principal.
 * Fixtures: test/fixtures/intrinsics (hand-written).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lintText } from '../src/index.js';
import { conditionalVariants, describeBranch } from '../src/policy/conditional-variants.js';
import { fileText } from '../src/located/embedded-text.js';
import { parseLocatedJson } from '../src/located/located-json.js';
import { lineIndexOf } from '../src/located/position.js';
import { withIntrinsics } from '../src/sources/cloudformation/long-form-intrinsics.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'intrinsics');
const UNPROTECTED_STATES = 'allows states.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn';

async function findingsOf(name: string): Promise<[string, number, string][]> {
  const result = await lintText(readFileSync(join(FIXTURES, name), 'utf8'), name, name.endsWith('.json') ? 'json' : 'yaml');
  return result.findings.map((finding) => [finding.ruleId, finding.line, finding.message]);
}

describe('Fn::If is linted branch by branch', () => {
  test('YAML: the unprotected branch of a statement, a Condition block, a condition value and a statement list; sound branches are clean', async () => {
    const findings = await findingsOf('cfn-if-branches.yaml');
    expect(findings.map(([rule, line]) => [rule, line])).toEqual([
      ['DPT001', 29],
      ['DPT001', 39],
      ['DPT003', 60],
      ['DPT001', 72],
    ]);
    expect(findings[0]![2]).toContain(`statement 1 (when condition IsProd is false) ${UNPROTECTED_STATES}`);
    expect(findings[1]![2]).toContain(`statement 1 (when condition IsProd is false) ${UNPROTECTED_STATES}`);
    expect(findings[2]![2]).toContain("StringEquals compares aws:SourceAccount with '*' literally");
    expect(findings[3]![2]).toContain(`statement 1 (when condition IsProd is true) ${UNPROTECTED_STATES}`);
  });

  test('JSON: Fn::Join principal over {"Ref": "AWS::URLSuffix"}, a Condition Fn::If with one protected branch', async () => {
    expect(await findingsOf('cfn-if-branches.json')).toEqual([
      ['DPT001', 13, `statement 1 (when condition UseEvents is false) ${UNPROTECTED_STATES}: the service can act on behalf of any account (cross-service confused deputy)`],
      ['DPT002', 15, 'statement 1 (when condition UseEvents is true) allows states.amazonaws.com (AWS Step Functions) without aws:SourceArn, which AWS documents for this service'],
    ]);
  });
});

describe('conditional variants', () => {
  const read = (value: unknown) => {
    const json = JSON.stringify(value);
    return withIntrinsics(parseLocatedJson(fileText(json, lineIndexOf(json))));
  };
  const ifOf = (condition: unknown, whenTrue: unknown, whenFalse: unknown) => ({ 'Fn::If': [condition, whenTrue, whenFalse] });
  const NO_VALUE = { Ref: 'AWS::NoValue' };

  test('combinations giving the same value merge, and only the conditions that matter are named', () => {
    const variants = conditionalVariants(read({ a: ifOf('A', 1, 2), b: ifOf('B', 'x', 'x') }))!;
    expect(variants.map((variant) => variant.branch)).toEqual(['when condition A is true', 'when condition A is false']);
  });

  test('AWS::NoValue removes the member, and a value without Fn::If has one reading', () => {
    const [withKey, without] = conditionalVariants(read({ a: 1, b: ifOf('C', 2, NO_VALUE) }))!;
    expect(withKey!.value).toMatchObject({ kind: 'object', entries: [{ key: 'a' }, { key: 'b' }] });
    expect(without!.value).toMatchObject({ kind: 'object', entries: [{ key: 'a' }] });
    expect(conditionalVariants(read({ a: 1 }))).toHaveLength(1);
  });

  test('a non-literal condition name or too many names leave the value unread', () => {
    expect(conditionalVariants(read({ a: ifOf({ Ref: 'X' }, 1, 2) }))).toBeUndefined();
    const many = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`k${index}`, ifOf(`C${index}`, 1, 2)]));
    expect(conditionalVariants(read(many))).toBeUndefined();
  });

  test('branch descriptions', () => {
    expect(describeBranch([['A', true], ['B', false]])).toBe('when conditions A is true and B is false');
  });
});
