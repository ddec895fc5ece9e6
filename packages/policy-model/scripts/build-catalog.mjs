#!/usr/bin/env node
/**
 * Assembles the service catalog: every `catalog/services/<key>.json` (one entry per file, so that entries are
 * edited and reviewed one at a time) into `src/catalog/service-catalog.json`, which the package imports.
 * Entries are ordered by key; each file's `$schema` line is dropped. `--check` exits 1 when the assembled
 * file is not current instead of writing it (a test runs the same comparison); `--validate` checks
 * every entry file against the schema's `entry` definition and prints each problem.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const servicesDirectory = `${packageRoot}catalog/services/`;
const target = `${packageRoot}src/catalog/service-catalog.json`;

/** The assembled catalog text for the entry files present now. */
export function assembleCatalog() {
  const files = readdirSync(servicesDirectory).filter((name) => name.endsWith('.json')).sort();
  const services = files.map((name) => {
    const { $schema: _schema, ...entry } = JSON.parse(readFileSync(`${servicesDirectory}${name}`, 'utf8'));
    if (`${entry.key}.json` !== name) throw new Error(`catalog/services/${name}: key ${entry.key} does not match the file name`);
    return entry;
  });
  return `${JSON.stringify({ $schema: './service-catalog.schema.json', services }, null, 2)}\n`;
}

/** Every schema problem of every entry file, as `catalog/services/<file>: <path> <message>` lines. */
export function entryProblems() {
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js');
  const schema = JSON.parse(readFileSync(`${packageRoot}src/catalog/service-catalog.schema.json`, 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).addSchema(schema).getSchema(`${schema.$id}#/$defs/entry`);
  const problems = [];
  for (const name of readdirSync(servicesDirectory).filter((file) => file.endsWith('.json')).sort()) {
    const entry = JSON.parse(readFileSync(`${servicesDirectory}${name}`, 'utf8'));
    if (!validate(entry)) for (const error of validate.errors ?? []) problems.push(`catalog/services/${name}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--validate')) {
    const problems = entryProblems();
    for (const problem of problems) console.error(problem);
    process.exit(problems.length > 0 ? 1 : 0);
  }
  const text = assembleCatalog();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text) {
      console.error('error: src/catalog/service-catalog.json is not current (run node packages/policy-model/scripts/build-catalog.mjs)');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
