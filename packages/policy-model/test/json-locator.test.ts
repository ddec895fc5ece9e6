/**
 * The JSON locator gives the location the located (YAML) reader gives, for every path of a document — values,
 * keys, paths that stop at a scalar, paths that do not exist — checked on the round-trip policies, on the AWS
 * documentation corpus when it is present, and by property over random JSON in several layouts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExactly } from '../src/load/json-fast-path.js';
import { locateInJson } from '../src/load/json-locator.js';
import { parseWithLocations, type PathSegment } from '../src/load/source-document.js';
import { jsonText } from './support/json-documents.js';

const POLICIES = join(import.meta.dirname, '..', 'fixtures', 'policies');
const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'aws-docs-corpus.json');

/** Every path of a value, each followed by paths that do not exist below and beside it. */
function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix, [...prefix, 'missing'], [...prefix, 7]];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** Compares the locator with the located reader on every path of `text`, as value and as key; returns the paths checked. */
function expectSameLocations(text: string): number {
  const fast = parseJsonExactly(text);
  if (fast === undefined) return 0;
  const located = parseWithLocations(text, 'p.json');
  const paths = pathsOf(fast.value);
  for (const path of paths) {
    for (const atKey of [false, true]) {
      expect(locateInJson(text, 'p.json', path, atKey), `${JSON.stringify(path)} atKey=${atKey} in ${JSON.stringify(text)}`).toEqual(located.locate(path, atKey));
    }
  }
  return paths.length;
}

describe('locateInJson', () => {
  it('locates like the located reader in the round-trip policies, in four layouts', () => {
    let checked = 0;
    for (const name of readdirSync(POLICIES).filter((file) => file.endsWith('.json'))) {
      const text = readFileSync(join(POLICIES, name), 'utf8');
      const value = JSON.parse(text) as unknown;
      for (const layout of [text, JSON.stringify(value), JSON.stringify(value, null, '\t'), JSON.stringify(value, null, 2).replaceAll('\n', '\r\n')]) checked += expectSameLocations(layout);
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.skipIf(!existsSync(CORPUS))('locates like the located reader in every policy of the AWS documentation corpus', () => {
    const entries = JSON.parse(readFileSync(CORPUS, 'utf8')) as { policy?: unknown }[];
    let checked = 0;
    for (const entry of entries.filter((item) => item.policy !== undefined)) checked += expectSameLocations(JSON.stringify(entry.policy, null, 2));
    expect(checked).toBeGreaterThan(1000);
  });

  it('gives the key with atKey, and the nearest ancestor for a path that goes on past a scalar', () => {
    const text = '{\n  "Statement": [\n    {"Effect": "Allow", "Principal": {"Service": "sns.amazonaws.com"}},\n    {"Effect" : "Deny"}\n  ]\n}';
    expect(locateInJson(text, 'p.json', ['Statement', 1, 'Effect'], true)).toEqual({ file: 'p.json', line: 4, column: 6 });
    expect(locateInJson(text, 'p.json', ['Statement', 1, 'Effect'], false)).toEqual({ file: 'p.json', line: 4, column: 17 });
    expect(locateInJson(text, 'p.json', ['Statement', 0, 'Effect', 'x'], false)).toEqual({ file: 'p.json', line: 3, column: 16 });
    expect(locateInJson(text, 'p.json', ['Statement', 5], false)).toEqual({ file: 'p.json', line: 2, column: 16 });
  });

  it('property: random JSON, hostile keys and strings, any layout', () => {
    let located = 0;
    fc.assert(
      fc.property(jsonText(), (source) => {
        if (expectSameLocations(source) > 0) located += 1;
      }),
      { numRuns: Number(process.env['DEPUTY_JSON_LOCATOR_RUNS'] ?? 500) },
    );
    expect(located, 'most samples take the fast path').toBeGreaterThan(200);
  });
});
