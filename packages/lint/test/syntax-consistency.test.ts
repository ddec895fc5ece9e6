/**
 * Property tests: the same policy written in every syntax yields the same findings (the readers agree), and
 * hostile policies never make the linter throw anything but a located input error.
 */
import fc from 'fast-check';
import { DeputyInputError } from '@deputy/policy-model';
import { literalPolicyArbitrary } from '@deputy/policy-model/testing';
import { describe, expect, test } from 'vitest';
import { lintText, type FileKind } from '../src/index.js';
import type { Attachment, Json, PolicyJson } from './support/corpus-cases.js';
import { SYNTAXES, writePolicy, type CorpusSyntax } from './support/corpus-writers.js';

const ROLE: Attachment = { cfnType: 'AWS::IAM::Role', cfnProperty: 'AssumeRolePolicyDocument', cfnOther: {}, tfType: 'aws_iam_role', tfAttribute: 'assume_role_policy', tfOther: {} };
const KIND: Record<CorpusSyntax, FileKind> = {
  json: 'json',
  'cfn-yaml': 'yaml',
  'cfn-json': 'json',
  'tf-jsonencode': 'terraform',
  'tf-policy-document': 'terraform',
  'tf-heredoc': 'terraform',
  'tf-json-string': 'tf-json',
  'tf-json-policy-document': 'tf-json',
};

const ACCOUNTS = ['111122223333', '444455556666', '01234567890', 'account-id'];
const service = fc.constantFrom('personalize.amazonaws.com', 'sns.amazonaws.com', 's3.amazonaws.com', 'logs.eu-west-1.amazonaws.com', 'kendra.*.amazonaws.com', 'lambda.amazonaws.com', 'ec2.amazonaws.com', 'states.amazonaws.com');
const arn = fc
  .tuple(fc.constantFrom('arn:aws:', 'arn:aws::', 'arn:', 'your ARN '), fc.constantFrom('personalize', 'sns', 's3', 'logs', 'sqs', 'states'), fc.constantFrom('us-east-1', 'eu-west-1', '', '*'), fc.constantFrom(...ACCOUNTS, ''), fc.constantFrom('*', 'topic', 'bucket-1', 'stateMachine:*'))
  .map(([prefix, name, region, account, resource]) => `${prefix}${name}:${region}:${account}:${resource}`);
const operator = fc.constantFrom('StringEquals', 'StringLike', 'ArnLike', 'ArnEquals', 'ArnEqual', ' ArnLike', 'StringNotEquals', 'ArnNotLike', 'ForAnyValue:StringEquals', 'StringEqualsIfExists', 'Null');
const clause = fc.oneof(
  fc.tuple(operator, fc.constant('aws:SourceAccount'), fc.constantFrom(...ACCOUNTS)),
  fc.tuple(operator, fc.constant('aws:SourceArn'), arn),
  fc.tuple(operator, fc.constantFrom('aws:SourceOrgID', 's3:x-amz-acl'), fc.constantFrom('o-abc123', 'bucket-owner-full-control', 'a*b')),
);
const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Principal: fc.oneof(fc.constant<Json>('*'), service.map((name): Json => ({ Service: name })), fc.constant<Json>({ AWS: '*' })),
  Action: fc.constantFrom('sts:AssumeRole', 's3:PutObject', 'sns:Publish'),
  clauses: fc.array(clause, { maxLength: 4 }),
});
const policy: fc.Arbitrary<PolicyJson> = fc.array(statement, { minLength: 1, maxLength: 3 }).map((statements) => ({
  Version: '2012-10-17',
  Statement: statements.map(({ clauses, ...rest }) => {
    const condition: Record<string, Record<string, Json>> = {};
    for (const [op, key, value] of clauses) condition[op] = { ...(condition[op] ?? {}), [key]: value };
    return clauses.length > 0 ? { ...rest, Condition: condition } : rest;
  }),
}));

describe('every syntax reads the same policy the same way', () => {
  test('the rules flagged agree across the eight syntaxes', async () => {
    await fc.assert(
      fc.asyncProperty(policy, async (document) => {
        const bySyntax: Record<string, string[]> = {};
        for (const syntax of Object.keys(SYNTAXES) as CorpusSyntax[]) {
          const result = await lintText(writePolicy(syntax, document, ROLE, 'subject'), `subject${SYNTAXES[syntax]}`, KIND[syntax]);
          bySyntax[syntax] = result.findings.map((finding) => `${finding.ruleId}/${finding.severity}`).sort();
        }
        for (const syntax of Object.keys(bySyntax)) expect([syntax, bySyntax[syntax]]).toEqual([syntax, bySyntax.json]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('hostile policies', () => {
  test('never make the linter throw anything but a located input error', async () => {
    await fc.assert(
      fc.asyncProperty(literalPolicyArbitrary(), fc.constantFrom<CorpusSyntax>('json', 'cfn-yaml', 'cfn-json', 'tf-jsonencode', 'tf-heredoc', 'tf-json-string'), async (document, syntax) => {
        const written = writePolicy(syntax, document as unknown as PolicyJson, ROLE, 'subject');
        try {
          await lintText(written, `subject${SYNTAXES[syntax]}`, KIND[syntax]);
        } catch (error) {
          expect(error).toBeInstanceOf(DeputyInputError);
          expect((error as DeputyInputError).problems.every((problem) => problem.location !== undefined || problem.file !== undefined)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
