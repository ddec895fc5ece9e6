/**
 * The YAML fast path reads exactly what the located reader reads, or stands aside: checked case by case for
 * every reason it stands aside, and by property: `parseSourceText` (which takes the fast path where it can)
 * and the located reader alone give the same data or the same problems for generated YAML (block and flow
 * collections, plain, quoted and hostile scalars, comments, tags, anchors, odd indentation) and for random
 * edits of it. DEPUTY_FAST_PATH_RUNS sets the number of runs (e.g. 300000 for a long hunt).
 */
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseSourceText, parseWithLocations } from '../src/load/source-document.js';
import { parseYamlExactly } from '../src/load/yaml-fast-path.js';
import { HOSTILE_FRAGMENTS, hostileString } from '../src/testing/index.js';

function reading(read: () => { readonly value: unknown }): { value: unknown } | { error: string } {
  try {
    return { value: read().value };
  } catch (error) {
    if (error instanceof RangeError || (error as Error).message.includes('Maximum call stack size exceeded')) return { error: STACK_OVERFLOW };
    return { error: (error as Error).message };
  }
}

/**
 * The located reader recurses per level of nesting: text nested thousands deep can overflow the stack in one
 * call and not in the next (optimised frames are smaller), thrown or reported as a syntax error. Such a sample
 * proves nothing either way. The fast path never reads it: nesting that deep needs a line longer than it accepts.
 */
const STACK_OVERFLOW = 'stack overflow';

/** Fails unless the located reader reads `text` to exactly the fast path's data (key order and own `__proto__` included). */
function expectSameReading(text: string, fast: { readonly value: unknown }): void {
  const located = reading(() => parseWithLocations(text, 'input.yaml'));
  const same = 'value' in located && isDeepStrictEqual(located.value, fast.value) && JSON.stringify(located.value) === JSON.stringify(fast.value);
  if (!same) expect({ text, located }).toStrictEqual({ text, located: { value: fast.value } });
}

/**
 * The contract: `parseSourceText` (text checks, then a fast path, else the located reader) reads every text
 * exactly as the located reader alone does, data or problems. Returns true when the YAML fast path read it.
 */
