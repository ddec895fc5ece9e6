/**
 * deputy's evaluator against the rules in the AWS IAM documentation, one rule per row: evaluation logic,
 * Principal / Action / Resource matching, every operator family, IfExists, set operators, multi-valued keys,
 * policy variables and case rules. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import { describe, expect, test } from 'vitest';
import type { ConditionBlock, LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { evaluatePolicy } from '../src/evaluator/evaluate-policy.js';
import type { Decision } from '../src/evaluator/evaluation-result.js';
import type { EvaluationRequest, RequestContext } from '../src/evaluator/request.js';

const SERVICE = 'sagemaker.amazonaws.com';
const ACCOUNT = '111122223333';

function request(context: RequestContext, overrides: Partial<EvaluationRequest> = {}): EvaluationRequest {
  return { principal: { type: 'Service', id: SERVICE }, action: 'sts:AssumeRole', context, ...overrides };
}

function allowWith(condition: ConditionBlock<string>, version: LiteralPolicyDocument['Version'] | 'none' = '2012-10-17'): LiteralPolicyDocument {
  return { ...(version !== 'none' ? { Version: version } : {}), Statement: [{ Effect: 'Allow', Principal: { Service: SERVICE }, Action: 'sts:AssumeRole', Condition: condition }] };
}

/** [rule, condition block, request context, whether the Allow applies]. */
type ConditionCase = [string, ConditionBlock<string>, RequestContext, boolean];

