// The floor for the convert benchmark: a bare node process that writes the given bytes to the given paths.
// Input: a JSON file mapping absolute paths to contents.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const made = new Set();
for (const [path, contents] of Object.entries(files)) {
  const dir = dirname(path);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(path, contents);
}
