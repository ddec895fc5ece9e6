/**
 * Snippet mode: what `deputy snippet` prints, for all four targets at once. The model comes from
 * `snippetModel` and each target is emitted with the options the CLI passes (`layout: 'flat'`), so every
 * output is byte for byte the CLI's stdout for the same flags.
 */
import { DeputyInputError, findService, SNIPPET_INTEGRATIONS, snippetModel, type IntegrationKind, type Problem, type ServiceCatalogEntry, type SnippetIntegration } from '@deputy/policy-model';
import type { PlaygroundState } from './playground-state.js';
import { emitTarget, TARGET_NAMES } from './targets.js';
import { problemsOf, targetResult, type TargetResult } from './target-result.js';

/** Everything snippet mode shows. */
export interface SnippetOutputs {
  /** The catalog entry the service names, when it is in the catalog. */
  readonly entry?: ServiceCatalogEntry;
  /** Problems with the snippet's values (unknown service, bad account…); no target is emitted then. */
  readonly problems: readonly Problem[];
  /** The notices `deputy snippet` prints on stderr (e.g. AWS documents no key for this service). */
  readonly notices: readonly string[];
  /** Each target's output. */
  readonly targets: readonly TargetResult[];
}

/** Builds the snippet model from the state and emits every target. */
export function snippetOutputs(state: PlaygroundState): SnippetOutputs {
  const entry = findService(state.service.trim())?.entry;
  let model;
  try {
    model = snippetModel({
      service: state.service.trim(),
      account: state.account.trim(),
      region: state.region.trim(),
      partition: state.partition,
      ...(state.roleName.trim() !== '' ? { roleName: state.roleName.trim() } : {}),
      ...(writesResourcePolicy(state.integration) ? { integration: state.integration, resource: state.resource.trim() === '' ? EXAMPLE_RESOURCES[state.integration] : state.resource.trim() } : {}),
    });
  } catch (error) {
    return { ...(entry ? { entry } : {}), problems: problemsOf(error), notices: [], targets: [] };
  }
  const options = { layout: 'flat' as const, style: state.style, format: state.format, awsProviderMajorVersion: state.awsProviderMajorVersion };
  const targets = TARGET_NAMES.map((target) =>
    targetResult(target, () => {
      const files = emitTarget(target, model, options);
      if (files.length !== 1) {
        throw new DeputyInputError([{ code: 'snippet-many-files', message: `target ${target} produced ${files.length} files for a snippet`, hint: 'use definition mode for multi-file output', file: '--target' }]);
      }
      return files;
    }),
  );
  const notices = [...model.roles.flatMap((role) => role.notices), ...model.resourcePolicies.flatMap((policy) => policy.notices)];
  if (state.integration !== 'role-trust' && !writesResourcePolicy(state.integration)) {
    notices.push(`deputy writes resource policies for S3 buckets, SNS topics, SQS queues and Lambda functions; for this integration the outputs show the role trust, and the evidence shows what AWS documents`);
  }
  return { ...(entry ? { entry } : {}), problems: [], notices, targets };
}

/** True for the integrations `deputy snippet --integration` writes. */
function writesResourcePolicy(kind: IntegrationKind): kind is SnippetIntegration {
  return Object.hasOwn(SNIPPET_INTEGRATIONS, kind);
}

/** The resource a resource-policy snippet names until the user gives one. */
const EXAMPLE_RESOURCES: { readonly [kind in SnippetIntegration]: string } = {
  's3-bucket': 'example-bucket',
  'sns-topic': 'arn:{{partition}}:sns:{{region}}:{{account}}:example-topic',
  'sqs-queue': 'arn:{{partition}}:sqs:{{region}}:{{account}}:example-queue',
  'lambda-permission': 'example-function',
};
