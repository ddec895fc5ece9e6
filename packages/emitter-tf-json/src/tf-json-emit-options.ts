/** Options of the Terraform JSON emitter. */
import type { CommonEmitOptions } from '@deputy/policy-model';
import type { AwsProviderMajorVersion } from '@deputy/terraform-plan';

/**
 * Where a file's shared declarations (the `terraform` block pinning the AWS provider, `current` data
 * sources, parameter variables) go:
 * - `in-file`: in the file itself, which is then a complete configuration on its own (snippets, one file);
 * - `shared`: left out, for a directory of several definitions whose declarations are written once by
 *   `emitTerraformJsonDeclarations` (`deputy.tf.json`).
 */
export type DeclarationPlacement = 'in-file' | 'shared';

/** Options of {@link emitTerraformJson}. Handlebars templates (`templates`) do not apply: the file is one JSON value. */
export interface TerraformJsonEmitOptions extends CommonEmitOptions {
  /** The hashicorp/aws provider major version the output is written for (default 6): it names the Region attribute and pins the provider. */
  readonly awsProviderMajorVersion?: 5 | 6;
  /** Where the shared declarations go (default `in-file`). */
  readonly declarations?: DeclarationPlacement;
}
