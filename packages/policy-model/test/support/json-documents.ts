/**
 * Random JSON documents for the JSON fast path's properties: objects and arrays holding hostile strings and
 * keys, numbers, booleans and null, written in the layouts people use (compact, two spaces, tabs, CRLF).
 */
import fc from 'fast-check';
import { hostileString } from '../../src/testing/index.js';

/** An object or array, nested a little, with hostile keys and strings. */
export function jsonDocument(): fc.Arbitrary<unknown> {
  const text = fc.oneof(hostileString(), fc.string({ unit: 'grapheme' }), fc.constantFrom('a', 'Statement', '__proto__', '0', 'a:b', '{', '"', '\\', '\n'));
  return fc
    .letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.array(fc.tuple(text, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
      ),
    }))
    .value.filter((value) => typeof value === 'object' && value !== null);
}

/** A document's JSON text in one of four layouts. */
export function jsonText(): fc.Arbitrary<string> {
  return fc.tuple(jsonDocument(), fc.constantFrom(undefined, 2, '\t', 'crlf')).map(([value, layout]) =>
    layout === 'crlf' ? JSON.stringify(value, null, 1).replaceAll('\n', '\r\n') : JSON.stringify(value, null, layout),
  );
}
