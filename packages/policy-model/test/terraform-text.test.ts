/**
 * The Terraform text predicate on cases measured with hcl2json and terraform (the HCL emitter's tests check
 * it against hcl2json itself, by property).
 */
import { describe, expect, it } from 'vitest';
import { terraformChangesText } from '../src/index.js';

describe('terraformChangesText', () => {
  it.each([
    ['e\u0301', 'not in NFC'],
    ['\uf900', 'a singleton decomposition'],
    ['\u0301'.repeat(31), 'more than 30 non-starters in a row'],
    ['\u314f'.repeat(31), 'more than 30 compatibility jamo (non-starters once decomposed)'],
    ['\u{130ef}\u3099', 'Go composes U+130EF U+3099 as U+30EF U+3099 (U+30F7)'],
    ['\u{20065}\u0301', 'Go composes U+20065 U+0301 as U+0065 U+0301 (U+00E9)'],
    ['x\u{10041}\u0316\u0301', 'Go composes an aliased starter with a mark behind another mark'],
    ['\u1099\u{110ba}', 'Go composes U+1099 U+110BA as U+11099 U+110BA (U+1109A)'],
  ])('%j changes: %s', (text) => {
    expect(terraformChangesText(text)).toBe(true);
  });

  it.each([
    ['arn:aws:s3:::bucket/${aws:username}', 'ASCII'],
    ['Caf\u00e9', 'text in NFC'],
    ['\u0301'.repeat(30), '30 non-starters in a row'],
    ['\u{1f44d}\ufe0f', 'an emoji with its variation selector'],
    ['\u{11099}x', 'a character outside the BMP with no mark after it'],
    ['\u{1f469}\u200d\u{1f467}', 'joined emoji'],
  ])('%j is kept: %s', (text) => {
    expect(terraformChangesText(text)).toBe(false);
  });
});
