/**
 * The manifest's text is written entry by entry; it must be exactly what `JSON.stringify(manifest, null, 2)`
 * gives for the same sorted entries (the form earlier versions wrote and every reader parses), and read back
 * to the same entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, MANIFEST_FILE, manifestText, readManifest, type ManifestEntry, type RecordedFile } from '../src/generated-manifest.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryDirectory } from './support/run-cli.js';

/** The reference: the manifest object serialised by JSON.stringify, keys sorted. */
function reference(files: ReadonlyMap<string, RecordedFile>, kept: ReadonlyMap<string, ManifestEntry>): string {
  const entries = new Map<string, ManifestEntry>(kept);
  for (const [path, file] of files) entries.set(path, { sha256: contentHash(file.contents), ...(file.source !== undefined ? { source: file.source } : {}) });
  const sorted = Object.fromEntries([...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ version: 2, files: sorted }, null, 2)}\n`;
}

/** Relative paths as emitters write them (never integer-like: every output has an extension), with odd characters. */
const path = fc.tuple(fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 2 }), fc.string({ maxLength: 8 }), fc.constantFrom('.tf', '.json', '.yaml', '.tf.json')).map(([dirs, name, extension]) => [...dirs, `${name}${extension}`].join('/'));
const recorded = fc.record({ contents: fc.string({ maxLength: 40 }), source: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }, { requiredKeys: ['contents'] });
const keptEntry = fc.record({ sha256: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), source: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }, { requiredKeys: ['sha256'] });

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

describe('manifestText', () => {
  it('is empty-files JSON for no files', () => {
    expect(manifestText(new Map())).toBe(reference(new Map(), new Map()));
    expect(manifestText(new Map())).toBe('{\n  "version": 2,\n  "files": {}\n}\n');
  });

  it('equals JSON.stringify of the sorted manifest, for generated and kept entries with and without a source', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, recorded), { maxLength: 12 }), fc.array(fc.tuple(path, keptEntry), { maxLength: 6 }), (generated, keptPairs) => {
        const files = new Map(generated.map(([key, file]) => [key, withoutUndefined(file)]));
        const kept = new Map(keptPairs.map(([key, entry]) => [key, withoutUndefined(entry)]));
        expect(manifestText(files, kept)).toBe(reference(files, kept));
      }),
      { numRuns: 500 },
    );
  });

  it('reads back to the entries it records', () => {
    const dir = temporaryDirectory();
    const files = new Map<string, RecordedFile>([
      ['b/z.tf', { contents: 'z', source: '../defs/b.yaml' }],
      ['a "quoted"\\name.json', { contents: 'a' }],
    ]);
    writeFileSync(join(dir, MANIFEST_FILE), manifestText(files, new Map([['old.tf', { sha256: 'ab'.repeat(32) }]])));
    expect(readManifest(dir).files).toEqual({
      'a "quoted"\\name.json': { sha256: contentHash('a') },
      'b/z.tf': { sha256: contentHash('z'), source: '../defs/b.yaml' },
      'old.tf': { sha256: 'ab'.repeat(32) },
    });
  });
});
