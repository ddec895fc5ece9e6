/** Modules the build script (scripts/build-site.mjs) generates. */
declare module 'virtual:deputy-templates' {
  import type { PrecompiledTemplate } from '@deputy/policy-model';
  /** Each target's precompiled default templates, by file name, read from the emitter's dist. */
  export const PRECOMPILED: Readonly<Record<'json' | 'hcl' | 'cfn', Readonly<Record<string, PrecompiledTemplate>>>>;
}

declare module 'virtual:deputy-cjs' {
  /** CommonJS modules the deputy packages load through `createRequire`, bundled. */
  export const CJS_MODULES: {
    readonly yaml: unknown;
    readonly definitionValidator: unknown;
    readonly handlebarsRuntime: unknown;
  };
}
