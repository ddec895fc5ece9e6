/** Models with Lambda permissions in the shape the normaliser guarantees, with hostile strings where text is free. */
import fc from 'fast-check';
import { interpolate, reference, type DeputyModel, type Statement } from '@deputy/policy-model';
import { hostileString, policyStringArbitrary } from '@deputy/policy-model/testing';

const statement: fc.Arbitrary<Statement> = fc
  .record({
    sid: fc.option(hostileString(), { nil: undefined }),
    principal: fc.oneof(
      fc.constantFrom('s3.amazonaws.com', 'events.amazonaws.com', 'apigateway.amazonaws.com').map((service) => ({ Service: service })),
      fc.constant({ AWS: interpolate([reference('account')]) }),
      fc.constant({ AWS: '111122223333' }),
    ),
    action: fc.constantFrom('lambda:InvokeFunction', 'lambda:InvokeFunctionUrl'),
    sourceArn: fc.option(fc.tuple(fc.constantFrom('ArnLike' as const, 'ArnEquals' as const), policyStringArbitrary()), { nil: undefined }),
    sourceAccount: fc.option(fc.oneof(fc.constant(interpolate([reference('account')])), fc.constant('111122223333')), { nil: undefined }),
  })
  .map(({ sid, principal, action, sourceArn, sourceAccount }) => {
    const condition = {
      ...(sourceArn ? { [sourceArn[0]]: { 'aws:SourceArn': sourceArn[1] } } : {}),
      ...(sourceAccount !== undefined ? { StringEquals: { 'aws:SourceAccount': sourceAccount } } : {}),
    };
    return {
      ...(sid !== undefined ? { Sid: sid } : {}),
      Effect: 'Allow' as const,
      Principal: principal,
      Action: action,
      Resource: 'arn:aws:lambda:us-east-1:111122223333:function:f',
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
  });

/** A model holding one Lambda permission policy of one to three statements. */
export function lambdaModelArbitrary(): fc.Arbitrary<DeputyModel> {
  return fc.tuple(policyStringArbitrary(), fc.array(statement, { minLength: 1, maxLength: 3 })).map(([functionName, statements]) => ({
    source: 'lambda.yaml',
    baseName: 'lambda',
    environment: { account: { kind: 'current' }, region: { kind: 'parameter', name: 'Region', description: 'Region' }, partition: { kind: 'current' } },
    roles: [],
    resourcePolicies: [{ name: 'invoke', id: 'invoke', attachment: { type: 'lambda-permission', functionName }, document: { Version: '2012-10-17', Statement: statements }, notices: [] }],
  }));
}
