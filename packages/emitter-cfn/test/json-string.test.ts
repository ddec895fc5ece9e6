/** JSON strings: exactly `JSON.stringify`'s text, with the characters YAML 1.1 reads as line breaks or refuses escaped. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_FRAGMENTS } from '@deputy/policy-model/testing';
import { jsonString } from '../src/json/json-string.js';

const YAML_LINE_BREAKS_AND_CONTROLS = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

/** What `jsonString` must give: `JSON.stringify`, then every such character as an upper-case `\uXXXX`. */
function expectedJson(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

describe('jsonString', () => {
  it('quotes plain text as JSON.stringify does, and escapes what YAML 1.1 misreads', () => {
    expect(jsonString('arn:aws:s3:::bucket/*')).toBe('"arn:aws:s3:::bucket/*"');
    expect(jsonString('say "hi"\\')).toBe('"say \\"hi\\"\\\\"');
    expect(jsonString('a\u0085b\u2028\ufeff')).toBe('"a\\u0085b\\u2028\\uFEFF"');
    expect(jsonString('\ud800 🔐 é\n\u007f')).toBe('"\\ud800 🔐 é\\n\\u007F"');
  });

  it('gives the expected text for any string, and JSON.parse reads it back', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(...HOSTILE_FRAGMENTS));
    fc.assert(
      fc.property(text, (value) => {
        const json = jsonString(value);
        expect(json).toBe(expectedJson(value));
        expect(YAML_LINE_BREAKS_AND_CONTROLS.test(json)).toBe(false);
        expect(JSON.parse(json)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});
