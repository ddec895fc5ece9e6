// Builds a package's JavaScript: each entry point (src/index.ts, src/testing/index.ts, …) bundled by esbuild
// into dist with the package's own modules inlined and shared code split into chunks beside them, every
// import of another package left as an import. tsc still writes the declarations (--emitDeclarationOnly).
//
// Why: Node's ESM loader pays for every module file it resolves and reads; `deputy snippet` opened 64 or more
// JavaScript files (~25 ms of its start-up) and opens 17–18 bundled. Usage, from the package directory:
//   node ../policy-model/scripts/bundle-package.mjs src/index.ts [src/testing/index.ts …]
import { build } from 'esbuild';

const entryPoints = process.argv.slice(2);
if (entryPoints.length === 0) {
  console.error('usage: bundle-package.mjs <entry.ts> [<entry.ts> …]');
  process.exit(2);
}
await build({
  entryPoints,
  outdir: 'dist',
  outbase: 'src',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
});
