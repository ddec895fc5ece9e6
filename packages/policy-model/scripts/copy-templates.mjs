// Copies one target's Handlebars templates from the workspace's templates/ into a package's build output,
// so a published emitter carries its default file layout, and writes each target's templates precompiled
// beside them (precompiled.cjs), so that rendering the defaults needs only the Handlebars runtime.
// Runs after policy-model's own build (it uses dist/index.js).
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRECOMPILED_TEMPLATES_FILE, precompiledTemplatesSource } from '../dist/index.js';

const [target, destination] = process.argv.slice(2);
if (!target || !destination) {
  console.error('usage: copy-templates.mjs <target|--all> <destination>');
  process.exit(2);
}
const templatesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'templates');
const targets = target === '--all' ? readdirSync(templatesRoot, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [target];
for (const name of targets) {
  const source = join(templatesRoot, name);
  if (!existsSync(source)) {
    console.error(`error: no templates for target ${name} at ${source}`);
    process.exit(2);
  }
  const copy = join(resolve(destination), name);
  cpSync(source, copy, { recursive: true });
  const sources = new Map(readdirSync(copy).filter((file) => file.endsWith('.hbs')).sort().map((file) => [file, readFileSync(join(copy, file), 'utf8')]));
  writeFileSync(join(copy, PRECOMPILED_TEMPLATES_FILE), precompiledTemplatesSource(sources));
}
