/** Runs the chosen targets over models, applying template overrides and target options. */
import { loadTemplateSet, defaultTemplateDir, type DeputyModel, type EmittedFile } from '@deputy/policy-model';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadTarget, type TargetName, type TargetOptions } from './targets.js';

/** Output of one target for one model. */
export interface TargetOutput {
  /** The target. */
  readonly target: TargetName;
  /** The model. */
  readonly model: DeputyModel;
  /** The emitted files. */
  readonly files: EmittedFile[];
}

/** Settings for rendering. */
export interface RenderSettings extends Omit<TargetOptions, 'templates'> {
  /** A directory whose `<target>/*.hbs` files replace the defaults. */
  readonly templatesDir?: string;
}

/** Emits one model in every chosen target. */
export type ModelRenderer = (model: DeputyModel) => TargetOutput[];

/** Loads each chosen target (and its templates) once, and returns a function that emits a model in all of them. */
export async function targetRenderer(targets: readonly TargetName[], settings: RenderSettings): Promise<ModelRenderer> {
  const prepared = await Promise.all(
    targets.map(async (name) => {
      const target = await loadTarget(name);
      const templates = templatesFor(target.templateDirName, settings.templatesDir);
      const options: TargetOptions = {
        ...(templates ? { templates } : {}),
        ...(settings.layout ? { layout: settings.layout } : {}),
        ...(settings.style ? { style: settings.style } : {}),
        ...(settings.format ? { format: settings.format } : {}),
        ...(settings.awsProviderMajorVersion ? { awsProviderMajorVersion: settings.awsProviderMajorVersion } : {}),
      };
      return { name, target, options };
    }),
  );
  return (model) => prepared.map(({ name, target, options }) => ({ target: name, model, files: target.emit(model, options) }));
}

/** Emits every model in every target, loading each target once. */
export async function renderTargets(models: readonly DeputyModel[], targets: readonly TargetName[], settings: RenderSettings): Promise<TargetOutput[]> {
  const render = await targetRenderer(targets, settings);
  return models.flatMap(render);
}

function templatesFor(target: string | undefined, overrideDir: string | undefined) {
  if (target === undefined || overrideDir === undefined || !existsSync(join(overrideDir, target))) return undefined;
  return loadTemplateSet(target, defaultTemplateDir(import.meta.url, target), overrideDir);
}
