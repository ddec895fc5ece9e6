/**
 * Start-up contract of the built package: importing it loads none of the heavy modules (the ~600 kB
 * precompiled schema validator, ajv, yaml, js-yaml, Handlebars); each is loaded by the first call that needs it,
 * and a definition without problems is read by js-yaml alone (the located reader runs only for a location).
 * Runs the built `dist` in a fresh Node process (the test target depends on the build).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const DIST_INDEX = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'index.js')).href;

const SCRIPT = `
import { createRequire } from 'node:module';
const cache = createRequire(import.meta.url).cache;
const loaded = () => ['definition-validator.generated', '/ajv/', '/yaml/', '/js-yaml/', '/handlebars/'].filter((part) => Object.keys(cache).some((file) => file.includes(part)));
const model = await import(${JSON.stringify(DIST_INDEX)});
const afterImport = loaded();
model.loadDefinitionText('version: 1\\nroles:\\n  - name: r\\n    trustedServices:\\n      - service: personalize\\n', 'd.yaml', {});
console.log(JSON.stringify({ afterImport, afterLoad: loaded() }));
`;

it('importing the package loads no heavy module; loading a definition loads the validator and js-yaml, not the located reader', () => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const { afterImport, afterLoad } = JSON.parse(result.stdout) as { afterImport: string[]; afterLoad: string[] };
  expect(afterImport).toEqual([]);
  expect(afterLoad).toEqual(expect.arrayContaining(['definition-validator.generated', '/js-yaml/']));
  expect(afterLoad).not.toContain('/yaml/');
  expect(afterLoad).not.toContain('/handlebars/');
});
