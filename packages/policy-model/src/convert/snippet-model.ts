/**
 * `snippet`: the model of one role trusted by one service, from command-line values. Problems are reported
 * against the flag that caused them.
 */
import type { Definition } from '../definition/definition.js';
import type { DeputyModel } from '../model/model.js';
import { normalizeDefinition } from '../normalize/normalize-definition.js';
import { findService } from '../catalog/service-catalog.js';
import { DeputyInputError, type Problem } from '../problems.js';
import { suggestServices } from '../catalog/suggest-services.js';

/** The values `deputy snippet` takes. */
export interface SnippetOptions {
  /** A catalog key or a service principal. */
  readonly service: string;
  /** The 12-digit account ID, or `current`. */
  readonly account: string;
  /** The Region, or `current`. */
  readonly region: string;
  /** The partition; default `aws`. */
  readonly partition?: string;
  /** The role name; default `<service key>-role`. */
  readonly roleName?: string;
}

/** Builds and normalises the one-role definition of a snippet. */
export function snippetModel(options: SnippetOptions): DeputyModel {
  const match = findService(options.service);
  if (!match && !/\.amazonaws\.com(\.cn)?$/.test(options.service)) {
    const suggestions = suggestServices(options.service);
    throw new DeputyInputError([
      {
        code: 'unknown-service',
        message: `unknown service ${JSON.stringify(options.service)}`,
        hint: suggestions.length > 0 ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}? (deputy services lists them)` : 'deputy services lists the catalog',
        file: '--service',
      },
    ]);
  }
  const key = match?.entry.key ?? options.service.split('.')[0]!;
  const definition: Definition = {
    account: options.account,
    region: match?.region ?? options.region,
    partition: options.partition ?? 'aws',
    roles: [{ name: options.roleName ?? `${key}-role`, trustedServices: [{ service: options.service }] }],
  };
  const result = normalizeDefinition(definition, { source: 'deputy snippet', baseName: key });
  if (!result.model) {
    throw new DeputyInputError(
      result.problems.map((problem): Problem => ({ code: problem.code, message: problem.message, hint: problem.hint, file: flagFor(problem.path) })),
    );
  }
  return result.model;
}

function flagFor(path: readonly (string | number)[]): string {
  const last = path.filter((segment) => typeof segment === 'string').pop();
  if (last === 'account' || last === 'region' || last === 'partition') return `--${last}`;
  if (last === 'name') return '--role-name';
  return '--service';
}
