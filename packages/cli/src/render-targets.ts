/**
 * Runs the chosen targets over models, applying template overrides and target options. Terraform targets
 * written to a directory leave their shared declarations (provider pin, data sources, variables) out of each
 * definition's file; after the last model, `sharedFiles()` gives each target's `deputy.tf` / `deputy.tf.json`,
 * or throws when two definitions declare the same Terraform address. `@deputy/terraform-plan` is loaded only
 * when a Terraform target writes a directory, so `deputy snippet --target json` never loads it.
 */
import { DeputyInputError, loadTemplateSet, defaultTemplateDir, type DeputyModel, type EmittedFile } from '@deputy/policy-model';
import type { SharedDeclarations } from '@deputy/terraform-plan';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withFlatContents } from './output-files.js';
import { loadTarget, type TargetName, type TargetOptions } from './targets.js';

/** Output of one target for one model. */
export interface TargetOutput {
  /** The target. */
  readonly target: TargetName;
  /** The model (for a directory's shared file: the first model, named in messages). */
  readonly model: DeputyModel;
  /** The emitted files. */
  readonly files: EmittedFile[];
}

/** Files a target writes once per output directory. */
export interface SharedOutput {
  /** The target. */
  readonly target: TargetName;
  /** The files (`deputy.tf`, `deputy.tf.json`). */
  readonly files: EmittedFile[];
}

/** Settings for rendering. */
export interface RenderSettings extends Omit<TargetOptions, 'templates' | 'declarations'> {
  /** A directory whose `<target>/*.hbs` files replace the defaults. */
  readonly templatesDir?: string;
  /**
   * `directory` (default): every model goes to one output directory per target, and Terraform targets share
   * their declarations in one file; `file`: each Terraform file is a complete configuration on its own.
   */
  readonly terraformLayout?: 'directory' | 'file';
}

/** Emits one model in every chosen target; `sharedFiles()`, after the last model, gives the per-directory files. */
export interface ModelRenderer {
  (model: DeputyModel): TargetOutput[];
  /** The shared declarations file of each Terraform target; throws when two definitions declare the same address. */
  sharedFiles(): SharedOutput[];
  /**
   * Counts a model whose files are already in the output directory but are not written in this run (another
   * team's definition): its variables stay in the shared file and its addresses are checked against this run's.
   */
  addContext(model: DeputyModel): void;
}

/** Loads each chosen target (and its templates) once, and returns a function that emits a model in all of them. */
export async function targetRenderer(targets: readonly TargetName[], settings: RenderSettings): Promise<ModelRenderer> {
  const directory = (settings.terraformLayout ?? 'directory') === 'directory';
  const prepared = await Promise.all(
    targets.map(async (name) => {
      const target = await loadTarget(name);
      const templates = templatesFor(target.templateDirName, settings.templatesDir);
      const shared = directory && target.emitShared !== undefined;
      const options: TargetOptions = {
        ...(templates ? { templates } : {}),
        ...(settings.layout ? { layout: settings.layout } : {}),
        ...(settings.style ? { style: settings.style } : {}),
        ...(settings.format ? { format: settings.format } : {}),
        ...(settings.awsProviderMajorVersion ? { awsProviderMajorVersion: settings.awsProviderMajorVersion } : {}),
        ...(shared ? { declarations: 'shared' as const } : {}),
      };
      return { name, target, options, shared };
    }),
  );
  const plan = prepared.some((entry) => entry.shared) ? await import('@deputy/terraform-plan') : undefined;
  const declarations: SharedDeclarations[] = [];
  const addresses = plan ? new plan.DirectoryAddresses() : undefined;
  const addContext = (model: DeputyModel): void => {
    if (!plan || !addresses) return;
    const entry = plan.directoryEntry(model, { awsProviderMajorVersion: settings.awsProviderMajorVersion ?? 6 });
    declarations.push(entry.declarations);
    const own = prepared.flatMap(({ target, options, shared }) => (shared && target.ownAddresses ? target.ownAddresses(model, options) : []));
    addresses.add(model.source, own.length === 0 ? entry.addresses : [...entry.addresses, ...own]);
  };
  const render = (model: DeputyModel): TargetOutput[] => {
    addContext(model);
    return prepared.map(({ name, target, options }) => ({ target: name, model, files: target.emit(model, options).map(withFlatContents) }));
  };
  const sharedFiles = (): SharedOutput[] => {
    const problems = addresses?.problems() ?? [];
    if (problems.length > 0) throw new DeputyInputError(problems);
    return prepared.flatMap(({ name, target, options, shared }) => (shared && target.emitShared ? [{ target: name, files: target.emitShared(declarations, options) }] : []));
  };
  return Object.assign(render, { sharedFiles, addContext });
}

/**
 * Emits every model in every target, loading each target once. Several models are one directory per target
 * (shared Terraform declarations appended, attributed to the first model); a single model's Terraform file
 * is complete on its own.
 */
export async function renderTargets(models: readonly DeputyModel[], targets: readonly TargetName[], settings: RenderSettings): Promise<TargetOutput[]> {
  const render = await targetRenderer(targets, { terraformLayout: models.length > 1 ? 'directory' : 'file', ...settings });
  const outputs = models.flatMap(render);
  const [first] = models;
  return first === undefined ? outputs : [...outputs, ...render.sharedFiles().map((shared) => ({ ...shared, model: first }))];
}

function templatesFor(target: string | undefined, overrideDir: string | undefined) {
  if (target === undefined || overrideDir === undefined || !existsSync(join(overrideDir, target))) return undefined;
  return loadTemplateSet(target, defaultTemplateDir(import.meta.url, target), overrideDir);
}
