/**
 * Which roles and resource policies of a model a `DeputyRoles` adds: the whole model, or the ones named.
 */
import { DeputyInputError, suggestionHint, type DeputyModel, type Problem } from '@deputy/policy-model';

/** Which parts of a model to add. Omitted: the whole model. */
export interface ModelSelection {
  /** Names of the roles to include; omitted means none when a selection is given. */
  readonly roles?: readonly string[];
  /** Names of the resource policies to include; omitted means none when a selection is given. */
  readonly resourcePolicies?: readonly string[];
}

/** The model restricted to the selection; unknown names are a user error with suggestions. */
export function selectModel(model: DeputyModel, only: ModelSelection | undefined): DeputyModel {
  if (only === undefined) return model;
  const roleNames = model.roles.map((role) => role.name);
  const policyNames = model.resourcePolicies.map((policy) => policy.name);
  const problems = [
    ...(only.roles ?? []).filter((name) => !roleNames.includes(name)).map((name) => unknownName('role', name, roleNames, model.source)),
    ...(only.resourcePolicies ?? []).filter((name) => !policyNames.includes(name)).map((name) => unknownName('resource policy', name, policyNames, model.source)),
  ];
  if (problems.length > 0) throw new DeputyInputError(problems);
  return {
    ...model,
    roles: model.roles.filter((role) => only.roles?.includes(role.name) ?? false),
    resourcePolicies: model.resourcePolicies.filter((policy) => only.resourcePolicies?.includes(policy.name) ?? false),
  };
}

function unknownName(kind: string, name: string, known: readonly string[], source: string): Problem {
  return {
    code: 'unknown-selection',
    message: `the model has no ${kind} named ${JSON.stringify(name)}`,
    hint: suggestionHint(name, known, known.length > 0 ? `its ${kind} names are ${known.map((known) => JSON.stringify(known)).join(', ')}` : `the model has no ${kind}`),
    file: source,
  };
}
