/**
 * The part of the cdktf API deputy uses, as a structural type that both `cdktf` (0.20+) and its maintained
 * fork `cdktn` (CDK Terrain) satisfy, and how it is loaded: lazily, with `require`, only when a construct is
 * built or the `tf-json` target runs — `cdktf` costs ~100–300 ms to load, and other targets never pay it.
 */
import { createRequire } from 'node:module';
import type { Construct, IConstruct } from 'constructs';
import { DeputyInputError } from '@deputy/policy-model';

/** A synthesizable Terraform element (resource, data source, variable, local, output). */
export interface CdkElement extends Construct {
  /** The element's logical ID: its label in Terraform addresses. */
  readonly friendlyUniqueId: string;
  /** Fixes the logical ID. */
  overrideLogicalId(newLogicalId: string): void;
  /** Sets a raw value at a dotted path of the element's synthesized body. */
  addOverride(path: string, value: unknown): void;
}

/** A resource or data source, whose attributes can be referenced. */
export interface CdkReferenceable extends CdkElement {
  /** The Terraform type, e.g. `aws_iam_role`. */
  readonly terraformResourceType: string;
  /** A token that synthesizes to `${<address>.<attribute>}`. */
  getStringAttribute(terraformAttribute: string): string;
}

/** A Terraform stack. */
export interface CdkStack extends Construct {
  /** The stack as a Terraform JSON object (with cdktf's `//` metadata). */
  toTerraform(): unknown;
  /** Sets a raw value at a dotted path of the synthesized stack. */
  addOverride(path: string, value: unknown): void;
}

/** Configuration of a variable validation rule, in cdktf's spelling. */
export interface CdkVariableValidation {
  /** The condition expression. */
  condition: string;
  /** The message when it fails. */
  errorMessage: string;
}

/** Configuration of a raw resource or data source. */
export interface CdkResourceConfig {
  /** The Terraform type, e.g. `aws_iam_role`. */
  readonly terraformResourceType: string;
  /** The provider the type belongs to, for cdktf's provider validation. */
  readonly terraformGeneratorMetadata?: { readonly providerName: string };
}

/** The cdktf (or cdktn) module: the classes deputy instantiates. */
export interface CdkModule {
  /** `App`: the root of a construct tree. */
  readonly App: new (config?: { readonly outdir?: string; readonly skipValidation?: boolean; readonly stackTraces?: boolean }) => Construct;
  /** `TerraformStack`. */
  readonly TerraformStack: {
    new (scope: Construct, id: string): CdkStack;
    /** The stack a construct belongs to. */
    of(construct: IConstruct): CdkStack;
  };
  /** `TerraformElement`, for recognising elements. */
  readonly TerraformElement: { isTerraformElement(x: unknown): boolean };
  /** `TerraformResource`, used raw with `terraformResourceType`. */
  readonly TerraformResource: {
    new (scope: Construct, id: string, config: CdkResourceConfig): CdkReferenceable;
    isTerraformResource(x: unknown): boolean;
  };
  /** `TerraformDataSource`, used raw with `terraformResourceType`. */
  readonly TerraformDataSource: {
    new (scope: Construct, id: string, config: CdkResourceConfig): CdkReferenceable;
    isTerraformDataSource(x: unknown): boolean;
  };
  /** `TerraformVariable`. */
  readonly TerraformVariable: new (
    scope: Construct,
    id: string,
    config: { type?: string; description?: string; validation?: CdkVariableValidation[] },
  ) => CdkElement;
  /** `TerraformLocal`. */
  readonly TerraformLocal: new (scope: Construct, id: string, expression: unknown) => CdkElement;
  /** `TerraformOutput`. */
  readonly TerraformOutput: {
    new (scope: Construct, id: string, config: { value: unknown; description?: string }): CdkElement;
    isTerraformOutput(x: unknown): boolean;
  };
}

/** The packages that provide the module, in the order they are tried. */
export const CDK_PACKAGES = ['cdktf', 'cdktn'] as const;

const requireFromHere = createRequire(import.meta.url);
const loaded = new Map<string, CdkModule | null>();

/** Loads a package's module once; undefined when it is not installed. */
export function tryLoadCdkModule(name: (typeof CDK_PACKAGES)[number]): CdkModule | undefined {
  if (!loaded.has(name)) {
    try {
      loaded.set(name, requireFromHere(name) as CdkModule);
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      loaded.set(name, null);
    }
  }
  return loaded.get(name) ?? undefined;
}

/** The first installed of `cdktf`, `cdktn`; a user error naming both when neither is installed. */
export function loadCdkModule(): CdkModule {
  for (const name of CDK_PACKAGES) {
    const module = tryLoadCdkModule(name);
    if (module) return module;
  }
  throw new DeputyInputError([
    {
      code: 'cdktf-not-installed',
      message: 'neither cdktf nor cdktn is installed',
      hint: 'install a peer: npm install cdktf constructs (or cdktn constructs, the maintained fork)',
      file: '@deputy/emitter-cdktf',
    },
  ]);
}

/**
 * The module whose `App` is the root of `scope`'s construct tree, so a construct added to a cdktn app uses
 * cdktn even when cdktf is installed too; the first installed module when the root is no known App.
 */
export function cdkModuleFor(scope: IConstruct): CdkModule {
  const root = scope.node.root;
  for (const name of CDK_PACKAGES) {
    const module = tryLoadCdkModule(name);
    if (module && root instanceof module.App) return module;
  }
  return loadCdkModule();
}
