import { describe, expect, it } from 'vitest';
import { lambdaPermissionFields } from '../src/normalize/lambda-permission.js';
import { interpolate, reference } from '../src/model/value.js';
import type { Statement } from '../src/policy/policy-document.js';

describe('Lambda permission fields', () => {
  const account = interpolate([reference('account')]);

  it('reads principal, action, SourceArn and SourceAccount from a statement that fits', () => {
    const statement: Statement = {
      Sid: 'x',
      Effect: 'Allow',
      Principal: { Service: 's3.amazonaws.com' },
      Action: ['lambda:InvokeFunction'],
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      Condition: { ArnEquals: { 'aws:SourceArn': ['arn:aws:s3:::b'] }, StringEquals: { 'AWS:SourceAccount': account } },
    };
    expect(lambdaPermissionFields(statement)).toStrictEqual({ principal: 's3.amazonaws.com', action: 'lambda:InvokeFunction', sourceArn: { operator: 'ArnEquals', value: 'arn:aws:s3:::b' }, sourceAccount: account });
    expect(lambdaPermissionFields({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'lambda:GetFunction' })).toStrictEqual({ principal: '123456789012', action: 'lambda:GetFunction' });
  });

  it('fails loudly on statements normalisation should have refused', () => {
    expect(() => lambdaPermissionFields({ Effect: 'Deny', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction' })).toThrow(/invariant/);
    expect(() => lambdaPermissionFields({ Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction' })).toThrow(/invariant/);
    expect(() => lambdaPermissionFields({ Effect: 'Allow', Principal: { Service: 'a' }, Action: 'x', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } })).toThrow(/invariant/);
    expect(() => lambdaPermissionFields({ Effect: 'Allow', Principal: { Service: 'a' }, Action: 'x', Condition: { ArnLike: { 'aws:SourceArn': ['a', 'b'] } } })).toThrow(/invariant/);
  });
});