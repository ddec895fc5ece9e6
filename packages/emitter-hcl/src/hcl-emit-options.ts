/** Options of the Terraform HCL emitter. */
import type { CommonEmitOptions } from '@deputy/policy-model';

/**
 * How policy documents are written:
 * - `jsonencode`: `jsonencode({ … })` in HCL object syntax, exactly as the model holds the document;
 * - `policy-document`: a `data "aws_iam_policy_document"` block per document, referenced by its `.json`.
 */
export type HclPolicyStyle = 'jsonencode' | 'policy-document';

export type { AwsProviderMajorVersion } from '@deputy/terraform-plan';
import type { AwsProviderMajorVersion } from '@deputy/terraform-plan';

/**
 * Where a file's shared declarations (the `terraform` block pinning the AWS provider, `current` data
 * sources, parameter variables) go:
 * - `in-file`: in the file itself, which is then a complete configuration on its own (snippets, one file);
 * - `shared`: left out, for a directory of several definitions whose declarations `emitHclDeclarations`
 *   writes once (`deputy.tf`).
 */
export type DeclarationPlacement = 'in-file' | 'shared';

/** Options of {@link emitHcl}. */
export interface HclEmitOptions extends CommonEmitOptions {
  /**
   * How policy documents are written (default `jsonencode`). With `policy-document`, a document the
   * `aws_iam_policy_document` data source would change in meaning (see `POLICY_DOCUMENT_GAPS`) is still
   * written with `jsonencode`, under a comment that says why.
   */
  readonly style?: HclPolicyStyle;
  /**
   * The hashicorp/aws provider major version the output is written for (default 6). It decides how the
   * current Region is read: `data.aws_region.current.region` from 6.0 on, `data.aws_region.current.name`
   * before (that attribute still works in 6.x but is deprecated and warns on every plan).
   */
  readonly awsProviderMajorVersion?: AwsProviderMajorVersion;
  /** Where the shared declarations go (default `in-file`). */
  readonly declarations?: DeclarationPlacement;
}

/** The options with every default applied. */
export interface ResolvedHclOptions {
  /** The policy style. */
  readonly style: HclPolicyStyle;
  /** The provider major version. */
  readonly awsProviderMajorVersion: AwsProviderMajorVersion;
  /** Where the shared declarations go. */
  readonly declarations: DeclarationPlacement;
}

/** Applies the defaults. */
export function resolveHclOptions(options: HclEmitOptions | undefined): ResolvedHclOptions {
  return {
    style: options?.style ?? 'jsonencode',
    awsProviderMajorVersion: options?.awsProviderMajorVersion ?? 6,
    declarations: options?.declarations ?? 'in-file',
  };
}