const CONDITION_CASES: ConditionCase[] = [
  ['StringEquals matches exactly', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }, { 'aws:SourceAccount': ACCOUNT }, true],
  ['StringEquals is case-sensitive in values', { StringEquals: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' }, false],
  ['condition keys are case-insensitive', { StringEquals: { 'AWS:SOURCEACCOUNT': ACCOUNT } }, { 'aws:SourceAccount': ACCOUNT }, true],
  ['StringEquals reads * literally', { StringEquals: { 'aws:SourceArn': 'arn:aws:s3:::*' } }, { 'aws:SourceArn': 'arn:aws:s3:::bucket' }, false],
  ['StringEqualsIgnoreCase ignores case', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'bLUE' }, true],
  ['OR across the values of a key', { StringEquals: { 'aws:SourceAccount': ['444455556666', ACCOUNT] } }, { 'aws:SourceAccount': ACCOUNT }, true],
  ['AND across keys', { StringEquals: { 'aws:SourceAccount': ACCOUNT, 'aws:SourceOrgID': 'o-1' } }, { 'aws:SourceAccount': ACCOUNT, 'aws:SourceOrgID': 'o-2' }, false],
  ['AND across operators', { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:*' } }, { 'aws:SourceAccount': ACCOUNT }, false],
  ['StringLike * spans any characters', { StringLike: { 'aws:SourceArn': 'arn:aws:logs:us-east-1:111122223333:*' } }, { 'aws:SourceArn': 'arn:aws:logs:us-east-1:111122223333:log-group:x:*' }, true],
  ['StringLike ? is exactly one character', { StringLike: { 'aws:PrincipalTag/team': 'a?c' } }, { 'aws:PrincipalTag/team': 'ac' }, false],
  ['StringNotEquals holds when no value matches', { StringNotEquals: { 'aws:SourceAccount': ['1', '2'] } }, { 'aws:SourceAccount': ACCOUNT }, true],
  ['StringNotEquals fails when one value matches', { StringNotEquals: { 'aws:SourceAccount': ['1', ACCOUNT] } }, { 'aws:SourceAccount': ACCOUNT }, false],
  ['a negated operator holds for a missing key', { StringNotEquals: { 'aws:SourceAccount': ACCOUNT } }, {}, true],
  ['a positive operator fails for a missing key', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }, {}, false],
  ['IfExists holds for a missing key', { StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } }, {}, true],
  ['IfExists compares a present key', { StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } }, { 'aws:SourceAccount': '444455556666' }, false],
  ['Null true: the key is absent', { Null: { 'aws:SourceAccount': 'true' } }, {}, true],
  ['Null false: the key is present', { Null: { 'aws:SourceAccount': false } }, { 'aws:SourceAccount': ACCOUNT }, true],
  ['a single-valued operator never matches a multi-valued key', { StringEquals: { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': ['a'] }, false],
  ['…nor does its negation', { StringNotEquals: { 'aws:TagKeys': 'z' } }, { 'aws:TagKeys': ['a'] }, false],
  ['ForAnyValue: one request value in the set', { 'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': 'o-1/r-1/ou-a/*' } }, { 'aws:SourceOrgPaths': ['o-2/r-2/', 'o-1/r-1/ou-a/ou-b/'] }, true],
  ['ForAnyValue fails for a missing key', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }, {}, false],
  ['ForAnyValue fails for an empty list', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }, { 'aws:TagKeys': [] }, false],
  ['ForAnyValue…IfExists holds for a missing key', { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'a' } }, {}, true],
  ['ForAllValues: every request value in the set', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, { 'aws:TagKeys': ['a', 'c'] }, false],
  ['ForAllValues holds for a missing key', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, {}, true],
  ['ForAllValues holds for an empty list', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': [] }, true],
  ['ForAllValues:StringNotEquals: no request value in the set', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['b', 'c'] }, true],
  ['ForAnyValue:StringNotEquals: some request value outside the set', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['a'] } }, { 'aws:TagKeys': ['a'] }, false],
  ['a set operator treats a single value as a list of one', { 'ForAnyValue:StringEquals': { 'aws:SourceAccount': ACCOUNT } }, { 'aws:SourceAccount': ACCOUNT }, true],
  ['ArnLike matches field by field', { ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:training-job/*' } }, { 'aws:SourceArn': 'arn:aws:sagemaker:eu-west-1:111122223333:training-job/j' }, true],
  ['ArnEquals honours wildcards too', { ArnEquals: { 'aws:SourceArn': 'arn:aws:ssm:us-east-2:111122223333:*' } }, { 'aws:SourceArn': 'arn:aws:ssm:us-east-2:111122223333:document/d' }, true],
  ['an ARN * stays inside its field', { ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:training-job/*' } }, { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:training-job/j' }, false],
  ['ARN comparison is case-sensitive', { ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:training-job/*' } }, { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:Training-Job/j' }, false],
  ['ArnNotLike holds for another account', { ArnNotLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:*' } }, { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:444455556666:x' }, true],
  ['ArnLike never matches a non-ARN', { ArnLike: { 'aws:SourceArn': '*' } }, { 'aws:SourceArn': 'not-an-arn' }, false],
  ['NumericLessThan compares numbers', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '600' }, true],
  ['a non-number never satisfies Numeric operators', { NumericNotEquals: { 'aws:MultiFactorAuthAge': '5' } }, { 'aws:MultiFactorAuthAge': 'soon' }, false],
  ['DateGreaterThan compares ISO dates', { DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '2024-06-01T12:00:00Z' }, true],
  ['epoch seconds and ISO dates compare in one unit', { DateEquals: { 'aws:EpochTime': '2024-01-01T00:00:00Z' } }, { 'aws:EpochTime': '1704067200' }, true],
  ['Bool compares true/false case-insensitively', { Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'true' }, true],
  ['Bool never matches a non-boolean', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'yes' }, false],
  ['BinaryEquals compares the base64 value', { BinaryEquals: { 'custom:Blob': 'QUJD' } }, { 'custom:Blob': 'QUJD' }, true],
  ['IpAddress contains an IPv4 address in the block', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.200.3.4' }, true],
  ['IpAddress /0 covers every IPv4 address', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '203.0.113.9' }, true],
  ['IpAddress understands IPv6 blocks', { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8:0:0:0:0:0:1' }, true],
  ['NotIpAddress holds for an IPv6 request against an IPv4 block', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '2001:db8::1' }, true],
  ['a malformed address satisfies neither IpAddress nor NotIpAddress', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.0.0.300' }, false],
  ['a policy variable takes the request value', { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }, { 'aws:PrincipalTag/owner': 'alice', 'aws:username': 'alice' }, true],
  ['a policy variable inside StringLike keeps the pattern', { StringLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:${aws:SourceAccount}:*' } }, { 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:x', 'aws:SourceAccount': ACCOUNT }, true],
  ["a variable's value is literal, not a wildcard", { StringLike: { 'aws:PrincipalTag/owner': '${aws:username}' } }, { 'aws:PrincipalTag/owner': 'alice', 'aws:username': '*' }, false],
  ['a missing variable without a default never matches', { StringLike: { 'aws:PrincipalTag/owner': '${aws:username}*' } }, { 'aws:PrincipalTag/owner': 'alice' }, false],
  ['the default of a missing variable is used', { StringEquals: { 'aws:PrincipalTag/team': "${aws:PrincipalTag/dept, 'none'}" } }, { 'aws:PrincipalTag/team': 'none' }, true],
  ['a multi-valued key cannot be a variable', { StringEquals: { 'aws:PrincipalTag/team': '${aws:TagKeys}' } }, { 'aws:PrincipalTag/team': 'a', 'aws:TagKeys': ['a'] }, false],
  ['${*} is a literal asterisk in StringLike', { StringLike: { 'aws:PrincipalTag/team': 'a${*}' } }, { 'aws:PrincipalTag/team': 'ab' }, false],
  ['${*} matches a literal asterisk', { StringLike: { 'aws:PrincipalTag/team': 'a${*}' } }, { 'aws:PrincipalTag/team': 'a*' }, true],
  ['${?} and ${$} are literal characters', { StringEquals: { 'aws:PrincipalTag/team': '${$}a${?}' } }, { 'aws:PrincipalTag/team': '$a?' }, true],
  ['an unknown operator never holds', { ArnEqual: { 'aws:SourceArn': 'arn:aws:dms:us-east-1:111122223333:rep:x' } }, { 'aws:SourceArn': 'arn:aws:dms:us-east-1:111122223333:rep:x' }, false],
];

describe('conditions', () => {
  test.each(CONDITION_CASES)('%s', (_, condition, context, applies) => {
    const result = evaluatePolicy(allowWith(condition), request(context));
    expect(result.decision).toBe(applies ? 'Allow' : 'ImplicitDeny');
  });

  test('version 2008-10-17 (or no Version) reads ${…} as text', () => {
    const context = { 'aws:PrincipalTag/owner': 'alice', 'aws:username': 'alice' };
    expect(evaluatePolicy(allowWith({ StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }, '2008-10-17'), request(context)).decision).toBe('ImplicitDeny');
    expect(evaluatePolicy(allowWith({ StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } }, 'none'), request({ 'aws:PrincipalTag/owner': '${aws:username}' })).decision).toBe('Allow');
  });

  test('an unknown operator is reported as a problem', () => {
    const result = evaluatePolicy(allowWith({ ArnEqual: { 'aws:SourceArn': 'x' } }), request({}));
    expect(result.problems).toEqual(['Statement[0]: unknown condition operator ArnEqual (IAM rejects it; the condition never holds here)']);
  });
});

describe('statements', () => {
  const base: Statement<string> = { Effect: 'Allow', Principal: { Service: SERVICE }, Action: 'sts:AssumeRole' };
  const decide = (statements: Statement<string>[], overrides: Partial<EvaluationRequest> = {}, context: RequestContext = {}): Decision =>
    evaluatePolicy({ Version: '2012-10-17', Statement: statements }, request(context, overrides)).decision;

  test('an explicit Deny wins over any Allow', () => {
    expect(decide([base, { ...base, Effect: 'Deny' }])).toBe('ExplicitDeny');
  });

  test('no applying statement is an implicit deny', () => {
    expect(decide([{ ...base, Principal: { Service: 'forecast.amazonaws.com' } }])).toBe('ImplicitDeny');
  });

  test('Principal "*" and {"AWS": "*"} cover service principals; Service principals compare exactly', () => {
    expect(decide([{ ...base, Principal: '*' }])).toBe('Allow');
    expect(decide([{ ...base, Principal: { AWS: '*' } }])).toBe('Allow');
    expect(decide([{ ...base, Principal: { Service: 'SageMaker.amazonaws.com' } }])).toBe('ImplicitDeny');
    expect(decide([{ ...base, Principal: { AWS: ACCOUNT } }])).toBe('ImplicitDeny');
  });

  test('NotPrincipal covers everyone but the listed principals', () => {
    const { Principal: _, ...rest } = base;
    expect(decide([{ ...rest, NotPrincipal: { Service: 'forecast.amazonaws.com' } }])).toBe('Allow');
    expect(decide([{ ...rest, NotPrincipal: { Service: [SERVICE, 'forecast.amazonaws.com'] } }])).toBe('ImplicitDeny');
  });

  test('an account principal covers the principals of that account; a role covers its sessions', () => {
    const statement = { ...base, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } };
    expect(decide([statement], { principal: { type: 'AWS', id: `arn:aws:iam::${ACCOUNT}:user/alice` } })).toBe('Allow');
    expect(decide([statement], { principal: { type: 'AWS', id: 'arn:aws:iam::444455556666:user/alice' } })).toBe('ImplicitDeny');
    const role = { ...base, Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/path/builder` } };
    expect(decide([role], { principal: { type: 'AWS', id: `arn:aws:sts::${ACCOUNT}:assumed-role/builder/session-1` } })).toBe('Allow');
  });

  test('actions compare case-insensitively with * and ?', () => {
    expect(decide([{ ...base, Action: 'STS:assume*' }])).toBe('Allow');
    expect(decide([{ ...base, Action: 'sts:?ssumeRole' }])).toBe('Allow');
    expect(decide([{ ...base, Action: 'sts:TagSession' }])).toBe('ImplicitDeny');
    expect(decide([{ ...base, Action: '*' }])).toBe('Allow');
  });

  test('NotAction covers every other action', () => {
    const { Action: _, ...rest } = base;
    expect(decide([{ ...rest, NotAction: 'sts:TagSession' }])).toBe('Allow');
    expect(decide([{ ...rest, NotAction: ['sts:Assume*'] }])).toBe('ImplicitDeny');
  });

  test('Resource and NotResource match ARNs; a statement without either covers any resource', () => {
    const resource = 'arn:aws:sqs:us-east-1:111122223333:queue1';
    expect(decide([{ ...base, Resource: 'arn:aws:sqs:us-east-1:111122223333:*' }], { resource })).toBe('Allow');
    expect(decide([{ ...base, Resource: 'arn:aws:sqs:us-east-1:444455556666:*' }], { resource })).toBe('ImplicitDeny');
    expect(decide([{ ...base, NotResource: 'arn:aws:sqs:*:*:queue1' }], { resource })).toBe('ImplicitDeny');
    expect(decide([base], { resource })).toBe('Allow');
    expect(decide([{ ...base, Resource: 'arn:aws:sqs:us-east-1:111122223333:${aws:username}' }], { resource }, { 'aws:username': 'queue1' })).toBe('Allow');
  });

  test('a statement without Principal applies to no caller, and that is reported', () => {
    const { Principal: _, ...rest } = base;
    const result = evaluatePolicy({ Version: '2012-10-17', Statement: rest }, request({}));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.problems[0]).toMatch(/neither Principal nor NotPrincipal/);
  });
});

describe('what decided', () => {
  const document: LiteralPolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Trust', Effect: 'Allow', Principal: { Service: SERVICE }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*:111122223333:*' } } },
      { Sid: 'Guard', Effect: 'Deny', Principal: '*', Action: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
    ],
  };

  test('an implicit deny names the closest Allow and its first failing condition', () => {
    const result = evaluatePolicy(document, request({ 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:444455556666:x' }));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.statement).toEqual({ index: 0, sid: 'Trust' });
    expect(result.condition).toMatchObject({ operator: 'ArnLike', key: 'aws:SourceArn', matched: false, contextValue: 'arn:aws:sagemaker:us-east-1:444455556666:x' });
    expect(result.explanation).toBe('no Allow applies: Statement[0] (Trust) fails ArnLike aws:SourceArn [arn:aws:sagemaker:*:111122223333:*] vs arn:aws:sagemaker:us-east-1:444455556666:x');
  });

  test('an explicit deny names the Deny and its condition', () => {
    const result = evaluatePolicy(document, request({ 'aws:SecureTransport': 'false' }));
    expect(result).toMatchObject({ decision: 'ExplicitDeny', statement: { index: 1, sid: 'Guard' }, condition: { operator: 'Bool', matched: true } });
  });

  test('an Allow names the statement and traces every statement', () => {
    const result = evaluatePolicy(document, request({ 'aws:SourceAccount': ACCOUNT, 'aws:SourceArn': 'arn:aws:sagemaker:us-east-1:111122223333:x' }));
    expect(result).toMatchObject({ decision: 'Allow', statement: { index: 0, sid: 'Trust' }, explanation: 'allowed by Statement[0] (Trust)' });
    expect(result.statements.map((trace) => trace.applies)).toEqual([true, false]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
