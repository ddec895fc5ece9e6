/**
 * Visits every interpolated string of a policy document (principals, actions, resources, condition values)
 * without building anything: the plan asks which environment fields a document refers to, once per
 * document, and a copy of each document for that would cost more than the question.
 */
import { statementsOf, type Interpolation, type OneOrMany, type PolicyDocument, type PolicyString, type Principal } from '@deputy/policy-model';

/** Calls `visit` for each interpolation in the document, in document order. */
export function forEachInterpolation(document: PolicyDocument, visit: (interpolation: Interpolation) => void): void {
  const statements = statementsOf(document);
  for (let index = 0; index < statements.length; index++) {
    const statement = statements[index]!;
    principalInterpolations(statement.Principal, visit);
    principalInterpolations(statement.NotPrincipal, visit);
    valueInterpolations(statement.Action, visit);
    valueInterpolations(statement.NotAction, visit);
    valueInterpolations(statement.Resource, visit);
    valueInterpolations(statement.NotResource, visit);
    if (statement.Condition !== undefined) {
      for (const keys of Object.values(statement.Condition)) for (const values of Object.values(keys)) valueInterpolations(values, visit);
    }
  }
}

function principalInterpolations(principal: Principal | undefined, visit: (interpolation: Interpolation) => void): void {
  if (principal === undefined || principal === '*') return;
  for (const identifiers of Object.values(principal)) valueInterpolations(identifiers, visit);
}

function valueInterpolations(value: OneOrMany<PolicyString | boolean | number> | undefined, visit: (interpolation: Interpolation) => void): void {
  if (typeof value !== 'object') return;
  if (!Array.isArray(value)) {
    visit(value as Interpolation);
    return;
  }
  const items = value as readonly (PolicyString | boolean | number)[];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (typeof item === 'object') visit(item);
  }
}
