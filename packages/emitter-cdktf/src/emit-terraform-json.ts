/**
 * The `tf-json` target: the model synthesized through the `DeputyRoles` construct into one
 * `<baseName>.tf.json` in Terraform's JSON syntax. cdktf is loaded only when this runs, and the stack is
 * synthesized in memory (`toTerraform()`), so emitting writes nothing to disk.
 */
import { tmpdir } from 'node:os';
import type { CommonEmitOptions, DeputyModel, EmittedFile, Emitter } from '@deputy/policy-model';
import { loadCdkModule, type CdkModule } from './cdk-module.js';
import { DeputyRoles } from './deputy-roles.js';
import type { AwsProviderMajorVersion } from './environment-references.js';
import { serializeTerraformJson, terraformJsonDocument } from './terraform-json-document.js';

/** The target name, as the CLI spells it. */
export const TF_JSON_TARGET = 'tf-json';

/** Options of {@link emitTerraformJson}. Handlebars templates (`templates`) do not apply: the file is one JSON value. */
export interface TerraformJsonEmitOptions extends CommonEmitOptions {
  /** The hashicorp/aws provider major version the output is written for (default 6): it names the Region attribute. */
  readonly awsProviderMajorVersion?: AwsProviderMajorVersion;
  /** The cdktf module to synthesize with (`cdktf` or `cdktn`); default: the first installed of them. */
  readonly cdk?: CdkModule;
}

/** Emits a model as one Terraform JSON file, `<model.baseName>.tf.json`. */
export const emitTerraformJson: Emitter<TerraformJsonEmitOptions> = (model: DeputyModel, options?: TerraformJsonEmitOptions): EmittedFile[] => {
  const cdk = options?.cdk ?? loadCdkModule();
  const app = new cdk.App({ outdir: tmpdir(), skipValidation: true, stackTraces: false });
  const stack = new cdk.TerraformStack(app, 'deputy');
  new DeputyRoles(stack, 'model', {
    model,
    cdk,
    ...(options?.awsProviderMajorVersion ? { awsProviderMajorVersion: options.awsProviderMajorVersion } : {}),
  });
  const document = terraformJsonDocument(stack.toTerraform(), model.source);
  return [{ path: `${model.baseName}.tf.json`, contents: serializeTerraformJson(document) }];
};
