/**
 * Definition mode: a definition loaded as `deputy emit` loads one file, every target emitted (one model: each
 * Terraform file complete on its own), and the verify scenario table of every policy. A definition that does
 * not load gives its problems, each at line and column.
 */
import { loadDefinitionText, type Problem } from '@deputy/policy-model';
import { formatModelVerification, verifyModel } from '@deputy/verify';
import type { PlaygroundState } from './playground-state.js';
import { emitTarget, TARGET_NAMES } from './targets.js';
import { problemsOf, targetResult, type TargetResult } from './target-result.js';

/** Everything definition mode shows. */
export interface DefinitionOutputs {
  /** The file name problems are reported against (`definition.yaml` or `definition.json`). */
  readonly file: string;
  /** Problems that stop the definition from loading; no target is emitted then. */
  readonly problems: readonly Problem[];
  /** Notices of the model (undocumented keys, waivers). */
  readonly notices: readonly string[];
  /** Each target's files. */
  readonly targets: readonly TargetResult[];
  /** `deputy verify`'s text for the model; empty when it did not load. */
  readonly verification: string;
}

/** The file name a definition text is read as: JSON when it starts with `{`, else YAML. */
export function definitionFileName(text: string): string {
  return text.trimStart().startsWith('{') ? 'definition.json' : 'definition.yaml';
}

/** Loads the definition of the state and emits every target. */
export function definitionOutputs(state: PlaygroundState): DefinitionOutputs {
  const file = definitionFileName(state.definition);
  let model;
  try {
    model = loadDefinitionText(state.definition, file);
  } catch (error) {
    return { file, problems: problemsOf(error), notices: [], targets: [], verification: '' };
  }
  const options = { layout: 'directory' as const, style: state.style, format: state.format, awsProviderMajorVersion: state.awsProviderMajorVersion };
  const targets = TARGET_NAMES.map((target) => targetResult(target, () => emitTarget(target, model, options)));
  const notices = [...model.roles.flatMap((role) => role.notices), ...model.resourcePolicies.flatMap((policy) => policy.notices)];
  return { file, problems: [], notices, targets, verification: formatModelVerification(verifyModel(model)) };
}
