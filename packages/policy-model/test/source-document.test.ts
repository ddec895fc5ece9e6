import { describe, expect, it } from 'vitest';
import { parseSourceText } from '../src/load/source-document.js';
import { DeputyInputError, formatProblem } from '../src/problems.js';

function problemsOf(text: string): string[] {
  try {
    parseSourceText(text, 'in.yaml');
  } catch (error) {
    if (error instanceof DeputyInputError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('parseSourceText', () => {
  it('keeps an unquoted account ID with a leading zero as exactly its text', () => {
    const { value } = parseSourceText('account: 012345678901\nother: 123456789012\n', 'in.yaml');
    expect(value).toEqual({ account: '012345678901', other: 123456789012 });
  });

  it('keeps numbers whose text is not their canonical form as text, and never coerces YAML 1.1 words', () => {
    const { value } = parseSourceText('a: 1e3\nb: 0x1F\nc: +1\nd: yes\ne: 2012-10-17\nf: 3600\ng: 1.5\nh: true\n', 'in.yaml');
    expect(value).toEqual({ a: '1e3', b: '0x1F', c: '+1', d: 'yes', e: '2012-10-17', f: 3600, g: 1.5, h: true });
  });

  it('locates every value by path, 1-based', () => {
    const source = parseSourceText('roles:\n  - name: a\n    trustedServices:\n      - service: x\n', 'in.yaml');
    expect(source.locate(['roles', 0, 'trustedServices', 0, 'service'])).toEqual({ file: 'in.yaml', line: 4, column: 18 });
    expect(source.locate(['roles', 0, 'missing', 'deeper'])).toEqual({ file: 'in.yaml', line: 2, column: 5 });
  });

  it('reads JSON with locations', () => {
    const source = parseSourceText('{\n  "Statement": [\n    { "Effect": "Alow" }\n  ]\n}\n', 'p.json');
    expect(source.locate(['Statement', 0, 'Effect'])).toEqual({ file: 'p.json', line: 3, column: 17 });
  });

  it.each([
    ['duplicate keys', '{"a": 1, "a": 2}', 'error: in.yaml:1:10: duplicate key (each key may appear once; merge the two entries)'],
    ['a syntax error', 'a: [1, 2\n', /^error: in\.yaml:\d+:\d+: syntax error: .+ \(fix the YAML\/JSON syntax at this position\)$/],
    ['an empty file', '  \n', 'error: in.yaml: the file is empty (write a definition or policy document)'],
    ['a binary file', 'a\u0000b', 'error: in.yaml: the file is binary, not text (give a YAML or JSON file)'],
    ['an alias', 'a: &x 1\nb: *x\n', 'error: in.yaml:2:4: YAML aliases are not supported (write the value out in full)'],
    ['a non-string key', '? [a]\n: 1\n', 'error: in.yaml:1:3: a mapping key must be a string (quote the key)'],
  ])('refuses %s with a located message', (_name, text, expected) => {
    const [first] = problemsOf(text);
    if (typeof expected === 'string') expect(first).toBe(expected);
    else expect(first).toMatch(expected);
  });
});

describe('parseSourceText and Unicode', () => {
  it('refuses an unpaired surrogate in a value or a key', () => {
    expect(problemsOf('{"a": "x\\ud800y"}')).toEqual(['error: in.yaml:1:7: the text holds an unpaired UTF-16 surrogate (an escape such as \\ud800 without its pair) (write the character itself, or both halves of its surrogate pair)']);
    expect(problemsOf('{"\\udc00": 1}')[0]).toMatch(/^error: in\.yaml:1:2: the text holds an unpaired UTF-16 surrogate/);
  });

  it('accepts a surrogate pair written as two escapes', () => {
    expect(parseSourceText('{"a": "\\ud83d\\udd10"}', 'in.json').value).toEqual({ a: '🔐' });
  });
});
