/**
 * Models for property tests: the shared hostile models, plus Lambda-permission policies (which the shared
 * arbitrary leaves out) in the shape normalisation guarantees.
 */
import fc from 'fast-check';
import type { DeputyModel, PolicyString, ResourcePolicyModel, Statement } from '@deputy/policy-model';
import { hostileString, modelArbitrary, policyStringArbitrary } from '@deputy/policy-model/testing';

function lambdaStatement(text: fc.Arbitrary<PolicyString>): fc.Arbitrary<Statement> {
  return fc
    .record(
      {
        Sid: hostileString(),
        principal: fc.oneof(
          fc.constantFrom('s3.amazonaws.com', 'events.amazonaws.com').map((service) => ({ Service: service })),
          text.map((account) => ({ AWS: account })),
        ),
        Action: fc.oneof(fc.constant<PolicyString>('lambda:InvokeFunction'), text),
        sourceArn: fc.tuple(fc.constantFrom('ArnLike', 'ArnEquals'), text),
        sourceAccount: text,
      },
      { requiredKeys: ['principal', 'Action'] },
    )
    .map(({ Sid, principal, Action, sourceArn, sourceAccount }) => {
      const condition: Record<string, Record<string, PolicyString>> = {};
      if (sourceArn) condition[sourceArn[0]] = { 'aws:SourceArn': sourceArn[1] };
      if (sourceAccount !== undefined) condition.StringEquals = { 'aws:SourceAccount': sourceAccount };
      return {
        ...(Sid !== undefined ? { Sid } : {}),
        Effect: 'Allow' as const,
        Principal: principal,
        Action,
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
      };
    });
}

/** A Lambda-permission resource policy with one or more statements. */
export function lambdaPolicyArbitrary(name: string, id: string): fc.Arbitrary<ResourcePolicyModel> {
  const text = policyStringArbitrary();
  return fc
    .record({ functionName: text, statements: fc.array(lambdaStatement(text), { minLength: 1, maxLength: 3 }), single: fc.boolean(), notices: fc.array(hostileString(), { maxLength: 1 }) })
    .map(({ functionName, statements, single, notices }) => ({
      name,
      id,
      attachment: { type: 'lambda-permission' as const, functionName },
      document: { Version: '2012-10-17' as const, Statement: single && statements.length === 1 ? statements[0]! : statements },
      notices,
    }));
}

/** Shared hostile models, sometimes with a Lambda policy added. */
export function cfnModelArbitrary(): fc.Arbitrary<DeputyModel> {
  return fc
    .tuple(modelArbitrary(), fc.option(lambdaPolicyArbitrary('invoke', 'invoke'), { nil: undefined }))
    .map(([model, lambda]) => (lambda === undefined || model.resourcePolicies.some((policy) => policy.name === lambda.name) ? model : { ...model, resourcePolicies: [...model.resourcePolicies, lambda] }));
}