function expectSameAsLocated(text: string): boolean {
  const located = reading(() => parseWithLocations(text, 'input.yaml'));
  const source = reading(() => parseSourceText(text, 'input.yaml'));
  if ([located, source].some((result) => 'error' in result && result.error === STACK_OVERFLOW)) return false;
  let same: boolean;
  try {
    same = 'value' in located && 'value' in source ? isDeepStrictEqual(located.value, source.value) && JSON.stringify(located.value) === JSON.stringify(source.value) : isDeepStrictEqual(located, source);
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
  if (!same) expect({ text, source }).toStrictEqual({ text, source: located });
  return 'value' in source && parseYamlExactly(text) !== undefined;
}

describe('parseYamlExactly stands aside', () => {
  it.each([
    ['a: 1\na: 2\n', 'a duplicate key'],
    ['a: &x 1\nb: *x\n', 'an anchor and alias'],
    ['a: &x 1\n', 'an anchor alone'],
    ['a: *x\n', 'an alias without an anchor'],
    ['a: !!str 1\n', 'a tag'],
    ['a: ! 1\n', 'the non-specific tag'],
    ['a: !<?> 1\n', 'a verbatim tag'],
    ['a: !Ref b\n', 'a local tag'],
    ['1: a\n', 'a number key'],
    ['012: a\n', 'a non-canonical number key'],
    ['null: a\n', 'a null key'],
    ['~: a\n', 'a tilde key'],
    ['true: a\n', 'a boolean key'],
    ['[a, b]: c\n', 'a sequence key'],
    ['{a: 1}: c\n', 'a mapping key'],
    ['- [[x]: y]\n', 'a sequence key inside a flow pair'],
    ['- [{a: 1}: y]\n', 'a mapping key inside a flow pair'],
    ['- [1: y]\n', 'a number key inside a flow pair'],
    ['? a\n: b\n', 'an explicit key'],
    ['{: b}\n', 'an empty key in a flow mapping'],
    ['[a, : b]\n', 'an empty key in a flow sequence'],
    ['[, a]\n', 'an empty entry in a flow sequence'],
    ['- -\n- a\n', 'an empty block sequence entry'],
    ['a: [] b: c\n', 'a second entry after a flow value on the same line'],
    ['a: "x" b: c\n', 'a second entry after a quoted value on the same line'],
    ['a: "b"#c\n', 'a comment without a space before it'],
    ['a: [b]#c\n', 'a comment straight after a flow collection'],
    ['a:\tb\n', 'a tab'],
    ['a: b\r\nc: d\r\n', 'carriage returns'],
    ['---\na: b\n', 'a document marker'],
    ['a: b\n...\n', 'a document end marker'],
    ['%YAML 1.1\n---\na: yes\n', 'a directive'],
    ['a: b\n  c\n', 'a plain scalar over two lines'],
    ['a: "b\n  c"\n', 'a quoted scalar over two lines'],
    ['a: |\n  b\n', 'a block scalar'],
    ['a: [b,\n  c]\n', 'a flow collection over two lines'],
    ['a:\n  [b]\n', 'a flow collection that starts on the next line'],
    [`${'k'.repeat(1030)}: 1\n`, 'a key longer than YAML allows'],
    [`a: ${'v'.repeat(1001)}\n`, 'a line longer than 1,000 characters'],
    ['a: "\\ud800"\n', 'a lone surrogate in a value'],
    ['"\\udc00": 1\n', 'a lone surrogate in a key'],
    ['"[object Object]": 1\n', 'the key js-yaml gives a mapping key'],
    ['a: "\\UFFFFFFFF"\n', 'a \\U escape beyond U+10FFFF'],
    ['a: "\\U0000D800"\n', 'a \\U escape of a lone surrogate'],
    ['# nothing\n', 'an empty document'],
    ['a: b\n---\nc: d\n', 'two documents'],
    ['a: [b, c\n', 'a syntax error'],
  ])('for %j: %s', (text) => {
    expect(parseYamlExactly(text)).toBeUndefined();
  });
});

describe('parseYamlExactly reads as the located reader reads', () => {
  it.each([
    ['version: 1\nroles:\n  - name: r\n    trustedServices:\n      - service: personalize\n'],
    ['a: 012345678901\nb: 1e3\nc: 0x1F\nd: +1\ne: yes\nf: 2012-10-17\ng: 3600\nh: 1.5\ni: true\nj: -0\nk: .inf\nl: 0o17\nm: 1_000\nn: 1e+21\n'],
    ['a: ~\nb: null\nc:\nd: NULL\ne: Null\nf: nULL\n'],
    ['document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::t-0", "arn:aws:s3:::t-0/*"] }] }\n'],
    ['__proto__: {x: 1}\nconstructor: 2\n"0": first\n<<: {a: 1}\n'],
    ["a: 'it''s'\nb: \"\\x41\\u00e9\\U0001F510\\/\\ \\N\"\nc: a#b\nd: b # comment\n# comment\ne: 'x' # c\n"],
    ['- a\n- - b\n  - c\n- d: 1\n  e: [f, {g: h}, []]\n- {}\n'],
    ['a:\n- b\n- c\n'],
    ['{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'],
    ['- ~\n- 1\n- true\n- x\n'],
    ['[a, b,]\n'],
    ['a: b'],
  ])('%j', (text) => {
    const fast = parseYamlExactly(text);
    expect(fast).toBeDefined();
    expectSameReading(text, fast!);
  });
});

/** One generated YAML node, printed by {@link printBlock} or {@link printFlow}. */
type YamlNode = { scalar: string } | { sequence: YamlNode[]; flow: boolean } | { mapping: Array<[string, YamlNode]>; flow: boolean };

const PLAIN = [
  'a', 'Allow', 's3:GetObject', 'arn:aws:s3:::b/*', 'arn:aws:iam::123456789012:root', '012345678901', '123456789012', '1e3', '0x1f', '+1', '-0', '1.5', '1.50', '1',
  '0', '-12', '.5', '5.', '1e+21', '9007199254740993', 'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'null', 'Null', '~', '.inf', '-.Inf', '.nan', '0o17', '0o8',
  '1_000', '2012-10-17', '12:30:45', 'a b', 'a  b', 'a #b', 'a#b', 'a:b', 'a: b', 'a:', '- a', '-a', '-', ':a', '?a', '? a', '@a', '`a', '%a', '!a', '&a', '*a', '|',
  '>', '|-', 'a]', 'a}', 'a,b', 'a, b', '[a]', '{a: 1}', '{a}', "'", "'a'", '"', '"a"', '\\', '<<', '__proto__', '[object Object]', 'constructor', 'é', '🔐', '日本',
  '${aws:username}', '{{account}}', 'a\u2028b', 'a\u0085b', 'a\u00a0b', ' a', 'a ', '', '#', 'a\tb', '---', '...', '... a', '--- a',
];

/** Scalars as they might be written: plain, single-quoted, double-quoted (JSON escapes and YAML's own), hostile. */
const scalarText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 2, arbitrary: fc.constantFrom(...PLAIN, ...HOSTILE_FRAGMENTS).map((text) => JSON.stringify(text)) },
  { weight: 1, arbitrary: fc.constantFrom(...PLAIN, ...HOSTILE_FRAGMENTS).map((text) => `'${text.replaceAll("'", "''")}'`) },
  { weight: 1, arbitrary: fc.constantFrom('"\\x41"', '"\\U0001F510"', '"\\ud800"', '"\\ud83d\\udd10"', '"\\/"', '"\\ "', '"\\N\\_\\L\\P"', '"\\q"', '"\\e\\a\\v\\0"', '"\\U00110000"', '"\\UFFFFFFFF"', '"\\UFFFFDC00"', '"\\U0000D800"', '"\\U0010FFFF"', '"\\U0001f510"', "'a\"b'", '"a\'b"', "''", '""') },
  { weight: 1, arbitrary: hostileString().map((text) => JSON.stringify(text)) },
  { weight: 1, arbitrary: hostileString() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

const yamlNode: fc.Arbitrary<YamlNode> = fc.letrec<{ node: YamlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText.map((scalar): YamlNode => ({ scalar })),
    fc.tuple(fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(([sequence, flow]): YamlNode => ({ sequence, flow })),
    fc.tuple(fc.array(fc.tuple(scalarText, tie('node')), { maxLength: 4 }), fc.boolean()).map(([mapping, flow]): YamlNode => ({ mapping, flow })),
  ),
})).node;

