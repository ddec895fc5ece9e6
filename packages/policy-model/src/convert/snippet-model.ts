/**
 * `snippet`: the model of one role trusted by one service, from command-line values. Problems are reported
 * against the flag that caused them.
 */
import type { Definition, ResourcePolicyDefinition } from '../definition/definition.js';
import { checkAttachment } from '../definition/attachment-targets.js';
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
  /**
   * A resource policy instead of a role trust: the integration (`s3-bucket`, `sns-topic`, `sqs-queue`,
   * `lambda-permission`) whose documented conditions the grant gets.
   */
  readonly integration?: SnippetIntegration;
  /** The resource the policy is attached to (bucket name, topic ARN, queue URL or ARN, function name); required with `integration`. */
  readonly resource?: string;
}

/** The resource integrations a snippet can write, with the attachment field and the action the service performs. */
export const SNIPPET_INTEGRATIONS = {
  's3-bucket': { attach: 's3Bucket', action: 's3:PutObject' },
  'sns-topic': { attach: 'snsTopic', action: 'sns:Publish' },
  'sqs-queue': { attach: 'sqsQueue', action: 'sqs:SendMessage' },
  'lambda-permission': { attach: 'lambdaFunction', action: 'lambda:InvokeFunction' },
} as const;

/** A resource integration `deputy snippet --integration` writes. */
export type SnippetIntegration = keyof typeof SNIPPET_INTEGRATIONS;

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
  const environment = { account: options.account, region: match?.region ?? options.region, partition: options.partition ?? 'aws' };
  const definition: Definition = options.integration
    ? { ...environment, resourcePolicies: [checkedAttachment(resourcePolicyOf(key, options.service, options.integration, options.resource), environment)] }
    : { ...environment, roles: [{ name: options.roleName ?? `${key}-role`, trustedServices: [{ service: options.service }] }] };
  const result = normalizeDefinition(definition, { source: 'deputy snippet', baseName: key });
  if (!result.model) {
    throw new DeputyInputError(
      result.problems.map((problem): Problem => ({ code: problem.code, message: problem.message, hint: problem.hint, file: flagFor(problem.path) })),
    );
  }
  return result.model;
}

function resourcePolicyOf(key: string, service: string, integration: SnippetIntegration, resource: string | undefined): ResourcePolicyDefinition {
  if (resource === undefined) {
    throw new DeputyInputError([{ code: 'missing-resource', message: `--integration ${integration} needs the resource the policy is attached to`, hint: 'give --resource: a bucket name, topic ARN, queue URL or ARN, or function name', file: '--resource' }]);
  }
  const { attach, action } = SNIPPET_INTEGRATIONS[integration];
  return { name: `${key}-${integration}`, attachTo: { [attach]: resource }, grants: [{ service, actions: action }] };
}

/** The attachment checked and completed as the loader does (a queue ARN gives its URL); problems name `--resource`. */
function checkedAttachment(policy: ResourcePolicyDefinition, environment: { region: string; partition: string }): ResourcePolicyDefinition {
  const known = { ...(environment.partition !== 'current' ? { partition: environment.partition } : {}), ...(environment.region !== 'current' ? { region: environment.region } : {}) };
  const checked = checkAttachment(policy, ['resourcePolicies', 0], known);
  if (checked.problems.length > 0) {
    throw new DeputyInputError(checked.problems.map((problem): Problem => ({ code: problem.code, message: problem.message, hint: problem.hint, file: '--resource' })));
  }
  return { ...policy, attachTo: checked.attachTo };
}

function flagFor(path: readonly (string | number)[]): string {
  const last = path.filter((segment) => typeof segment === 'string').pop();
  if (last === 'account' || last === 'region' || last === 'partition') return `--${last}`;
  if (last === 'name') return '--role-name';
  if (path[0] === 'resourcePolicies' && (last === 'attachTo' || last === 's3Bucket' || last === 'snsTopic' || last === 'sqsQueue' || last === 'lambdaFunction')) return '--resource';
  return '--service';
}
