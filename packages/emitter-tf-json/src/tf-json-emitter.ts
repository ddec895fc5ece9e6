/**
 * The `tf-json` target: a model's Terraform plan (`@deputy/terraform-plan`) printed as one
 * `<baseName>.tf.json` in Terraform's JSON syntax — plain JSON, no cdktf. For a directory of definitions,
 * each file leaves its shared declarations out and `emitTerraformJsonDeclarations` writes them once, to
 * `deputy.tf.json`.
 */
import type { DeputyModel, EmittedFile, Emitter } from '@deputy/policy-model';
import {
  declarationBlocks,
  environmentReferences,
  headerLines,
  checkedDirectoryEntries,
  directoryDeclarations,
  planTerraform,
  serializeTerraformJson,
  SHARED_DECLARATIONS_BASENAME,
  terraformJsonDocument,
  type SharedDeclarations,
} from '@deputy/terraform-plan';
import type { TerraformJsonEmitOptions } from './tf-json-emit-options.js';

/** The target name, as the CLI spells it. */
export const TF_JSON_TARGET = 'tf-json';

/** The path of a directory's shared declarations. */
export const TF_JSON_DECLARATIONS_PATH = `${SHARED_DECLARATIONS_BASENAME}.tf.json`;

/** Emits a model as one Terraform JSON file, `<model.baseName>.tf.json`. */
export const emitTerraformJson: Emitter<TerraformJsonEmitOptions> = (model: DeputyModel, options?: TerraformJsonEmitOptions): EmittedFile[] => {
  const plan = planTerraform(model, { awsProviderMajorVersion: options?.awsProviderMajorVersion ?? 6 });
  const blocks = options?.declarations === 'shared' ? plan.blocks : [...declarationBlocks(plan.declarations), ...plan.blocks];
  const document = terraformJsonDocument(blocks, plan.references, headerLines(model.source));
  return [{ path: `${model.baseName}.tf.json`, contents: serializeTerraformJson(document) }];
};

/**
 * Several models as one Terraform directory: each model's `<baseName>.tf.json` without shared declarations,
 * then `deputy.tf.json` declaring them once. Two models declaring the same address are a user error naming both.
 */
export function emitTerraformJsonDirectory(models: readonly DeputyModel[], options?: TerraformJsonEmitOptions): EmittedFile[] {
  const entries = checkedDirectoryEntries(models, options?.awsProviderMajorVersion ?? 6);
  return [
    ...models.flatMap((model) => emitTerraformJson(model, { ...options, declarations: 'shared' })),
    ...emitTerraformJsonDeclarations(entries.map((entry) => entry.declarations), options),
  ];
}

/** `deputy.tf.json`: the `terraform` block, variables and data sources every definition of a directory shares, each once. */
export function emitTerraformJsonDeclarations(declarations: readonly SharedDeclarations[], options?: TerraformJsonEmitOptions): EmittedFile[] {
  const merged = directoryDeclarations(declarations, options?.awsProviderMajorVersion ?? 6);
  const references = environmentReferences({ account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } }, merged.awsProviderMajorVersion);
  const document = terraformJsonDocument(declarationBlocks(merged), references, headerLines('every definition written to this directory (shared declarations)'));
  return [{ path: TF_JSON_DECLARATIONS_PATH, contents: serializeTerraformJson(document) }];
}
