/**
 * Generated evaluation cases for the differential test: a trust or resource policy of one to three
 * statements and a request by a service principal, drawn from small pools so that policy values and request
 * values collide often (otherwise nearly every case would be an implicit deny).
 *
 * The domain is the policies IAM accepts: documented operators spelled as AWS spells them, actions and
 * ARNs whose service, Region and account fields are lowercase, no wildcard in an ARN's resource-type part,
 * no astral-plane characters. Within it, the pools deliberately include what is hard: multi-valued and
 * missing keys, `…IfExists`, set operators, negations, policy variables (also with defaults, `${*}` and
 * under version 2008-10-17), non-numbers, epoch and ISO dates, malformed ARNs and addresses.
 */
import fc from 'fast-check';
import type { ConditionValue, LiteralPolicyDocument, Principal, Statement } from '@deputy/policy-model';
import type { EvaluationRequest, RequestContext } from '../../src/evaluator/request.js';

/** One generated case. */
export interface PolicyCase {
  /** The policy. */
  readonly document: LiteralPolicyDocument;
  /** The request (always by a service principal). */
  readonly request: EvaluationRequest;
}

export const OWN_ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';

const SERVICE_PRINCIPALS = ['sagemaker.amazonaws.com', 'logs.us-east-1.amazonaws.com', 'personalize.amazonaws.com', 'events.amazonaws.com'];
const ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity', 'sqs:SendMessage', 'sns:Publish', 'lambda:InvokeFunction'];
const POLICY_ACTIONS = ['*', 'sts:*', 'sts:AssumeRole', 'STS:assumerole', 'sts:Assume*', 'sts:?agSession', 'sts:*Source*', 'sqs:Send*', 'sns:Publish', 'lambda:Invoke?unction', 'sqs:*Message', 'iam:PassRole'];
const RESOURCES = [
  `arn:aws:iam::${OWN_ACCOUNT}:role/deputy-role`,
  `arn:aws:sqs:us-east-1:${OWN_ACCOUNT}:queue1`,
  `arn:aws:sns:us-east-1:${OWN_ACCOUNT}:topic-a`,
  `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:function:f1`,
];
const POLICY_RESOURCES = [
  '*',
  ...RESOURCES,
  `arn:aws:sqs:us-east-1:${OWN_ACCOUNT}:*`,
  'arn:aws:sqs:*:*:queue?',
  `arn:aws:sns:us-east-1:${OTHER_ACCOUNT}:topic-a`,
  'arn:aws:lambda:*:*:function:f*',
  `arn:aws:iam::${OWN_ACCOUNT}:role/*`,
  `arn:aws:sqs:us-east-1:${OWN_ACCOUNT}:\${aws:username}`,
  `arn:aws-cn:sqs:us-east-1:${OWN_ACCOUNT}:queue1`,
];

