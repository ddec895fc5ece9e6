/**
 * CloudFormation intrinsics in policies: `Fn::If` at every level (statement list, statement, Principal,
 * Condition block, one condition value) is read branch by branch, each finding naming its branch; service
 * principals written with `Fn::Sub` / `Fn::Join` over `AWS::URLSuffix` resolve to the catalog's principal.
 * Fixtures: test/fixtures/intrinsics (hand-written).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { conditionalVariants, describeBranch } from '../src/policy/conditional-variants.js';
import { fileText } from '../src/located/embedded-text.js';
import { parseLocatedJson } from '../src/located/located-json.js';
import { lineIndexOf } from '../src/located/position.js';
import { withIntrinsics } from '../src/sources/cloudformation/long-form-intrinsics.js';
import { expectFixtureFindings } from './support/fixture-findings.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'intrinsics');
const UNPROTECTED_STATES = 'allows states.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn';

const read = (value: unknown) => {
  const json = JSON.stringify(value);
  return withIntrinsics(parseLocatedJson(fileText(json, lineIndexOf(json))));
};
const ifOf = (condition: unknown, whenTrue: unknown, whenFalse: unknown) => ({ 'Fn::If': [condition, whenTrue, whenFalse] });
const NO_VALUE = { Ref: 'AWS::NoValue' };

describe('Fn::If is linted branch by branch', () => {
  test('YAML: the unprotected branch of a statement, a Condition block, a condition value, a statement list, a whole PolicyDocument and the SourceArn of a Lambda permission; sound branches are clean, and a branch in Resource alone is one reading; a statement the same in every reading is reported once, without a branch', async () => {
    await expectFixtureFindings(join(FIXTURES, 'cfn-if-branches.yaml'), 'yaml', [
      ['DPT001', 29, `statement 1 (when condition IsProd is false) ${UNPROTECTED_STATES}`],
      ['DPT001', 39, `statement 1 (when condition IsProd is false) ${UNPROTECTED_STATES}`],
      ['DPT003', 60, "StringEquals compares aws:SourceAccount with '*' literally"],
      ['DPT001', 72, `statement 1 (when condition IsProd is true) ${UNPROTECTED_STATES}`],
      ['DPT001', 118, `statement 1 (when condition IsProd is false) ${UNPROTECTED_STATES}`],
      ['DPT001', 125, 'the Lambda permission (when condition IsProd is false) allows sns.amazonaws.com (Amazon SNS) without aws:SourceArn'],
      ['DPT001', 140, 'statement 1 allows s3.amazonaws.com (Amazon S3) without'],
      ['DPT001', 151, 'statement 1 allows scheduler.amazonaws.com (Amazon EventBridge Scheduler) without'],
      ['DPT001', 155, `statement 2 (when condition IsProd is false) ${UNPROTECTED_STATES}`],
    ]);
  });

  test('JSON: Fn::Join principal over {"Ref": "AWS::URLSuffix"}, a Condition Fn::If with one protected branch', async () => {
    await expectFixtureFindings(join(FIXTURES, 'cfn-if-branches.json'), 'json', [
      ['DPT001', 13, `statement 1 (when condition UseEvents is false) ${UNPROTECTED_STATES}`],
      ['DPT002', 15, 'statement 1 (when condition UseEvents is true) allows states.amazonaws.com (AWS Step Functions) without aws:SourceArn'],
    ]);
  });
});

describe('many independent conditions', () => {
  test('eight optional statements behind eight conditions: each is read (one component at a time), the unprotected ones named by their own condition', async () => {
    await expectFixtureFindings(join(FIXTURES, 'cfn-if-many-flags.yaml'), 'yaml', [
      ['DPT001', 50, `statement "Feature3" (when condition Flag3 is true) ${UNPROTECTED_STATES}`],
      ['DPT001', 97, `statement "Feature7" (when condition Flag7 is true) ${UNPROTECTED_STATES}`],
    ]);
  });

  test('policyReadings combines independent components exhaustively up to MAX_READINGS, then one at a time', async () => {
    const { policyReadings, MAX_READINGS } = await import('../src/policy/policy-readings.js');
    const statementIf = (name: string) => ifOf(name, { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }, { Ref: 'AWS::NoValue' });
    const two = policyReadings(read({ Statement: [statementIf('A'), statementIf('B')] }));
    expect(two.map((reading) => reading.statements.map((statement) => statement.branch))).toEqual([
      ['when condition A is true', 'when condition B is true'],
      ['when condition A is true'],
      ['when condition B is true'],
      [],
    ]);
    const many = policyReadings(read({ Statement: Array.from({ length: 8 }, (_, index) => statementIf(`C${index}`)) }));
    expect(2 ** 8).toBeGreaterThan(MAX_READINGS);
    expect(many).toHaveLength(1 + 8);
    expect(many.every((reading) => !reading.unknownStatements)).toBe(true);
  });
});

describe('unknown but specific values', () => {
  test('Fn::FindInMap, Ref to a Parameter whose Default is "*", Fn::GetAtt: present and never a wildcard; only the statement without keys and a Lambda permission whose Principal is a Fn::Sub over AWS::URLSuffix are found', async () => {
    await expectFixtureFindings(join(FIXTURES, 'cfn-unknown-specific.yaml'), 'yaml', [
      ['DPT001', 54, `statement 1 ${UNPROTECTED_STATES}`],
      ['DPT001', 61, 'the Lambda permission allows sns.amazonaws.com (Amazon SNS) without aws:SourceArn'],
    ]);
  });
});

describe('Fn::FindInMap through Mappings', () => {
  test('a ServicePrincipalPartitionMap principal and a mapped account resolve; a Fn::Sub of plain text is the principal it spells', async () => {
    await expectFixtureFindings(join(FIXTURES, 'cfn-find-in-map.yaml'), 'yaml', [
      ['DPT001', 21, 'statement 1 allows eks.amazonaws.com'],
      ['DPT001', 46, 'statement 1 allows events.amazonaws.com (Amazon EventBridge) without'],
    ]);
  });
});

describe('conditional variants', () => {

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

  test('conditions fixed by an enclosing Fn::If are not chosen again', () => {
    const variants = conditionalVariants(read({ a: ifOf('C', 1, 2), b: ifOf('D', 3, 4) }), new Map([['C', false]]))!;
    expect(variants.map((variant) => [variant.branch, JSON.stringify(variant.value?.kind === 'object' ? variant.value.entries.map((entry) => entry.value.raw) : [])])).toEqual([
      ['when condition D is true', '["2","3"]'],
      ['when condition D is false', '["2","4"]'],
    ]);
  });

  test('branch descriptions', () => {
    expect(describeBranch([['A', true], ['B', false]])).toBe('when conditions A is true and B is false');
  });
});

describe('the deploying account, however it is written', () => {
  test('Ref AWS::AccountId in every form reads as ${AWS::AccountId}, and an ARN whose account field is it pins the account', async () => {
    const { textPartsOf, isThisAccountPart } = await import('../src/policy/text-value.js');
    const { accountFieldOf } = await import('../src/policy/arn-text.js');
    const json = JSON.stringify({
      a: { Ref: 'AWS::AccountId' },
      b: { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*' },
      c: { 'Fn::Join': [':', ['arn:aws:sns:us-east-1', { Ref: 'AWS::AccountId' }, 'topic']] },
      d: 'arn:aws:s3:::bucket',
      e: { 'Fn::Sub': 'arn:aws:sqs:us-east-1:${Other}:q' },
      f: { 'Fn::GetAtt': ['Rule', 'Arn'] },
    });
    const root = withIntrinsics(parseLocatedJson(fileText(json, lineIndexOf(json))));
    if (root.kind !== 'object') throw new Error('expected an object');
    const parts = Object.fromEntries(root.entries.map((entry) => [entry.key, textPartsOf(entry.value)!]));
    expect(parts.a!.every(isThisAccountPart)).toBe(true);
    expect([parts.b, parts.c, parts.d, parts.e, parts.f].map((value) => accountFieldOf(value!))).toEqual(['this-account', 'this-account', 'empty', 'reference', undefined]);
    expect(isThisAccountPart({ opaque: '${data.aws_caller_identity.current.account_id}' })).toBe(true);
  });
});

describe('regional principals with an unknown Region', () => {
  test('regionalPrincipalService names the service of states.${AWS::Region}.amazonaws.com and its Terraform forms', async () => {
    const { regionalPrincipalService } = await import('../src/policy/text-value.js');
    const at = { line: 1, column: 1 };
    const sub = withIntrinsics(parseLocatedJson(fileText('{"Fn::Sub": "states.${AWS::Region}.amazonaws.com"}', lineIndexOf('{"Fn::Sub": "states.${AWS::Region}.amazonaws.com"}'))));
    expect(regionalPrincipalService(sub)).toBe('states.amazonaws.com');
    expect(regionalPrincipalService({ kind: 'text', parts: ['logs.', { opaque: '${var.region}' }, '.amazonaws.com'], at, raw: '' })).toBe('logs.amazonaws.com');
    expect(regionalPrincipalService({ kind: 'text', parts: ['states.amazonaws.com'], at, raw: '' })).toBeUndefined();
    expect(regionalPrincipalService({ kind: 'text', parts: [{ opaque: '${var.service}' }, '.amazonaws.com'], at, raw: '' })).toBeUndefined();
  });
});
