// `npm run playground`: serves the built playground (dist/site) on http://127.0.0.1:<port>/ (PORT, default 4173).
// Loopback only; build it first with `npx nx run playground:build`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static-server.mjs';

const site = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'site');
if (!existsSync(join(site, 'index.html'))) {
  console.error(`error: ${site}: the playground is not built (run: npx nx run playground:build)`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 4173);
const { url } = await serveStatic(site, Number.isInteger(port) ? port : 4173);
console.log(`deputy playground: ${url} (loopback only; Ctrl+C to stop)`);
