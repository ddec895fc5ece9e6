/** YAML scalars: the quoting decision, escapes, numbers and comments, checked by loading them back. */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { HOSTILE_FRAGMENTS } from '@deputy/policy-model/testing';
import { commentLines, commentText, isPlainSafe, yamlNumber, yamlString } from '../src/yaml/yaml-scalar.js';
import { CFN_YAML_SCHEMA } from '../src/testing.js';

/** Strings that a YAML 1.1 reader (CloudFormation, PyYAML) takes for something else, or that YAML cannot hold plain. */
const MISREADABLE = [
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'y', 'Y', 'n', 'N', 'true', 'True', 'TRUE', 'false', 'False',
  'null', 'Null', 'NULL', '~', '', '0123', '012345678901', '123456789012', '0o17', '0x1F', '0b101', '1_000', '1e3', '1E3', '1.5', '.5', '-1', '+1',
  '.inf', '-.inf', '+.INF', '.nan', '.NaN', '1:20', '190:20:30', '1:20.5', '2012-10-17', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5',
  '12:30:45', '<<', '=', 'a: b', 'a:', 'c #d', '#c', ' lead', 'trail ', ' ', '-', '- a', '-a', '?', '? a', ':', ':a', '!', '!Ref x', '&a', '*a', '@a',
  '`a', '%a', '|', '|a', '>', '>a', "'a", '"a', '{a', '[a', ']', '}', ',a', '---', '...', 'a\nb', 'a\tb', 'a\rb', '\u0085', '\u2028', '\u2029',
  '\ufeff', '\u0000', '\u001b', '\u007f', 'é', '日本', '🔐',
];

function roundTrip(text: string): unknown {
  return (load(`key: ${text}\n`, { schema: CFN_YAML_SCHEMA }) as { key: unknown }).key;
}

describe('yamlString', () => {
  it.each(MISREADABLE.map((value) => [JSON.stringify(value), value]))('quotes %s and reads it back unchanged', (_, value) => {
    const written = yamlString(value);
    expect(isPlainSafe(value)).toBe(false);
    expect(written[0] === "'" || written[0] === '"').toBe(true);
    expect(roundTrip(written)).toBe(value);
  });

  it('keeps everyday IAM strings plain', () => {
    for (const value of ['arn:aws:s3:::bucket/*', 's3:GetObject', 'sts:AssumeRole', 'aws:SourceAccount', 'AWS::IAM::Role', 'Allow', '/service-role/', 'ecs-tasks.amazonaws.com', 'Runs the jobs, nightly']) {
      expect(yamlString(value)).toBe(value);
    }
  });

  it('writes single quotes when every character is printable, double quotes with escapes otherwise', () => {
    expect(yamlString("it's")).toBe("it's");
    expect(yamlString("'it's'")).toBe("'''it''s'''");
    expect(yamlString('a\nb')).toBe('"a\\nb"');
    expect(yamlString('a\u2028b\u0085c\ufeffd\u0000e')).toBe('"a\\u2028b\\x85c\\uFEFFd\\x00e"');
    expect(yamlString('tab\there "q" \\')).toBe('"tab\\there \\"q\\" \\\\"');
  });

  it('reads back every hostile fragment and any string, on one line', () => {
    for (const fragment of HOSTILE_FRAGMENTS) expect(roundTrip(yamlString(fragment))).toBe(fragment);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom(...HOSTILE_FRAGMENTS)), (value) => {
        const written = yamlString(value);
        expect(written).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
        expect(roundTrip(written)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('yamlNumber', () => {
  it('writes numbers YAML 1.1 and 1.2 both read as that number', () => {
    expect(yamlNumber(3600)).toBe('3600');
    expect(yamlNumber(-0)).toBe('0');
    expect(yamlNumber(1e21)).toBe('1.0e+21');
    expect(yamlNumber(1.5e-7)).toBe('1.5e-7');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const written = yamlNumber(value);
        expect(written).toMatch(/^[-+]?(\d+|\d+\.\d*([eE][-+]\d+)?)$/);
        expect(roundTrip(written)).toBe(Object.is(value, -0) ? 0 : value);
      }),
    );
  });

  it('refuses numbers a template cannot hold', () => {
    expect(() => yamlNumber(Number.NaN)).toThrow(/invariant/);
  });
});

describe('comments', () => {
  it('splits at every YAML line break and escapes what YAML does not allow raw', () => {
    expect(commentLines('a\r\nb\rc\u0085d\u2028e\u2029f\ng\u0007')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g\\x07']);
    expect(commentText('x\ny\u2028')).toBe('x\\ny\\u2028');
  });

  it('wraps long lines at spaces without splitting words', () => {
    const words = Array.from({ length: 40 }, (_, index) => `word${index}`);
    const lines = commentLines(words.join(' '), 30);
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(words.join(' '));
  });

  it('never lets a comment change the document', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const yaml = `${commentLines(text).map((line) => `# ${line}`).join('\n')}\nkey: value # ${commentText(text)}\n`;
        expect(load(yaml)).toEqual({ key: 'value' });
      }),
    );
  });
});
