/** The assembled catalog is exactly the entry files: `node scripts/build-catalog.mjs` was run after the last edit, and every entry file is valid. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations
import { assembleCatalog, entryProblems } from '../scripts/build-catalog.mjs';

const assembled = fileURLToPath(new URL('../src/catalog/service-catalog.json', import.meta.url));

test('src/catalog/service-catalog.json is the assembly of catalog/services/*.json (run node scripts/build-catalog.mjs)', () => {
  expect(readFileSync(assembled, 'utf8')).toBe((assembleCatalog as () => string)());
});

test('every entry file is valid against the entry schema', () => {
  expect((entryProblems as () => string[])()).toEqual([]);
});
