/**
 * The Terraform target: the model's plan (`@deputy/terraform-plan`) printed as one `<baseName>.tf` — its
 * roles, resource policies and role outputs, preceded (unless a directory shares them) by the `terraform`
 * block, variables and `current` data sources it uses. Typed code builds and prints every block; the
 * Handlebars templates in `templates/hcl` only lay the finished blocks out in the file.
 */
import {
  DeputyInputError,
  defaultTemplateDir,
  GENERATED_MARKER,
  loadTemplateSet,
  renderTemplate,
  type DeputyModel,
  type EmittedFile,
  type Emitter,
  type TemplateSet,
} from '@deputy/policy-model';
import {
  declarationBlocks,
  environmentReferences,
  LabelNamespaces,
  checkedDirectoryEntries,
  DirectoryAddresses,
  directoryDeclarations,
  planTerraform,
  SHARED_DECLARATIONS_BASENAME,
  type PlanBlock,
  type SharedDeclarations,
} from '@deputy/terraform-plan';
import type { EmitContext } from './emit-context.js';
import { resolveHclOptions, type HclEmitOptions } from './hcl-emit-options.js';
import { commentText } from './hcl-string.js';
import type { HclBlock } from './hcl-syntax.js';
import { blockCommentLines, blockHeader, writeBody } from './hcl-writer.js';
import { hclBlocks } from './plan-printing.js';
import { policyDocumentDataAddresses } from './policy-document-addresses.js';
import { withUnicodeNfcNotice } from './unicode-normalization.js';

/** The template target name: templates live in `templates/hcl/*.hbs`. */
export const HCL_TARGET = 'hcl';

/** The path of a directory's shared declarations. */
export const HCL_DECLARATIONS_PATH = `${SHARED_DECLARATIONS_BASENAME}.tf`;

/** The `Source:` of the shared declarations file. */
const SHARED_SOURCE = 'every definition written to this directory (shared declarations)';

let packagedTemplates: TemplateSet | undefined;

/** The packaged default templates, read once. */
export function defaultHclTemplates(): TemplateSet {
  packagedTemplates ??= loadTemplateSet(HCL_TARGET, defaultTemplateDir(import.meta.url, HCL_TARGET));
  return packagedTemplates;
}

/** Emits a model as one Terraform file, `<model.baseName>.tf`. */
export const emitHcl: Emitter<HclEmitOptions> = (model: DeputyModel, options?: HclEmitOptions): EmittedFile[] => {
  const resolved = resolveHclOptions(options);
  const plan = planTerraform(model, { awsProviderMajorVersion: resolved.awsProviderMajorVersion });
  const context: EmitContext = { environment: model.environment, references: plan.references, style: resolved.style, labels: new LabelNamespaces() };
  const blocks: readonly PlanBlock[] = resolved.declarations === 'shared' ? plan.blocks : [...declarationBlocks(plan.declarations), ...plan.blocks];
  return [{ path: `${model.baseName}.tf`, contents: renderFile(model.source, hclBlocks(blocks, context), options?.templates) }];
};

/**
 * Several models as one Terraform directory: each model's `<baseName>.tf` without shared declarations, then
 * `deputy.tf` declaring them once. Two models declaring the same address (policy-document data sources
 * included) are a user error naming both.
 */
export function emitHclDirectory(models: readonly DeputyModel[], options?: HclEmitOptions): EmittedFile[] {
  const resolved = resolveHclOptions(options);
  const entries = checkedDirectoryEntries(models, resolved.awsProviderMajorVersion);
  const dataSources = new DirectoryAddresses();
  for (const model of models) dataSources.add(model.source, policyDocumentDataAddresses(model, options));
  if (dataSources.problems().length > 0) throw new DeputyInputError(dataSources.problems());
  return [
    ...models.flatMap((model) => emitHcl(model, { ...options, declarations: 'shared' })),
    ...emitHclDeclarations(entries.map((entry) => entry.declarations), options),
  ];
}

/** `deputy.tf`: the `terraform` block, variables and data sources every definition of a directory shares, each once. */
export function emitHclDeclarations(declarations: readonly SharedDeclarations[], options?: HclEmitOptions): EmittedFile[] {
  const resolved = resolveHclOptions(options);
  const merged = directoryDeclarations(declarations, resolved.awsProviderMajorVersion);
  const context: EmitContext = {
    environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
    references: environmentReferences({ account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } }, merged.awsProviderMajorVersion),
    style: resolved.style,
    labels: new LabelNamespaces(),
  };
  return [{ path: HCL_DECLARATIONS_PATH, contents: renderFile(SHARED_SOURCE, hclBlocks(declarationBlocks(merged), context), options?.templates) }];
}

/** The packaged layouts are written in code; the template set (and Handlebars) is loaded only for a user's own. */
function renderFile(source: string, blocks: readonly HclBlock[], templateSet: TemplateSet | undefined): string {
  const templates = templateSet === undefined || templateSet === defaultHclTemplates() ? undefined : templateSet;
  const rendered = blocks.map((hclBlock) => renderTopLevelBlock(hclBlock, templates));
  if (templates === undefined) return packagedFileLayout(commentText(source), rendered);
  return renderTemplate(templates, 'file.tf.hbs', { source: commentText(source), blocks: rendered });
}

/** What the packaged `file.tf.hbs` renders, written in code (checked against the template like the block layout). */
function packagedFileLayout(source: string, blocks: readonly string[]): string {
  let file = `# This file was ${GENERATED_MARKER} — do not edit.\n# Source: ${source}\n`;
  for (const block of blocks) file += `\n${block}\n`;
  return file;
}

/** A top-level block, with the Unicode NFC notice among its comments when Terraform would change its text. */
function renderTopLevelBlock(planned: HclBlock, templates: TemplateSet | undefined): string {
  const body = writeBody(planned.body, 1);
  const hclBlock = withUnicodeNfcNotice(planned, body);
  const header = blockHeader(hclBlock.type, hclBlock.labels);
  const comments = blockCommentLines(hclBlock);
  if (templates === undefined) return packagedBlockLayout(comments, header, body);
  return renderTemplate(templates, 'block.tf.hbs', { type: hclBlock.type, labels: hclBlock.labels, header, comments, body }).replace(/\n+$/, '');
}

/**
 * What the packaged `block.tf.hbs` renders, written in code: it runs for every block of every file, and the
 * Handlebars runtime costs more than the block itself (a run of 1,000 roles writes 4,000 blocks). A test checks it against the template for every
 * fixture; a user's `block.tf.hbs` always goes through Handlebars.
 */
function packagedBlockLayout(comments: readonly string[], header: string, body: string): string {
  const lines = comments.length === 0 ? '' : `${comments.join('\n')}\n`;
  return body === '' ? `${lines}${header} {}` : `${lines}${header} {\n${body}\n}`;
}
