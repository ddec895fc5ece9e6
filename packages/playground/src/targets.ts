/**
 * The four targets, wired as the CLI wires them (packages/cli/src/targets.ts): `json` ↔ @deputy/emitter-json,
 * `hcl` ↔ @deputy/emitter-hcl, `cfn` ↔ @deputy/emitter-cfn, `tf-json` ↔ @deputy/emitter-tf-json. As the CLI
 * does without --templates, no template option is passed: each emitter finds its packaged templates itself
 * (in the browser, in the virtual folder packaged-templates.ts fills).
 */
import type { DeputyModel, EmittedFile } from '@deputy/policy-model';
import { emitCfn } from '@deputy/emitter-cfn';
import { emitHcl } from '@deputy/emitter-hcl';
import { emitJson } from '@deputy/emitter-json';
import { emitTerraformJson } from '@deputy/emitter-tf-json';

/** Every target, in the order the CLI's `all` runs them. */
export const TARGET_NAMES = ['json', 'hcl', 'cfn', 'tf-json'] as const;

/** A target name. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** A human label per target, for headings. */
export const TARGET_LABELS: Readonly<Record<TargetName, string>> = {
  json: 'IAM policy JSON',
  hcl: 'Terraform HCL',
  cfn: 'CloudFormation',
  'tf-json': 'Terraform JSON',
};

/** The target options the playground offers (the CLI's `--hcl-style`, `--cfn-format`, `--aws-provider-version`). */
export interface PlaygroundTargetOptions {
  /** HCL policy style. */
  readonly style: 'jsonencode' | 'policy-document';
  /** CloudFormation template format. */
  readonly format: 'yaml' | 'json';
  /** AWS provider major version for hcl and tf-json. */
  readonly awsProviderMajorVersion: 5 | 6;
  /** JSON layout: `flat` for snippets (as `deputy snippet`), `directory` for definitions (as `deputy emit`). */
  readonly layout: 'flat' | 'directory';
}

/** Emits one model in one target, passing every emitter the same options object, as the CLI does. */
export function emitTarget(target: TargetName, model: DeputyModel, options: PlaygroundTargetOptions): EmittedFile[] {
  const shared = { layout: options.layout, style: options.style, format: options.format, awsProviderMajorVersion: options.awsProviderMajorVersion };
  switch (target) {
    case 'json':
      return emitJson(model, shared);
    case 'hcl':
      return emitHcl(model, shared);
    case 'cfn':
      return emitCfn(model, shared);
    case 'tf-json':
      return emitTerraformJson(model, shared);
  }
}
