/** Modules the build script (scripts/build-site.mjs) generates. */
declare module 'virtual:deputy-templates' {
  import type { PrecompiledTemplate } from '@deputy/policy-model';
  /** Each target's precompiled default templates, by file name, read from the emitter's dist. */
  export const PRECOMPILED: Readonly<Record<'json' | 'hcl' | 'cfn', Readonly<Record<string, PrecompiledTemplate>>>>;
}

declare module 'virtual:deputy-cjs' {
  /** CommonJS modules the deputy packages load through `createRequire`, bundled. */
  export const CJS_MODULES: {
    readonly handlebarsRuntime: unknown;
  };
  /** Loads the modules kept out of the first render: policy-model's precompiled definition validator and yaml. */
  export function loadLazyModules(): Promise<{ readonly definitionValidator: unknown; readonly yaml: unknown }>;
  /** @deputy/lint's package.json, which it reads (for its version) when it loads. */
  export const LINT_PACKAGE_JSON: string;
}
