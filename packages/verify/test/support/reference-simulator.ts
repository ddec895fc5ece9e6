/**
 * The reference simulator, @cloud-copilot/iam-simulate (AGPL-3.0: a devDependency of the tests only, never
 * imported by src). `runUnsafeSimulation` evaluates exactly the given policy and context, without the
 * validation layer that would drop or reshape context keys it does not know for the action.
 *
 * 0.1.173's `runUnsafeSimulation` loads the resource policy without metadata and then reads its name, which
 * throws; handing the policy over in iam-policy's validated-policy shape (`loadPolicy` takes its metadata
 * from there) supplies the name.
 */
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import type { LiteralPolicyDocument } from '@deputy/policy-model';
import type { Decision } from '../../src/evaluator/evaluation-result.js';
import type { EvaluationRequest } from '../../src/evaluator/request.js';

const DECISIONS: Readonly<Record<string, Decision>> = {
  Allowed: 'Allow',
  ExplicitlyDenied: 'ExplicitDeny',
  ImplicitlyDenied: 'ImplicitDeny',
};

/**
 * The simulator's decision for a request by a service principal (`….amazonaws.com`), for which the overall
 * result is the resource policy's result: no identity policy, SCP or RCP takes part.
 */
export function simulatedDecision(document: LiteralPolicyDocument, request: EvaluationRequest, resourceAccount: string): Decision {
  if (request.principal.type !== 'Service' || !request.principal.id.endsWith('.amazonaws.com')) {
    throw new Error(`the reference comparison covers service principals only, not ${request.principal.id}`);
  }
  const contextVariables: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(request.context)) contextVariables[key] = typeof value === 'string' ? value : [...value];
  const result = runUnsafeSimulation(
    {
      request: {
        principal: request.principal.id,
        action: request.action,
        resource: { resource: request.resource ?? `arn:aws:iam::${resourceAccount}:role/deputy-verify`, accountId: resourceAccount },
        contextVariables,
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: namedPolicy(document),
    },
    {},
  );
  const decision = DECISIONS[result];
  if (!decision) throw new Error(`unexpected simulator result ${result}`);
  return decision;
}

function namedPolicy(document: LiteralPolicyDocument): object {
  return { __validated: true, policyDocument: structuredClone(document), metadata: { name: 'resource-policy' }, errors: [] };
}
