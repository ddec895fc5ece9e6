/**
 * The JSON fast path reads exactly what the YAML reader reads, or stands aside: checked case by case for
 * every reason it stands aside, and by property over random JSON with hostile strings, numbers and layouts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonExactly } from '../src/load/json-fast-path.js';
import { parseSourceText, parseWithLocations } from '../src/load/source-document.js';
import { jsonText } from './support/json-documents.js';

function yamlReading(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseWithLocations(text, 'input.json').value };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('parseJsonExactly', () => {
  it.each([
    ['{"a": 1, "a": 2}', 'a duplicate key (YAML refuses it)'],
    ['{"a": {"b": 1, "c": 2, "b": 3}}', 'a nested duplicate key'],
    ['{"a": 1e3}', 'a number in exponent form (kept as its text)'],
    ['{"a": -0}', 'negative zero'],
    ['{"a": 1.50}', 'a trailing zero'],
    ['[12345678901234567890]', 'an integer beyond double precision'],
    [`{"${'k'.repeat(1001)}": 1}`, 'a key longer than 1,000 characters'],
    ['{"a": "\\ud800"}', 'a lone surrogate (refused with its location)'],
    ['[]\r', 'a carriage return without a line feed (white space to JSON, not to YAML)'],
    ['{"a":\r1}', 'a carriage return without a line feed inside'],
    ['"text"', 'a scalar document'],
    [JSON.stringify({ a: { ['k'.repeat(1001)]: 1 } }, null, 2), 'a long key in text JSON.stringify wrote'],
    [`${JSON.stringify({ a: 1, b: 2 }, null, 2).replace('"b"', '"a"')}\n`, 'a duplicate key in otherwise canonical text'],
    ['{"a": 1,}', 'not JSON'],
    ['a: 1', 'YAML'],
  ])('stands aside for %j: %s', (text) => {
    expect(parseJsonExactly(text)).toBeUndefined();
  });

  it.each([
    ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'],
    ['{"__proto__": {"x": 1}, "0": "first", "b": [1, 2.5, -3, true, false, null]}'],
    ['{\n\t"a": "tab-indented",\r\n\t"b": "${aws:username} \\"q\\" \\\\ \\u00e9 \\ud83d\\ude00"\n}'],
    ['[]'],
    ['{"012345678901": "012345678901"}'],
    [`${JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } } }] }, null, 4)}\n`],
    [JSON.stringify({ a: [1.5, -2, 'é\u2028'] })],
  ])('reads %j as the YAML reader does', (text) => {
    const fast = parseJsonExactly(text);
    expect(fast).toBeDefined();
    expect(yamlReading(text)).toStrictEqual({ value: fast!.value });
  });

  it('property: whenever it reads, it reads what the YAML reader reads', () => {
    let read = 0;
    fc.assert(
      fc.property(jsonText(), (source) => {
        const fast = parseJsonExactly(source);
        if (fast === undefined) return;
        read += 1;
        expect(yamlReading(source)).toStrictEqual({ value: fast.value });
      }),
      { numRuns: 1000 },
    );
    expect(read, 'most samples take the fast path').toBeGreaterThan(500);
  });

  it('parseSourceText gives the same data and locations through the fast path', () => {
    const text = '{\n  "Statement": [\n    {"Effect": "Allow"},\n    {"Effect": "Deny"}\n  ]\n}';
    const fast = parseSourceText(text, 'p.json');
    const slow = parseWithLocations(text, 'p.json');
    expect(fast.value).toStrictEqual(slow.value);
    expect(fast.locate(['Statement', 1])).toEqual({ file: 'p.json', line: 4, column: 5 });
    expect(fast.locate(['Statement', 1, 'Effect'], true)).toEqual(slow.locate(['Statement', 1, 'Effect'], true));
  });
});
