/**
 * The JSON target's default template (`{{document}}`) is plain text around one name: it is filled in without
 * loading Handlebars. Runs the built `dist` in a fresh Node process (the test target depends on the build).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

const DIST_INDEX = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'index.js')).href;

const SCRIPT = `
import { createRequire } from 'node:module';
import { convertPolicyText } from '@deputy/policy-model';
const cache = createRequire(import.meta.url).cache;
const { emitJson } = await import(${JSON.stringify(DIST_INDEX)});
const { model } = convertPolicyText('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}', 'p.json');
const [file] = emitJson(model, { layout: 'flat' });
console.log(JSON.stringify({ contents: file.contents, handlebars: Object.keys(cache).some((path) => path.includes('/handlebars/')) }));
`;

it('renders the default template without loading Handlebars', () => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { encoding: 'utf8', cwd: join(import.meta.dirname, '..') });
  expect(result.stderr).toBe('');
  const { contents, handlebars } = JSON.parse(result.stdout) as { contents: string; handlebars: boolean };
  expect(contents).toBe('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:GetObject",\n      "Resource": "*"\n    }\n  ]\n}\n');
  expect(handlebars).toBe(false);
});