const STRINGS = [OWN_ACCOUNT, OTHER_ACCOUNT, 'abc', 'ABC', 'aBc', 'a*c', 'a?c', 'a', '', 'o-abc123', 'ünï', 'x:y', 'line\nbreak', 'team-a', 'team-b', 'alice'];
const STRING_PATTERNS = [
  ...STRINGS,
  '*',
  'a*',
  '*c',
  '?',
  'a?c',
  '${aws:username}',
  '${aws:username}-*',
  'team-${aws:PrincipalTag/team}',
  '${aws:PrincipalTag/team}',
  "${aws:nothing, 'team-a'}",
  "${aws:username, 'bob'}",
  '${*}',
  'a${?}c',
  '${$}x',
  'o-*',
  '*\n*',
];
const ARNS = [
  `arn:aws:sagemaker:us-east-1:${OWN_ACCOUNT}:training-job/j1`,
  `arn:aws:sagemaker:us-east-1:${OTHER_ACCOUNT}:training-job/j1`,
  `arn:aws-cn:sagemaker:cn-north-1:${OWN_ACCOUNT}:training-job/j1`,
  `arn:aws:logs:us-east-1:${OWN_ACCOUNT}:log-group:a:*`,
  'arn:aws:s3:::bucket-1',
  `arn:aws:sagemaker:us-east-1:${OWN_ACCOUNT}:Training-Job/j1`,
  'arn:aws:sagemaker',
  'not-an-arn',
];
const ARN_PATTERNS = [
  ...ARNS,
  `arn:aws:sagemaker:us-east-1:${OWN_ACCOUNT}:*`,
  `arn:aws:sagemaker:*:${OWN_ACCOUNT}:*`,
  'arn:aws:sagemaker:*:*:training-job/*',
  `arn:*:sagemaker:*:${OWN_ACCOUNT}:*`,
  `arn:aws:sagemaker:us-?ast-1:${OWN_ACCOUNT}:training-job/j?`,
  'arn:aws:s3:::*',
  'arn:aws:s3:::bucket-?',
  `arn:aws:logs:us-east-1:${OWN_ACCOUNT}:log-group:*`,
  `arn:aws:sagemaker:us-east-1:${OWN_ACCOUNT}:training-job/\${aws:username}`,
  `arn:aws:sagemaker:us-east-1:\${aws:SourceAccount}:*`,
  `arn:aws:sagemaker:us-east-1:${OWN_ACCOUNT}:training-job/\${*}`,
  '*',
];
const NUMBERS = ['0', '5', '10', '-3', '2.5', '.5', '007', 'abc', '1e3', ' 5'];
const DATES = ['2024-01-01T00:00:00Z', '2024-06-01T12:00:00Z', '2023-12-31', '2024-01-01T00:00:00.000Z', '1704067200', '1717243200', 'not-a-date'];
const BOOLEANS = ['true', 'false', 'TRUE', 'False', 'yes'];
const ADDRESSES = ['10.1.2.3', '10.0.0.0/8', '192.168.0.0/16', '0.0.0.0/0', '10.1.2.3/32', '2001:db8::1', '2001:db8::/32', '::1', '2001:db8:0:0:0:0:0:1', '10.0.0.300', '10.1.2.3/33'];
const BINARIES = ['QUJD', 'QUJE', 'AAAA'];
const ORG_PATHS = ['o-abc123/r-ab12/ou-ab12-11111111/', 'o-abc123/r-ab12/ou-ab12-22222222/', 'o-zzz999/r-zz99/'];
const ORG_PATH_PATTERNS = [...ORG_PATHS, 'o-abc123/*', 'o-abc123/r-ab12/ou-ab12-1111111?/', '*'];

/** A family of condition operators, the keys it is tried with, and the values it draws from. */
interface Family {
  readonly operators: readonly string[];
  readonly keys: readonly string[];
  readonly policyValues: readonly string[];
}

