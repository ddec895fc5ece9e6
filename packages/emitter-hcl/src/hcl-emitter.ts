/**
 * The Terraform target: one `<baseName>.tf` with the variables and `current` data sources the policies
 * use, then each role and resource policy. Typed code builds and prints every block; the Handlebars
 * templates in `templates/hcl` only lay the finished blocks out in the file.
 */
import {
  defaultTemplateDir,
  loadTemplateSet,
  renderTemplate,
  type DeputyModel,
  type EmittedFile,
  type Emitter,
  type TemplateSet,
} from '@deputy/policy-model';
import type { EmitContext } from './emit-context.js';
import { environmentBlocks } from './environment-blocks.js';
import { resolveHclOptions, type HclEmitOptions } from './hcl-emit-options.js';
import { LabelNamespaces } from './hcl-label.js';
import { commentText } from './hcl-string.js';
import { traversalsIn, type HclBlock } from './hcl-syntax.js';
import { blockCommentLines, blockHeader, writeBody } from './hcl-writer.js';
import { resourcePolicyBlocks } from './resource-policy-blocks.js';
import { roleBlocks } from './role-blocks.js';
import { withUnicodeNfcNotice } from './unicode-normalization.js';

/** The template target name: templates live in `templates/hcl/*.hbs`. */
export const HCL_TARGET = 'hcl';

let packagedTemplates: TemplateSet | undefined;

/** The packaged default templates, read once. */
export function defaultHclTemplates(): TemplateSet {
  packagedTemplates ??= loadTemplateSet(HCL_TARGET, defaultTemplateDir(import.meta.url, HCL_TARGET));
  return packagedTemplates;
}

/** Emits a model as one Terraform file, `<model.baseName>.tf`. */
export const emitHcl: Emitter<HclEmitOptions> = (model: DeputyModel, options?: HclEmitOptions): EmittedFile[] => {
  const resolved = resolveHclOptions(options);
  const context: EmitContext = {
    environment: model.environment,
    awsProviderMajorVersion: resolved.awsProviderMajorVersion,
    style: resolved.style,
    labels: new LabelNamespaces(),
  };
  const policyBlocks = [
    ...model.roles.flatMap((role) => roleBlocks(role, context)),
    ...model.resourcePolicies.flatMap((policy) => resourcePolicyBlocks(policy, context)),
  ].map(withUnicodeNfcNotice);
  const usedPaths = new Set(policyBlocks.flatMap((hclBlock) => traversalsIn(hclBlock.body)));
  const environment = environmentBlocks(usedPaths, context);
  const blocks = [...environment.variables.map(withUnicodeNfcNotice), ...environment.dataSources, ...policyBlocks];
  const templates = options?.templates ?? defaultHclTemplates();
  const contents = renderTemplate(templates, 'file.tf.hbs', {
    source: commentText(model.source),
    blocks: blocks.map((hclBlock) => renderTopLevelBlock(hclBlock, templates)),
  });
  return [{ path: `${model.baseName}.tf`, contents }];
};

function renderTopLevelBlock(hclBlock: HclBlock, templates: TemplateSet): string {
  return renderTemplate(templates, 'block.tf.hbs', {
    type: hclBlock.type,
    labels: hclBlock.labels,
    header: blockHeader(hclBlock.type, hclBlock.labels),
    comments: blockCommentLines(hclBlock),
    body: writeBody(hclBlock.body, 1),
  }).replace(/\n+$/, '');
}
