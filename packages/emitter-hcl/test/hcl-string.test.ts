/**
 * The escaping function, case by case, then proven three ways: hcl2json reads every escaped string back
 * to the original, terraform itself evaluates them to the original, and a property test does the same for
 * hostile strings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hostileString } from '@deputy/policy-model/testing';
import { commentText, escapeHclStringText, hclQuotedString } from '../src/hcl-string.js';
import { terraformChangesText } from '../src/unicode-normalization.js';
import { decodeLiteral, parseHcl, requireTerraform, terraformEvaluate, terraformTextForms } from './support/index.js';

/** [input, escaped text between the quotes, what the case is about] */
const CASES: readonly [string, string, string][] = [
  ['plain text', 'plain text', 'ordinary text is untouched'],
  ['', '', 'the empty string'],
  ['"', '\\"', 'double quote'],
  ["'", "'", 'single quote needs nothing'],
  ['\\', '\\\\', 'backslash'],
  ['\\n', '\\\\n', 'a backslash before n stays two characters'],
  ['\n', '\\n', 'line feed'],
  ['\r', '\\r', 'carriage return'],
  ['\r\n', '\\r\\n', 'CRLF'],
  ['\t', '\\t', 'tab'],
  ['\u0000', '\\u0000', 'NUL'],
  ['\u0007', '\\u0007', 'bell'],
  ['\u001b[0m', '\\u001B[0m', 'escape character'],
  ['\u007f', '\\u007F', 'DEL'],
  ['\u0085', '\\u0085', 'C1 next line'],
  ['\u00a0', '\\u00A0', 'no-break space'],
  ['\u200b', '\\u200B', 'zero-width space'],
  ['\u202e', '\\u202E', 'right-to-left override'],
  ['\u2028\u2029', '\\u2028\\u2029', 'line and paragraph separators'],
  ['\ufeff', '\\uFEFF', 'byte order mark'],
  ['\u{e0001}', '\\U000E0001', 'astral format character'],
  ['é ü ß Ω 日本 🔐', 'é ü ß Ω 日本 🔐', 'visible non-ASCII stays as it is'],
  ['e\u0301', 'e\u0301', 'combining marks stay'],
  ['👩‍👩‍👧', '👩\\u200D👩\\u200D👧', 'zero-width joiners are shown'],
  ['${', '$${', 'interpolation opener'],
  ['${aws:username}', '$${aws:username}', 'IAM policy variable'],
  ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/$${aws:username}/*', 'policy variable inside an ARN'],
  ['%{', '%%{', 'directive opener'],
  ['%{if x}y%{endif}', '%%{if x}y%%{endif}', 'template directive'],
  ['$${', '$$${', 'an already doubled opener stays literal'],
  ['%%{', '%%%{', 'an already doubled directive stays literal'],
  ['$$$${x}', '$$$$${x}', 'a run of dollars before a brace'],
  ['${${', '$${$${', 'consecutive openers'],
  ['%${', '%$${', 'percent before an interpolation opener'],
  ['$%{', '$%%{', 'dollar before a directive opener'],
  ['$', '$', 'a lone dollar'],
  ['$ {', '$ {', 'dollar, space, brace'],
  ['{}', '{}', 'braces alone'],
  ['${}', '$${}', 'empty interpolation'],
  ['${!Literal}', '$${!Literal}', 'CloudFormation literal syntax'],
  ['{{account}}', '{{account}}', 'Handlebars braces'],
  ['end $', 'end $', 'dollar at the end'],
];

describe('escapeHclStringText', () => {
  for (const [input, escaped, about] of CASES) {
    it(`${about}: ${JSON.stringify(input)}`, () => {
      expect(escapeHclStringText(input)).toBe(escaped);
      expect(hclQuotedString(input)).toBe(`"${escaped}"`);
    });
  }

  it('refuses a lone surrogate, which no UTF-8 file can hold', () => {
    expect(() => escapeHclStringText('a\ud800b')).toThrow(/lone surrogate/);
    expect(() => escapeHclStringText('\udfff')).toThrow(/lone surrogate/);
  });

  it('escapes combining marks only when asked (object keys)', () => {
    expect(escapeHclStringText('क्ष e\u0301', { escapeCombiningMarks: true })).toBe('क\\u094Dष e\\u0301');
    expect(escapeHclStringText('क्ष e\u0301')).toBe('क्ष e\u0301');
    expect(hclQuotedString('\u{11b63}', { escapeCombiningMarks: true })).toBe('"\\U00011B63"');
  });

  it('keeps a very long value whole', () => {
    const long = '${aws:username}"\\'.repeat(5000);
    expect(escapeHclStringText(long)).toBe('$${aws:username}\\"\\\\'.repeat(5000));
  });

  it('hcl2json reads every case back to the original (in NFC)', async () => {
    const parsed = await parseHcl(CASES.map(([input], index) => `v${index} = ${hclQuotedString(input)}\n`).join(''));
    CASES.forEach(([input], index) => expect(decodeLiteral(parsed[`v${index}`] as string), JSON.stringify(input)).toBe(input.normalize('NFC')));
  });

  it('the Terraform form of every case is its NFC form (none is long enough for the stream-safe rule)', async () => {
    const forms = await terraformTextForms(CASES.map(([input]) => input));
    CASES.forEach(([input]) => expect(forms.get(input), JSON.stringify(input)).toBe(input.normalize('NFC')));
  });

  it('terraform evaluates every case to the original (in NFC)', () => {
    if (!requireTerraform('evaluating escaped strings with terraform console')) return;
    expect(terraformEvaluate(stringsConfiguration(CASES.map(([input]) => input)), 'local.values')).toEqual(
      CASES.map(([input]) => input.normalize('NFC')),
    );
  });

  it('property: hcl2json reads hostile strings back as Terraform holds them', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString(), async (input) => {
        const parsed = await parseHcl(`value = ${hclQuotedString(input)}\n`);
        const forms = await terraformTextForms([input]);
        expect(decodeLiteral(parsed['value'] as string)).toBe(forms.get(input));
      }),
      { numRuns: 300 },
    );
  });

  it('property: terraform evaluates a sample of hostile strings to the originals, as it holds them', async () => {
    if (!requireTerraform('evaluating hostile strings with terraform console')) return;
    const inputs = fc.sample(hostileString(), { numRuns: 300, seed: 20240611 });
    const forms = await terraformTextForms(inputs);
    expect(terraformEvaluate(stringsConfiguration(inputs), 'local.values')).toEqual(inputs.map((input) => forms.get(input)));
  });
});

describe('named gap unicode-nfc: Terraform holds every string in Unicode NFC, stream-safe', () => {
  it('inserts U+034F after 30 non-starters in a row, whatever the spelling', async () => {
    const long = '\u0301'.repeat(40);
    const halfwidth = '\uffc2'.repeat(40);
    const forms = await terraformTextForms([long, halfwidth]);
    expect(forms.get(long)).toBe(`${'\u0301'.repeat(30)}\u034f${'\u0301'.repeat(10)}`);
    expect(forms.get(halfwidth)).toBe(`${'\uffc2'.repeat(30)}\u034f${'\uffc2'.repeat(10)}`);
    const parsed = await parseHcl(`a = ${hclQuotedString(long)}\nb = ${hclQuotedString(halfwidth)}\n`);
    expect([parsed['a'], parsed['b']]).toEqual([forms.get(long), forms.get(halfwidth)]);
    if (!requireTerraform('checking stream-safe normalisation with terraform console')) return;
    expect(terraformEvaluate(stringsConfiguration([long, halfwidth]), 'local.values')).toEqual([forms.get(long), forms.get(halfwidth)]);
  });

  /** Text already in NFC that Go's composition, looking pairs up by their low 16 bits, still changes. */
  const GO_ALIASED: readonly [string, string][] = [
    ['\u{130ef}\u3099', '\u30f7'],
    ['\u{20065}\u0301', '\u00e9'],
    ['\u{10041}\u0316\u0301', '\u00c1\u0316'],
    ['\u1099\u{110ba}', '\u{1109a}'],
  ];

  it('Go composes some NFC text wrongly (pairs aliased by their low 16 bits), and the notice predicts it', async () => {
    const forms = await terraformTextForms(GO_ALIASED.map(([input]) => input));
    for (const [input, held] of GO_ALIASED) {
      expect(input.normalize('NFC'), JSON.stringify(input)).toBe(input);
      expect(forms.get(input), JSON.stringify(input)).toBe(held);
      expect(terraformChangesText(input), JSON.stringify(input)).toBe(true);
    }
    if (!requireTerraform('checking Go composition with terraform console')) return;
    expect(terraformEvaluate(stringsConfiguration(GO_ALIASED.map(([input]) => input)), 'local.values')).toEqual(GO_ALIASED.map(([, held]) => held));
  });

  it('the notice stays quiet on text Terraform keeps: ASCII, NFC text, an emoji with its variation selector', async () => {
    const kept = ['plain', 'Caf\u00e9', '\u{1f44d}\ufe0f', '\u{1f469}\u200d\u{1f467}', '\u0301'.repeat(30), '\u{11099}x', '\u{20065}a\u0301'.normalize('NFC')];
    const forms = await terraformTextForms(kept);
    for (const text of kept) {
      expect(forms.get(text), JSON.stringify(text)).toBe(text);
      expect(terraformChangesText(text), JSON.stringify(text)).toBe(false);
    }
  });

  /** Characters where Go's aliasing bites: starters outside the BMP whose low 16 bits name a composing BMP letter, and the reverse. */
  const UNICODE_ALPHABET = fc.constantFrom(
    'a', 'E', '\u30ef', '\u1099', '\u00c5', '\u0301', '\u0316', '\u0308', '\u3099', '\u309a', '\u034f', '\ufe0f', '\u200d',
    '\u{10041}', '\u{10045}', '\u{130ef}', '\u{20065}', '\u{11099}', '\u{110ba}', '\u{11131}', '\u{11127}', '\u{1f44d}', '\u{1d165}', '\u{1d16e}',
    '\u1100', '\u1161', '\u11a8', '\uac00', '\uf900',
  );

  it('property: whenever hcl2json holds a text differently, the notice predicts it', async () => {
    const texts = fc.sample(fc.array(UNICODE_ALPHABET, { minLength: 1, maxLength: 8 }).map((characters) => characters.join('')), { numRuns: 2000, seed: 20261128 });
    const forms = await terraformTextForms(texts);
    const missed = texts.filter((text) => forms.get(text) !== text && !terraformChangesText(text));
    expect(missed.map((text) => [...text].map((c) => c.codePointAt(0)!.toString(16)))).toEqual([]);
    expect(texts.filter((text) => forms.get(text) !== text).length, 'the sample exercises changed texts').toBeGreaterThan(200);
  });

  const NOT_NFC = ['e\u0301', '\uf900', 'A\u030a', '\u212b'];

  it('no spelling keeps a non-NFC string: literal text and \\u escapes are both normalised', async () => {
    const parsed = await parseHcl(NOT_NFC.map((input, index) => `v${index} = "${[...input].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"\n`).join(''));
    NOT_NFC.forEach((input, index) => expect(parsed[`v${index}`]).toBe(input.normalize('NFC')));
    if (!requireTerraform('checking NFC normalisation with terraform console')) return;
    expect(terraformEvaluate(stringsConfiguration(NOT_NFC), 'local.values')).toEqual(NOT_NFC.map((input) => input.normalize('NFC')));
    expect(terraformEvaluate('', 'jsondecode("\\"e\\\\u0301\\"")')).toBe('\u00e9');
  });
});

function stringsConfiguration(inputs: readonly string[]): string {
  return `locals {\n  values = [\n${inputs.map((input) => `    ${hclQuotedString(input)},\n`).join('')}  ]\n}\n`;
}

describe('commentText', () => {
  it('keeps a comment on one line and shows hidden characters', () => {
    expect(commentText('a\nb\tc\u202ed')).toBe('a\\nb\\tc\\u202Ed');
  });

  it('leaves quotes, backslashes and template sequences alone, since comments are not strings', () => {
    expect(commentText('say "${x}" \\ %{y}')).toBe('say "${x}" \\ %{y}');
  });

  it('drops trailing spaces and replaces lone surrogates', () => {
    expect(commentText('end   ')).toBe('end');
    expect(commentText('a\ud800')).toBe('a\ufffd');
  });
});
