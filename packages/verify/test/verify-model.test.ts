/**
 * `deputy verify` over whole models: every example definition, every policy-model fixture and every
 * realistic literal policy of the repository is proven (waived services excepted), a weak model fails, and
 * the environment a policy is verified in is chosen as documented.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { DeputyModel, LiteralPolicyDocument, WaiverRecord } from '@deputy/policy-model';
import { convertPolicyFile, loadDefinitionFile } from '@deputy/policy-model';
import { inferEnvironment, literalEnvironment, literalPolicy } from '../src/scenarios/literal-environment.js';
import { formatModelVerification, verifyModel } from '../src/scenarios/verify-model.js';

const repository = fileURLToPath(new URL('../../../', import.meta.url));
const exampleDirectory = `${repository}examples/definitions/`;
const fixtureDirectory = `${repository}packages/policy-model/fixtures/`;

const examples = existsSync(exampleDirectory) ? readdirSync(exampleDirectory).filter((file) => /\.ya?ml$/.test(file)) : [];
const fixtures = existsSync(fixtureDirectory) ? readdirSync(fixtureDirectory).filter((name) => existsSync(`${fixtureDirectory}${name}/input.yaml`)) : [];
const policies = existsSync(`${fixtureDirectory}policies`) ? readdirSync(`${fixtureDirectory}policies`).filter((file) => file.endsWith('.json')) : [];

describe('the repository', () => {
  test('has examples, fixtures and literal policies to verify', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(fixtures.length).toBeGreaterThan(0);
    expect(policies.length).toBeGreaterThan(0);
  });

  test.each(examples)('example %s is proven', (file) => {
    const verification = verifyModel(loadDefinitionFile(`${exampleDirectory}${file}`));
    expect(verification.passed, formatModelVerification(verification)).toBe(true);
  });

  test.each(fixtures)('fixture %s is proven', (name) => {
    const verification = verifyModel(loadDefinitionFile(`${fixtureDirectory}${name}/input.yaml`));
    expect(verification.passed, formatModelVerification(verification)).toBe(true);
  });

  test.each(policies)('literal policy %s is proven', (file) => {
    const verification = verifyModel(convertPolicyFile(`${fixtureDirectory}policies/${file}`).model);
    expect(verification.passed, formatModelVerification(verification)).toBe(true);
  });
});

const weakTrust: LiteralPolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'forecast.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

function modelWith(trustPolicy: LiteralPolicyDocument, waivers: WaiverRecord[] = []): DeputyModel {
  return {
    source: 'weak.yaml',
    baseName: 'weak',
    environment: { account: { kind: 'literal', value: '210987654321' }, region: { kind: 'current' }, partition: { kind: 'literal', value: 'aws' } },
    roles: [{ name: 'forecast-import', id: 'forecast-import', trustPolicy, inlinePolicies: [], managedPolicyArns: [], tags: [], notices: [], waivers }],
    resourcePolicies: [],
  };
}

describe('verifyModel', () => {
  test('fails a model whose trust policy lacks confused-deputy conditions', () => {
    const verification = verifyModel(modelWith(weakTrust), { region: 'eu-central-1' });
    expect(verification.passed).toBe(false);
    expect(verification.policies[0]!.environment).toEqual({ account: '210987654321', region: 'eu-central-1', partition: 'aws' });
    expect(formatModelVerification(verification).endsWith('weak.yaml: 0 of 1 policies proven, 1 FAILED\n')).toBe(true);
  });

  test('a waived service does not fail the model, and the waiver is printed', () => {
    const verification = verifyModel(modelWith(weakTrust, [{ service: 'forecast', reason: 'imported before SourceArn existed' }]));
    expect(verification.passed).toBe(true);
    expect(verification.policies[0]!.verification.passed).toBe(false);
    expect(formatModelVerification(verification)).toContain('waived: forecast: imported before SourceArn existed\n');
  });
});

describe('the environment of a verification', () => {
  const policy: LiteralPolicyDocument = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'states.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '444455556666' }, ArnLike: { 'aws:SourceArn': 'arn:aws-us-gov:states:us-gov-east-1:444455556666:stateMachine:*' } },
      },
    ],
  };

  test('is inferred from aws:SourceAccount and aws:SourceArn', () => {
    expect(inferEnvironment(policy)).toEqual({ account: '444455556666', partition: 'aws-us-gov', region: 'us-gov-east-1' });
  });

  test('takes literal model fields first, then the options, then the policy, then the defaults', () => {
    const current = { kind: 'current' } as const;
    expect(literalEnvironment({ account: { kind: 'literal', value: '210987654321' }, region: current, partition: current }, { region: 'us-gov-west-1' }, policy)).toEqual({
      account: '210987654321',
      region: 'us-gov-west-1',
      partition: 'aws-us-gov',
    });
    expect(literalEnvironment(undefined, {}, { Statement: [] })).toEqual({ account: '111122223333', region: 'us-east-1', partition: 'aws' });
  });

  test('replaces references by literal text', () => {
    const document = {
      Version: '2012-10-17' as const,
      Statement: [
        {
          Effect: 'Allow' as const,
          Principal: { Service: 'states.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'aws:SourceAccount': { kind: 'interpolation' as const, parts: [{ kind: 'reference' as const, field: 'account' as const }] } } },
        },
      ],
    };
    expect(literalPolicy(document, { account: '210987654321', region: 'us-east-1', partition: 'aws' }).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '210987654321' } } },
    ]);
  });
});