const FAMILIES: readonly Family[] = [
  {
    operators: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'],
    keys: ['aws:SourceAccount', 'AWS:SourceAccount', 'aws:sourceaccount', 'aws:SourceOrgID', 'aws:PrincipalTag/team', 'aws:username', 'aws:TagKeys'],
    policyValues: STRING_PATTERNS,
  },
  { operators: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'], keys: ['aws:SourceArn', 'AWS:SourceArn'], policyValues: ARN_PATTERNS },
  { operators: ['StringLike', 'StringEquals', 'StringNotLike'], keys: ['aws:SourceArn'], policyValues: ARN_PATTERNS },
  { operators: ['StringLike', 'StringNotLike', 'StringEquals'], keys: ['aws:SourceOrgPaths'], policyValues: ORG_PATH_PATTERNS },
  {
    operators: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'],
    keys: ['aws:MultiFactorAuthAge'],
    policyValues: NUMBERS,
  },
  {
    operators: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'],
    keys: ['aws:CurrentTime', 'aws:EpochTime'],
    policyValues: DATES,
  },
  { operators: ['Bool'], keys: ['aws:SecureTransport', 'aws:PrincipalIsAWSService'], policyValues: [...BOOLEANS, '${aws:username}'] },
  { operators: ['IpAddress', 'NotIpAddress'], keys: ['aws:SourceIp'], policyValues: ADDRESSES },
  { operators: ['BinaryEquals'], keys: ['custom:Blob'], policyValues: BINARIES },
  { operators: ['Null'], keys: ['aws:SourceAccount', 'aws:SourceArn', 'aws:PrincipalTag/team', 'aws:TagKeys'], policyValues: ['true', 'false', 'True'] },
];

/** Request context values per key; the first entries of a multi-valued key are lists. */
const CONTEXT_VALUES: Readonly<Record<string, readonly (string | readonly string[])[]>> = {
  'aws:SourceAccount': [OWN_ACCOUNT, OTHER_ACCOUNT, [OWN_ACCOUNT], 'a?c', 'abc'],
  'aws:SourceArn': [...ARNS, [ARNS[0]!]],
  'aws:SourceOrgID': ['o-abc123', 'o-zzz999', 'O-ABC123'],
  'aws:SourceOrgPaths': [[ORG_PATHS[0]!], [ORG_PATHS[0]!, ORG_PATHS[2]!], [], [ORG_PATHS[2]!], ORG_PATHS[1]!],
  'aws:PrincipalTag/team': ['team-a', 'team-b', 'TEAM-A', '', 'a*c', 'line\nbreak'],
  'aws:username': ['alice', 'bob', 'team-a', 'a*c', '', ['alice', 'bob']],
  'aws:TagKeys': [['abc', 'ABC'], ['abc'], [], ['team-a', 'x:y'], 'abc'],
  'aws:MultiFactorAuthAge': ['0', '5', '10', '2.5', 'abc', '1e3'],
  'aws:CurrentTime': ['2024-01-01T00:00:00Z', '2024-06-01T12:00:00Z', '2023-12-31', 'not-a-date'],
  'aws:EpochTime': ['1704067200', '1717243200', '2024-01-01T00:00:00Z'],
  'aws:SecureTransport': ['true', 'false', 'TRUE', 'maybe'],
  'aws:PrincipalIsAWSService': ['true', 'false'],
  'aws:SourceIp': ['10.1.2.3', '192.168.1.1', '2001:db8::1', '2001:db8:0:0:0:0:0:1', '::1', 'not-an-ip'],
  'custom:Blob': ['QUJD', 'QUJE'],
};

const SERVICE_OPERATOR_SUFFIXES = ['', '', '', 'IfExists'];
const SET_PREFIXES = ['', '', '', 'ForAnyValue:', 'ForAllValues:'];

const conditionEntry: fc.Arbitrary<[string, string, ConditionValue<string> | ConditionValue<string>[]]> = fc
  .constantFrom(...FAMILIES)
  .chain((family) =>
    fc.tuple(
      fc.constantFrom(...family.operators),
      fc.constantFrom(...SET_PREFIXES),
      fc.constantFrom(...SERVICE_OPERATOR_SUFFIXES),
      fc.constantFrom(...family.keys),
      fc.array(fc.constantFrom(...family.policyValues), { minLength: 1, maxLength: 3 }),
      fc.boolean(),
    ),
  )
  .map(([operator, prefix, suffix, key, values, asList]) => {
    const name = operator === 'Null' ? operator : `${prefix}${operator}${suffix}`;
    const written: ConditionValue<string>[] = values.map((value) => (operator === 'Null' || operator === 'Bool') && (value === 'true' || value === 'false') && asList ? value === 'true' : value);
    return [name, key, asList || written.length > 1 ? written : written[0]!];
  });

const conditionBlock = fc.array(conditionEntry, { minLength: 0, maxLength: 3 }).map((entries) => {
  const block: Record<string, Record<string, ConditionValue<string> | ConditionValue<string>[]>> = {};
  for (const [operator, key, value] of entries) {
    const keys = (block[operator] ??= {});
    if (!Object.keys(keys).some((existing) => existing.toLowerCase() === key.toLowerCase())) keys[key] = value;
  }
  return block;
});

const principalBlock: fc.Arbitrary<Principal<string>> = fc.oneof(
  { weight: 6, arbitrary: fc.subarray(SERVICE_PRINCIPALS, { minLength: 1 }).map((services) => ({ Service: services.length === 1 ? services[0]! : services })) },
  { weight: 1, arbitrary: fc.constant('*' as const) },
  { weight: 1, arbitrary: fc.constant({ AWS: '*' }) },
  { weight: 1, arbitrary: fc.constantFrom({ AWS: OWN_ACCOUNT }, { AWS: `arn:aws:iam::${OWN_ACCOUNT}:root` }, { AWS: `arn:aws:iam::${OWN_ACCOUNT}:role/r`, Service: 'sagemaker.amazonaws.com' }) },
  { weight: 1, arbitrary: fc.constantFrom({ Service: 'ec2.amazonaws.com.cn' }, { Federated: 'cognito-identity.amazonaws.com' }, { Service: 'SageMaker.amazonaws.com' }) },
);

const oneOrMany = <T>(values: readonly T[]): fc.Arbitrary<T | T[]> => fc.subarray([...values], { minLength: 1, maxLength: 3 }).chain((chosen) => fc.constantFrom<T | T[]>(chosen[0]!, chosen));

const statement: fc.Arbitrary<Statement<string>> = fc
  .record({
    sid: fc.option(fc.constantFrom('Trust', 'Guard', 'S1'), { nil: undefined }),
    effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Allow', 'Allow', 'Deny'),
    principalKind: fc.constantFrom('Principal', 'Principal', 'Principal', 'Principal', 'NotPrincipal'),
    principal: principalBlock,
    actionKind: fc.constantFrom('Action', 'Action', 'Action', 'NotAction'),
    actions: oneOrMany(POLICY_ACTIONS),
    resourceKind: fc.constantFrom('none', 'none', 'Resource', 'Resource', 'NotResource'),
    resources: oneOrMany(POLICY_RESOURCES),
    condition: conditionBlock,
  })
  .map((drawn) => {
    const built: Record<string, unknown> = {};
    if (drawn.sid !== undefined) built.Sid = drawn.sid;
    built.Effect = drawn.effect;
    built[drawn.principalKind] = drawn.principal;
    built[drawn.actionKind] = drawn.actions;
    if (drawn.resourceKind !== 'none') built[drawn.resourceKind] = drawn.resources;
    if (Object.keys(drawn.condition).length > 0) built.Condition = drawn.condition;
    return built as unknown as Statement<string>;
  });

const document: fc.Arbitrary<LiteralPolicyDocument> = fc
  .record({ version: fc.constantFrom<'2012-10-17' | '2008-10-17' | undefined>('2012-10-17', '2012-10-17', '2012-10-17', '2008-10-17', undefined), statements: fc.array(statement, { minLength: 1, maxLength: 3 }), single: fc.boolean() })
  .map(({ version, statements, single }) => ({
    ...(version !== undefined ? { Version: version } : {}),
    Statement: single && statements.length === 1 ? statements[0]! : statements,
  }));

const context: fc.Arbitrary<RequestContext> = fc
  .tuple(...Object.entries(CONTEXT_VALUES).map(([key, values]) => fc.option(fc.constantFrom(...values), { nil: undefined, freq: 2 }).map((value) => [key, value] as const)))
  .map((entries) => Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as RequestContext);

/** Generated cases. */
export const policyCase: fc.Arbitrary<PolicyCase> = fc
  .record({ document, principal: fc.constantFrom(...SERVICE_PRINCIPALS), action: fc.constantFrom(...ACTIONS), resource: fc.constantFrom(...RESOURCES), context })
  .map(({ document: doc, principal, action, resource, context: ctx }) => ({
    document: doc,
    request: { principal: { type: 'Service' as const, id: principal }, action, resource, context: ctx },
  }));
