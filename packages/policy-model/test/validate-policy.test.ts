import { describe, expect, it } from 'vitest';
import { formatPath } from '../src/load/source-document.js';
import { parseConditionOperator } from '../src/policy/condition-operators.js';
import { validatePolicyDocument } from '../src/policy/validate-policy.js';
import { roundTripPolicies } from '../src/testing/golden-files.js';

const allow = (extra: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...extra }] });

function findings(document: unknown): string[] {
  return validatePolicyDocument(document).map((problem) => `${problem.code} @ ${formatPath(problem.path)}`);
}

describe('validatePolicyDocument', () => {
  it('accepts every policy of the round-trip set', () => {
    for (const policy of roundTripPolicies()) expect(findings(JSON.parse(policy.text)), policy.name).toEqual([]);
  });

  it.each([
    ['a non-object document', [], 'policy-not-object @ '],
    ['an unknown top-level field', { Version: '2012-10-17', Statment: [] }, 'unknown-policy-field @ Statment'],
    ['an invalid Version', { Version: '2012-10-18', Statement: allow({}).Statement }, 'invalid-version @ Version'],
    ['a non-string Id', { Id: 5, Statement: allow({}).Statement }, 'invalid-id @ Id'],
    ['a missing Statement', { Version: '2012-10-17' }, 'missing-statement @ '],
    ['an empty Statement list', { Statement: [] }, 'empty-statement @ Statement'],
    ['a non-object statement', { Statement: ['x'] }, 'statement-not-object @ Statement[0]'],
    ['an unknown statement field', allow({ Resources: '*' }), 'unknown-statement-field @ Statement[0].Resources'],
    ['a non-string Sid', allow({ Sid: 1 }), 'invalid-sid @ Statement[0].Sid'],
    ['a wrong-case Effect', allow({ Effect: 'allow' }), 'invalid-effect @ Statement[0].Effect'],
    ['Action with NotAction', allow({ NotAction: 's3:*' }), 'exclusive-fields @ Statement[0].NotAction'],
    ['Resource with NotResource', allow({ NotResource: '*' }), 'exclusive-fields @ Statement[0].NotResource'],
    ['Principal with NotPrincipal', allow({ Principal: '*', NotPrincipal: '*' }), 'exclusive-fields @ Statement[0].NotPrincipal'],
    ['no Action at all', { Statement: [{ Effect: 'Allow', Resource: '*' }] }, 'missing-field @ Statement[0]'],
    ['a malformed action', allow({ Action: 's3 GetObject' }), 'invalid-action @ Statement[0].Action'],
    ['an empty action list', allow({ Action: [] }), 'empty-list @ Statement[0].Action'],
    ['an empty resource', allow({ Resource: '' }), 'empty-string @ Statement[0].Resource'],
    ['a numeric resource', allow({ Resource: [5] }), 'invalid-string @ Statement[0].Resource[0]'],
    ['a principal string other than *', allow({ Principal: 'arn:aws:iam::1:root' }), 'invalid-principal @ Statement[0].Principal'],
    ['an empty principal object', allow({ Principal: {} }), 'empty-principal @ Statement[0].Principal'],
    ['an unknown principal type', allow({ Principal: { Services: 'a.amazonaws.com' } }), 'invalid-principal-type @ Statement[0].Principal.Services'],
    ['a wildcard inside a service principal', allow({ Principal: { Service: 'kendra.*.amazonaws.com' } }), 'wildcard-service-principal @ Statement[0].Principal.Service'],
    ['a service principal of *', allow({ Principal: { Service: '*' } }), 'wildcard-service-principal @ Statement[0].Principal.Service'],
    ['a malformed service principal', allow({ Principal: { Service: ['personalize'] } }), 'invalid-service-principal @ Statement[0].Principal.Service[0]'],
    ['a non-object Condition', allow({ Condition: [] }), 'invalid-condition @ Statement[0].Condition'],
    ['an invalid operator (ArnEqual)', allow({ Condition: { ArnEqual: { 'aws:SourceArn': 'arn:aws:s3:::b' } } }), 'invalid-operator @ Statement[0].Condition.ArnEqual'],
    ['an operator with a leading space', allow({ Condition: { ' ArnEquals': { 'aws:SourceArn': 'arn:aws:s3:::b' } } }), 'invalid-operator @ Statement[0].Condition[" ArnEquals"]'],
    ['NullIfExists', allow({ Condition: { NullIfExists: { 'aws:SourceArn': 'true' } } }), 'invalid-operator @ Statement[0].Condition.NullIfExists'],
    ['an operator without keys', allow({ Condition: { StringEquals: {} } }), 'invalid-condition-keys @ Statement[0].Condition.StringEquals'],
    ['a padded condition key', allow({ Condition: { StringEquals: { ' aws:SourceAccount': '1' } } }), 'invalid-condition-key @ Statement[0].Condition.StringEquals[" aws:SourceAccount"]'],
    ['an empty value list', allow({ Condition: { StringEquals: { 'aws:SourceAccount': [] } } }), 'empty-condition-values @ Statement[0].Condition.StringEquals["aws:SourceAccount"]'],
    ['an object condition value', allow({ Condition: { StringEquals: { k: { a: 1 } } } }), 'invalid-condition-value @ Statement[0].Condition.StringEquals.k'],
    ['a null condition value in a list', allow({ Condition: { StringEquals: { k: ['a', null] } } }), 'invalid-condition-value @ Statement[0].Condition.StringEquals.k[1]'],
  ])('refuses %s', (_name, document, expected) => {
    expect(findings(document)).toContain(expected);
  });

  it('reports every problem of a document at once', () => {
    expect(findings({ Statement: [{ Effect: 'allow', Action: 'bad action', Condition: { Foo: { k: 'v' } } }] })).toEqual([
      'invalid-effect @ Statement[0].Effect',
      'invalid-action @ Statement[0].Action',
      'invalid-operator @ Statement[0].Condition.Foo',
    ]);
  });

  it('gives did-you-mean hints', () => {
    const [problem] = validatePolicyDocument(allow({ Condition: { StringEqual: { k: 'v' } } }));
    expect(problem?.hint).toMatch(/^did you mean "StringEquals"/);
  });
});

describe('parseConditionOperator', () => {
  it.each([
    ['StringEquals', { base: 'StringEquals', ifExists: false }],
    ['ArnLikeIfExists', { base: 'ArnLike', ifExists: true }],
    ['ForAnyValue:StringLike', { qualifier: 'ForAnyValue', base: 'StringLike', ifExists: false }],
    ['ForAllValues:StringNotEqualsIgnoreCaseIfExists', { qualifier: 'ForAllValues', base: 'StringNotEqualsIgnoreCase', ifExists: true }],
    ['Null', { base: 'Null', ifExists: false }],
  ])('parses %s', (operator, parsed) => {
    expect(parseConditionOperator(operator)).toEqual(parsed);
  });

  it.each(['ArnEqual', 'stringequals', 'ForSomeValues:StringLike', 'NullIfExists', 'StringEqualsIfExistsIfExists', ' ArnEquals', 'ForAnyValue:'])('refuses %s', (operator) => {
    expect(parseConditionOperator(operator)).toBeUndefined();
  });
});
