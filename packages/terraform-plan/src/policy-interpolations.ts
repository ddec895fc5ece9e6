/**
 * Visits every interpolated string of a policy document (principals, actions, resources, condition values)
 * without building anything: the plan asks which environment fields a document refers to, once per
 * document, and a copy of each document for that would cost more than the question.
 */
import { statementsOf, type Interpolation, type OneOrMany, type PolicyDocument, type PolicyString } from '@deputy/policy-model';

/** Calls `visit` for each interpolation in the document, in document order. */
export function forEachInterpolation(document: PolicyDocument, visit: (interpolation: Interpolation) => void): void {
  const each = (value: OneOrMany<PolicyString | boolean | number> | undefined): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value as readonly (PolicyString | boolean | number)[]) if (typeof item === 'object') visit(item);
    } else if (typeof value === 'object') visit(value as Interpolation);
  };
  for (const statement of statementsOf(document)) {
    for (const principal of [statement.Principal, statement.NotPrincipal]) {
      if (principal !== undefined && principal !== '*') for (const identifiers of Object.values(principal)) each(identifiers);
    }
    each(statement.Action);
    each(statement.NotAction);
    each(statement.Resource);
    each(statement.NotResource);
    for (const keys of Object.values(statement.Condition ?? {})) for (const values of Object.values(keys)) each(values);
  }
}
