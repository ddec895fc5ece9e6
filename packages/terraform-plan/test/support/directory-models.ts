/**
 * Many definitions for one Terraform directory: every fixture, each with its own base name and its roles
 * and resource policies renamed after it (fixtures reuse names such as `personalize-s3-access`, which one
 * directory would rightly refuse), so together they hold `current`, literal and parameter environments.
 */
import type { DeputyModel } from '@deputy/policy-model';
import { fixtureCases, loadFixture } from '@deputy/policy-model/testing';

/** One fixture as a definition of a shared directory. */
export function directoryModel(caseName: string): DeputyModel {
  const model = loadFixture(caseName);
  const prefix = (name: string): string => `${caseName}-${name}`;
  return {
    ...model,
    source: `${caseName}.yaml`,
    baseName: caseName,
    roles: model.roles.map((role) => ({ ...role, name: prefix(role.name), id: prefix(role.id) })),
    resourcePolicies: model.resourcePolicies.map((policy) => ({ ...policy, name: prefix(policy.name), id: prefix(policy.id) })),
  };
}

/** Every fixture as a definition of one shared directory. */
export function directoryModels(): DeputyModel[] {
  return fixtureCases().map(directoryModel);
}