/** How a generated document is laid out: indentation step, spaces after `:`, comments, trailing newline. */
interface Layout {
  readonly indent: number;
  readonly afterColon: string;
  readonly comment: string;
  readonly finalNewline: boolean;
}

const layout: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(2, 2, 4, 1),
  afterColon: fc.constantFrom(' ', ' ', '  ', ''),
  comment: fc.constantFrom('', '', '', ' # c', '#c', ' #'),
  finalNewline: fc.boolean(),
});

function printFlow(node: YamlNode): string {
  if ('scalar' in node) return node.scalar;
  if ('sequence' in node) return `[${node.sequence.map(printFlow).join(', ')}]`;
  return `{ ${node.mapping.map(([key, value]) => `${key}: ${printFlow(value)}`).join(', ')} }`;
}

function printBlock(node: YamlNode, depth: number, style: Layout): string[] {
  const pad = ' '.repeat(depth * style.indent);
  if ('scalar' in node || node.flow) return [`${pad}${printFlow(node)}${style.comment}`];
  if ('sequence' in node) {
    if (node.sequence.length === 0) return [`${pad}[]`];
    return node.sequence.flatMap((item) => {
      const lines = printBlock(item, depth + 1, style);
      return [`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1)];
    });
  }
  if (node.mapping.length === 0) return [`${pad}{}`];
  return node.mapping.flatMap(([key, value]) => {
    if ('scalar' in value || value.flow) return [`${pad}${key}:${style.afterColon}${printFlow(value)}${style.comment}`];
    return [`${pad}${key}:${style.comment}`, ...printBlock(value, depth + 1, style)];
  });
}

function printDocument(node: YamlNode, style: Layout): string {
  return printBlock(node, 0, style).join('\n') + (style.finalNewline ? '\n' : '');
}

/** Edits that break or bend YAML in the places where readers disagree. */
const EDIT_TEXT = [' ', '\n', ':', ': ', '- ', '#', ' #', '[', ']', '{', '}', ',', "'", '"', '?', '? ', '!', '&a ', '*a', '|', '>', '%', '@', '\t', '\r\n', '\\', '---\n', '  ', '\n  ', '~'];
const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(...EDIT_TEXT), fc.integer({ min: 1, max: 3 }));

function applyEdits(text: string, edits: ReadonlyArray<readonly [number, string, string, number]>): string {
  return edits.reduce((current, [at, kind, piece, length]) => {
    const position = current.length === 0 ? 0 : at % (current.length + 1);
    if (kind === 'insert') return current.slice(0, position) + piece + current.slice(position);
    if (kind === 'delete') return current.slice(0, position) + current.slice(position + length);
    return current.slice(0, position) + piece + current.slice(position + length);
  }, text);
}

const GENERATED_RUNS = Number(process.env.DEPUTY_FAST_PATH_RUNS ?? 3000);
const EDITED_RUNS = Number(process.env.DEPUTY_FAST_PATH_RUNS ?? 5000);

describe('parseYamlExactly, by property', () => {
  it('parseSourceText reads generated YAML exactly as the located reader does, mostly through the fast path', () => {
    let read = 0;
    fc.assert(
      fc.property(yamlNode, layout, (node, style) => {
        if (expectSameAsLocated(printDocument(node, style))) read += 1;
      }),
      { numRuns: GENERATED_RUNS },
    );
    expect(read / GENERATED_RUNS, 'a good share of generated samples takes the fast path (~37 %)').toBeGreaterThan(0.2);
  }, 60_000 + GENERATED_RUNS);

  it('parseSourceText reads edited YAML texts exactly as the located reader does', () => {
    let read = 0;
    fc.assert(
      fc.property(yamlNode, layout, fc.array(edit, { minLength: 1, maxLength: 3 }), (node, style, edits) => {
        if (expectSameAsLocated(applyEdits(printDocument(node, style), edits))) read += 1;
      }),
      { numRuns: EDITED_RUNS },
    );
    expect(read / EDITED_RUNS, 'some edited samples still take the fast path (~10 %)').toBeGreaterThan(0.05);
  }, 60_000 + EDITED_RUNS);

  it('parseSourceText gives the same data and locations through the fast path', () => {
    const text = 'roles:\n  - name: a\n    trustedServices:\n      - service: x\n';
    const fast = parseSourceText(text, 'in.yaml');
    const slow = parseWithLocations(text, 'in.yaml');
    expect(fast.value).toStrictEqual(slow.value);
    expect(fast.locate(['roles', 0, 'trustedServices', 0, 'service'])).toEqual({ file: 'in.yaml', line: 4, column: 18 });
    expect(fast.locate(['roles', 0, 'name'], true)).toEqual(slow.locate(['roles', 0, 'name'], true));
  });
});
