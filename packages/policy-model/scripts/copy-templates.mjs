// Copies one target's Handlebars templates from the workspace's templates/ into a package's build output,
// so a published emitter carries its default file layout.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [target, destination] = process.argv.slice(2);
if (!target || !destination) {
  console.error('usage: copy-templates.mjs <target|--all> <destination>');
  process.exit(2);
}
const templatesRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'templates');
if (target === '--all') {
  cpSync(templatesRoot, resolve(destination), { recursive: true });
  process.exit(0);
}
const source = join(templatesRoot, target);
if (!existsSync(source)) {
  console.error(`error: no templates for target ${target} at ${source}`);
  process.exit(2);
}
cpSync(source, join(resolve(destination), target), { recursive: true });
