import { describe, expect, it } from 'vitest';
import { loadDefinitionText } from '../src/load/load-definition.js';
import { DeputyInputError, formatProblem } from '../src/problems.js';
import { fixtureCases, loadFixture } from '../src/testing/golden-files.js';
import { statementsOf } from '../src/policy/policy-document.js';

function errorsOf(text: string, set?: Record<string, string>): string[] {
  try {
    loadDefinitionText(text, 'def.yaml', set ? { set } : {});
  } catch (error) {
    if (error instanceof DeputyInputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the definition to be refused');
}

const role = (trust: string) => `account: "123456789012"\nregion: us-east-1\npartition: aws\nroles:\n  - name: r\n${trust}`;
const personalize = '    trustedServices:\n      - service: personalize\n';

describe('loadDefinitionText', () => {
  it('loads every fixture', () => {
    for (const name of fixtureCases()) expect(() => loadFixture(name), name).not.toThrow();
  });

  it('keeps an unquoted 012345678901 account as exactly that text', () => {
    const model = loadDefinitionText(`account: 012345678901\nregion: us-east-1\npartition: aws\nroles:\n  - name: r\n${personalize}`, 'def.yaml');
    expect(model.environment.account).toEqual({ kind: 'literal', value: '012345678901' });
    const [statement] = statementsOf(model.roles[0]!.trustPolicy);
    expect(statement?.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': '012345678901' },
      StringLike: { 'aws:SourceArn': 'arn:aws:personalize:us-east-1:012345678901:*' },
    });
  });

  it('refuses an account ID written as a number, in YAML or JSON, at the top or in an environment, rather than converting it', () => {
    expect(errorsOf(`account: 123456789012\nregion: us-east-1\npartition: aws\nroles:\n  - name: r\n${personalize}`)).toEqual([
      'error: def.yaml:1:10: account ID 123456789012 is a number, not a string at account (quote it: account: "123456789012"; an account ID is a 12-digit string, and leading zeros are part of it)',
    ]);
    expect(() => loadDefinitionText('{"account": 123456789012, "region": "us-east-1", "partition": "aws", "roles": [{"name": "r", "trustedServices": [{"service": "personalize"}]}]}', 'def.json')).toThrow(/def\.json:1:13: account ID 123456789012 is a number/);
    let message = '';
    try {
      loadDefinitionText(`region: us-east-1\npartition: aws\nenvironments:\n  prod:\n    account: 210987654321\nroles:\n  - name: r\n${personalize}`, 'def.yaml', { environment: 'prod' });
    } catch (error) {
      message = (error as DeputyInputError).problems.map(formatProblem).join('\n');
    }
    expect(message).toBe('error: def.yaml:5:14: account ID 210987654321 is a number, not a string at environments.prod.account (quote it: account: "210987654321"; an account ID is a 12-digit string, and leading zeros are part of it)');
    expect(errorsOf(`account: 12345678901\nregion: us-east-1\npartition: aws\nroles:\n  - name: r\n${personalize}`)[0]).toContain('invalid account ID "12345678901"');
  });

  it('fills current fields from --set, but never overrides a literal', () => {
    const model = loadDefinitionText(`region: eu-west-1\nroles:\n  - name: r\n${personalize}`, 'def.yaml', { set: { account: '000000000042', region: 'us-east-1', partition: 'aws' } });
    expect(model.environment).toEqual({
      account: { kind: 'literal', value: '000000000042' },
      region: { kind: 'literal', value: 'eu-west-1' },
      partition: { kind: 'literal', value: 'aws' },
    });
  });

  it.each([
    ['an 11-digit account', role(personalize).replace('"123456789012"', '12345678901'), 'error: def.yaml:1:10: invalid account ID "12345678901" at account'],
    ['a bad Region', role(personalize).replace('us-east-1', 'us-east'), 'error: def.yaml:2:9: invalid Region "us-east" at region'],
    ['a bad partition', role(personalize).replace('partition: aws', 'partition: aws-eu'), 'error: def.yaml:3:12: invalid partition "aws-eu" at partition'],
    ['an unknown field', role(personalize).replace('  - name: r', '  - name: r\n    descripton: x'), 'error: def.yaml:6:5: unknown field "descripton" at roles[0].descripton (did you mean "description"?)'],
    ['a wrong type', role(personalize).replace('  - name: r', '  - name: r\n    maxSessionDuration: "1h"'), 'error: def.yaml:6:25: expected integer, not string "1h" at roles[0].maxSessionDuration'],
    ['an out-of-range number', role(personalize).replace('  - name: r', '  - name: r\n    maxSessionDuration: 60'), 'error: def.yaml:6:25: invalid value: must be >= 3600 at roles[0].maxSessionDuration'],
    ['a missing name', role(personalize).replace('  - name: r\n', '  - description: r\n'), 'error: def.yaml:5:5: missing required field "name" at roles[0]'],
    ['a role without trust', role(''), "error: def.yaml:5:5: role r says nothing about who may assume it at roles[0] (add trustedServices: [{ service: … }] or trustPolicy)"],
    ['duplicate role names', role(personalize) + `  - name: r\n${personalize}`, 'error: def.yaml:8:11: duplicate role "r" at roles[1].name (role names must be unique)'],
    ['an unknown service', role('    trustedServices:\n      - service: personalise\n'), 'error: def.yaml:7:18: service "personalise" is not in the service catalog at roles[0].trustedServices[0].service'],
    ['an unknown placeholder', role(personalize).replace('  - name: r', '  - name: r\n    permissionsBoundary: "arn:aws:iam::{{acount}}:policy/b"'), 'error: def.yaml:6:26: unknown placeholder {{acount}} at roles[0].permissionsBoundary (the placeholders are {{account}}, {{region}} and {{partition}})'],
    ['a key the service does not send', role('    trustedServices:\n      - service: cleanrooms\n        sourceAccount: "123456789012"\n'), 'error: def.yaml:8:24: AWS Clean Rooms does not send aws:SourceAccount'],
    ['an invalid operator in extra conditions', role('    trustedServices:\n      - service: personalize\n        conditions:\n          StringEqual:\n            aws:PrincipalTag/team: ml\n'), 'error: def.yaml:9:11: unknown condition operator "StringEqual" at roles[0].trustedServices[0].conditions.StringEqual (did you mean "StringEquals"'],
    ['a trust policy without confused-deputy conditions', role('    trustPolicy:\n      Statement:\n        - Effect: Allow\n          Principal: { Service: personalize.amazonaws.com }\n          Action: sts:AssumeRole\n'), 'error: def.yaml:8:11: statement 1 trusts personalize.amazonaws.com without aws:SourceAccount, aws:SourceArn or aws:SourceOrgID at roles[0].trustPolicy.Statement[0] (add the conditions AWS documents for Amazon Personalize (aws:SourceAccount + aws:SourceArn), use trustedServices, or add a waiver with a reason)'],
    ['an invalid policy inside a definition', role(personalize).replace('  - name: r', '  - name: r\n    inlinePolicies:\n      - name: p\n        document:\n          Statement:\n            - Effect: Allow\n              Action: s3:GetObject\n              NotAction: s3:PutObject'), 'error: def.yaml:12:15: a statement cannot have both Action and NotAction at roles[0].inlinePolicies[0].document.Statement[0].NotAction'],
    ['a statement that is not a Lambda permission', 'resourcePolicies:\n  - name: fn\n    attachTo: { lambdaFunction: f }\n    document:\n      Statement:\n        - Effect: Deny\n          Principal: "*"\n          Action: lambda:InvokeFunction\n', 'error: def.yaml:6:11: this statement cannot be expressed as a Lambda permission'],
    ['two attachments', 'resourcePolicies:\n  - name: x\n    attachTo: { s3Bucket: a, snsTopic: b }\n    document: { Statement: { Effect: Allow, Action: "s3:*", Principal: "*" } }\n', 'error: def.yaml:3:15: invalid value: must NOT have more than 1 properties at resourcePolicies[0].attachTo'],
    ['an empty definition', 'version: 1\n', 'error: def.yaml:1:1: the definition has no roles and no resource policies (add roles: or resourcePolicies:)'],
    ['a bad --set account', `roles:\n  - name: r\n${personalize}`, 'error: --set account: invalid account ID "12" (account is exactly 12 digits'],
  ])('refuses %s at file:line:col with a hint', (_name, text, expected) => {
    const set = _name === 'a bad --set account' ? { account: '12' } : undefined;
    const errors = errorsOf(text, set);
    expect(errors.some((line) => line.startsWith(expected)), `${errors.join('\n')}\n  does not contain\n${expected}`).toBe(true);
  });

  it('reports every problem in source order', () => {
    const errors = errorsOf(`account: "1"\nregion: x\nroles:\n  - name: r\n    trustedServices:\n      - service: nope\n`);
    expect(errors.map((line) => line.split(': ')[1])).toEqual(['def.yaml:1:10', 'def.yaml:2:9', 'def.yaml:6:18']);
  });
});
