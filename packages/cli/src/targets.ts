/**
 * The emit targets and how to load them. Each emitter package is imported only when its target is asked
 * for, so `deputy snippet --target json` never loads Terraform code. Each target is the package of the same
 * name: `json` ↔ `@deputy/emitter-json`, `hcl` ↔ `@deputy/emitter-hcl`, `cfn` ↔ `@deputy/emitter-cfn`,
 * `tf-json` ↔ `@deputy/emitter-tf-json` (plain JSON; cdktf is needed only for the `DeputyRoles` construct).
 */
import { DeputyInputError, type DeputyModel, type EmittedFile, type TemplateSet } from '@deputy/policy-model';
import type { SharedDeclarations } from '@deputy/terraform-plan';

/** Every target name, in the order `all` runs them. */
export const TARGET_NAMES = ['json', 'hcl', 'cfn', 'tf-json'] as const;

/** A target name. */
export type TargetName = (typeof TARGET_NAMES)[number];

/** Options the CLI passes to every emitter; each reads what concerns it. */
export interface TargetOptions {
  /** Templates for this target, with the user's overrides applied. */
  readonly templates?: TemplateSet;
  /** JSON layout: `flat` for convert and snippet. */
  readonly layout?: 'directory' | 'flat';
  /** HCL policy style. */
  readonly style?: 'jsonencode' | 'policy-document';
  /** CloudFormation template format. */
  readonly format?: 'yaml' | 'json';
  /** The AWS provider major version Terraform output targets (hcl, tf-json): 6 by default. */
  readonly awsProviderMajorVersion?: 5 | 6;
  /** Terraform targets: `shared` leaves the provider, data sources and variables to the directory's shared file. */
  readonly declarations?: 'in-file' | 'shared';
}

/** How a Terraform target writes the declarations every definition of a directory shares (`deputy.tf`, `deputy.tf.json`). */
export type SharedDeclarationsEmitter = (declarations: readonly SharedDeclarations[], options: TargetOptions) => EmittedFile[];

/** A loaded target. */
export interface Target {
  /** Its name. */
  readonly name: TargetName;
  /** The directory under `templates/` the emitter reads Handlebars layouts from; undefined when it has none. */
  readonly templateDirName?: string;
  /** The emitter. */
  emit(model: DeputyModel, options: TargetOptions): EmittedFile[];
  /** Terraform targets: the emitter of the directory's shared declarations. */
  readonly emitShared?: SharedDeclarationsEmitter;
  /** Addresses the target's file declares beyond the plan's blocks (hcl: policy-document data sources), for the directory's address check. */
  readonly ownAddresses?: OwnAddresses;
}

/** Terraform addresses a target's file declares that the plan does not (the HCL policy-document data sources). */
export type OwnAddresses = (model: DeputyModel, options: TargetOptions) => string[];

const PACKAGES: Record<TargetName, string> = {
  json: '@deputy/emitter-json',
  hcl: '@deputy/emitter-hcl',
  cfn: '@deputy/emitter-cfn',
  'tf-json': '@deputy/emitter-tf-json',
};

/** A loaded emitter module: the per-model emitter and, for Terraform targets, the shared-declarations emitter. */
interface LoadedEmitter {
  readonly emit: ((model: DeputyModel, options: TargetOptions) => EmittedFile[]) | undefined;
  readonly emitShared?: SharedDeclarationsEmitter;
  readonly ownAddresses?: OwnAddresses;
}

type Loader = () => Promise<LoadedEmitter>;

const LOADERS: Record<TargetName, { templateDirName?: string; load: Loader }> = {
  json: { templateDirName: 'json', load: async () => ({ emit: (await import('@deputy/emitter-json')).emitJson }) },
  hcl: {
    templateDirName: 'hcl',
    load: async () => {
      const module = await importOptional('@deputy/emitter-hcl');
      return { emit: module['emitHcl'] as never, emitShared: module['emitHclDeclarations'] as never, ownAddresses: module['policyDocumentDataAddresses'] as never };
    },
  },
  cfn: { templateDirName: 'cfn', load: async () => ({ emit: (await importOptional('@deputy/emitter-cfn'))['emitCfn'] as never }) },
  'tf-json': {
    load: async () => {
      const module = await importOptional('@deputy/emitter-tf-json');
      return { emit: module['emitTerraformJson'] as never, emitShared: module['emitTerraformJsonDeclarations'] as never };
    },
  },
};

/** Parses a `--target` value: one target, a comma-separated list, or (where allowed) `all`. */
export function parseTargets(value: string, allowMany: boolean): TargetName[] {
  if (allowMany && value === 'all') return [...TARGET_NAMES];
  const names = allowMany ? value.split(',').map((name) => name.trim()) : [value];
  const unknown = names.filter((name) => !(TARGET_NAMES as readonly string[]).includes(name));
  if (unknown.length === 0 && names.length > 0) return [...new Set(names)] as TargetName[];
  throw new DeputyInputError([
    {
      code: 'unknown-target',
      message: `unknown target ${JSON.stringify(unknown[0] ?? value)}`,
      hint: `use ${[...TARGET_NAMES, ...(allowMany ? ['all'] : [])].join(', ')}${allowMany ? ', or a comma-separated list' : ''}`,
      file: '--target',
    },
  ]);
}

/** Loads a target's emitter, or fails with "target X is not available yet". */
export async function loadTarget(name: TargetName): Promise<Target> {
  const entry = LOADERS[name];
  let loaded: LoadedEmitter | undefined;
  try {
    loaded = await entry.load();
  } catch (error) {
    if (!isModuleNotFound(error)) throw error;
  }
  const emit = loaded?.emit;
  if (typeof emit !== 'function') {
    throw new DeputyInputError([
      { code: 'target-unavailable', message: `target ${name} is not available yet`, hint: `install its emitter package (${PACKAGES[name]}), or use another target`, file: '--target' },
    ]);
  }
  return {
    name,
    ...(entry.templateDirName !== undefined ? { templateDirName: entry.templateDirName } : {}),
    emit,
    ...(loaded?.emitShared ? { emitShared: loaded.emitShared } : {}),
    ...(loaded?.ownAddresses ? { ownAddresses: loaded.ownAddresses } : {}),
  };
}

async function importOptional(specifier: string): Promise<Record<string, unknown>> {
  return (await import(specifier)) as Record<string, unknown>;
}

function isModuleNotFound(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /^(Cannot find module|Could not resolve) ["']?@deputy\//.test(message ?? '');
}
