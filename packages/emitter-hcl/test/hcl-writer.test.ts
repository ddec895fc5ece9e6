/** The HCL writer: layout rules, each checked against terraform fmt in one batch at the end. */
import { describe, expect, it } from 'vitest';
import {
  attribute,
  block,
  boolLiteral,
  call,
  numberLiteral,
  object,
  template,
  text,
  traversal,
  tuple,
  type HclBlock,
} from '../src/hcl-syntax.js';
import { commentLines, objectKey, writeBlock } from '../src/hcl-writer.js';
import { parseHcl, requireTerraform, terraformEvaluate, terraformFmtCheck } from './support/index.js';

const written = new Map<string, string>();

function write(name: string, hclBlock: HclBlock): string {
  const output = `${writeBlock(hclBlock, 0)}\n`;
  written.set(name, output);
  return output;
}

describe('writeBlock', () => {
  it('aligns = across a run of single-line attributes and restarts after a multi-line value', () => {
    const output = write(
      'alignment',
      block('resource', ['aws_iam_role', 'r'], [
        attribute('name', text('r')),
        attribute('max_session_duration', numberLiteral(3600)),
        attribute('assume_role_policy', call('jsonencode', [object([{ key: 'Version', value: text('2012-10-17') }])])),
        attribute('path', text('/')),
        attribute('description', text('d')),
      ]),
    );
    expect(output).toBe(
      [
        'resource "aws_iam_role" "r" {',
        '  name                 = "r"',
        '  max_session_duration = 3600',
        '  assume_role_policy = jsonencode({',
        '    Version = "2012-10-17"',
        '  })',
        '  path        = "/"',
        '  description = "d"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('measures quoted and non-ASCII keys in grapheme clusters, as hclwrite does', () => {
    const output = write(
      'graphemes',
      block('locals', [], [
        attribute(
          'tags',
          object([
            { key: 'ключ', value: text('v') },
            { key: 'a', value: text('b') },
            { key: '👩🏽‍💻', value: text('c') },
            { key: 'é', value: text('d') },
          ]),
        ),
      ]),
    );
    // The zero-width joiner is written as \u200D, which counts six columns.
    expect(output.split('\n').slice(2, 6)).toEqual(['    "ключ"     = "v"', '    a          = "b"', '    "👩🏽\\u200D💻" = "c"', '    "é"        = "d"']);
  });

  it('escapes combining marks in keys, so widths agree with the Unicode 15.0 tables terraform fmt uses', () => {
    const keys = ['\u{3ff62}\u{11b63}\u{c96ae}', 'क्षेत्र', 'e\u0301x', '🇫🇷🇩🇪', '\u1100\u1161\u11a8', '\u0d00\u0d4e\u0d15', 'a'];
    const output = write('unicode-keys', block('locals', [], [attribute('x', object(keys.map((key, index) => ({ key, value: numberLiteral(index) }))))]));
    expect(output).toContain('"क\\u094Dष\\u0947त\\u094Dर" = 1');
    expect(output).toContain('"\u{3ff62}\\U00011B63\u{c96ae}"');
    expect(output).toContain('"e\\u0301x"');
  });

  it('puts short lists of single-line items on one line, long ones one item per line, and a single item always inline', () => {
    const many = Array.from({ length: 6 }, (_, index) => text(`arn:aws:s3:::bucket-number-${index}`));
    const output = write(
      'tuples',
      block('locals', [], [
        attribute('short', tuple([text('a'), text('b')])),
        attribute('long', tuple(many)),
        attribute('single', tuple([text('x'.repeat(120))])),
        attribute('empty', tuple([])),
        attribute('objects', tuple([object([{ key: 'a', value: numberLiteral(1) }])])),
      ]),
    );
    expect(output).toContain('  short = ["a", "b"]\n  long = [\n    "arn:aws:s3:::bucket-number-0",\n');
    expect(output).toContain(`    "arn:aws:s3:::bucket-number-5",\n  ]\n  single = ["${'x'.repeat(120)}"]\n  empty  = []\n`);
    expect(output).toContain('  objects = [\n    {\n      a = 1\n    },\n  ]\n');
  });

  it('writes references bare, templates with interpolations, and a $ run before an interpolation as ${("$")}', () => {
    const output = write(
      'templates',
      block('locals', [], [
        attribute('bare', traversal('data.aws_partition.current.partition')),
        attribute('arn', template(['arn:', traversal('data.aws_partition.current.partition'), ':s3:::${aws:username}'])),
        attribute('dollar', template(['price$$', traversal('var.amount'), '$'])),
        attribute('merged', template(['a', 'b', '', traversal('var.x')])),
      ]),
    );
    expect(output).toContain('  bare   = data.aws_partition.current.partition\n');
    expect(output).toContain('  arn    = "arn:${data.aws_partition.current.partition}:s3:::$${aws:username}"\n');
    expect(output).toContain('  dollar = "price${("$$")}${var.amount}$"\n');
    expect(output).toContain('  merged = "ab${var.x}"\n');
  });

  it('terraform reads a $ run before an interpolation as literal dollars', () => {
    if (!requireTerraform('evaluating a dollar before an interpolation with terraform console')) return;
    const configuration = `${writeBlock(block('locals', [], [attribute('amount', text('42')), attribute('price', template(['US$$', traversal('local.amount'), '$${x}$']))]), 0)}\n`;
    expect(terraformEvaluate(configuration, 'local.price')).toBe('US$$42$${x}$');
  });

  it('writes numbers, booleans, empty objects and nested blocks with a blank line before each block', () => {
    const output = write(
      'blocks',
      block('data', ['aws_iam_policy_document', 'd'], [
        attribute('version', text('2012-10-17')),
        block('statement', [], [attribute('effect', text('Allow')), block('condition', [], [attribute('values', tuple([numberLiteral(-1.5e21), boolLiteral(false)]))])]),
        block('statement', [], []),
        attribute('nothing', object([])),
      ]),
    );
    expect(output).toBe(
      [
        'data "aws_iam_policy_document" "d" {',
        '  version = "2012-10-17"',
        '',
        '  statement {',
        '    effect = "Allow"',
        '',
        '    condition {',
        '      values = [-1.5e+21, false]',
        '    }',
        '  }',
        '',
        '  statement {}',
        '  nothing = {}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('prints comments above attributes and blocks, one line each, wrapped at word boundaries', () => {
    const output = write(
      'comments',
      block('locals', [], [attribute('a', text('x'), ['first line\nsecond\tline', `${'word '.repeat(30)}end`]), attribute('b', text('y'))], ['on the block']),
    );
    expect(output.split('\n').slice(0, 6)).toEqual([
      '# on the block',
      'locals {',
      '  # first line',
      '  # second\\tline',
      `  # ${'word '.repeat(18)}word`,
      `  # ${'word '.repeat(11)}end`,
    ]);
  });
});

describe('objectKey', () => {
  it('keeps identifiers bare and quotes everything HCL could read otherwise', () => {
    expect(['Version', 'aws-x', '_x', 'Null'].map(objectKey)).toEqual(['Version', 'aws-x', '_x', 'Null']);
    expect(['aws:SourceAccount', 'for', 'null', 'true', 'in', '1a', '', 'a b', '${x}'].map(objectKey)).toEqual([
      '"aws:SourceAccount"',
      '"for"',
      '"null"',
      '"true"',
      '"in"',
      '"1a"',
      '""',
      '"a b"',
      '"$${x}"',
    ]);
  });

  it('every key form parses back to its text with hcl2json', async () => {
    const keys = ['Version', 'for', 'null', 'true', 'aws:x', '${aws:username}', 'é\n', ''];
    const parsed = await parseHcl(`x = {\n${keys.map((key, index) => `  ${objectKey(key)} = ${index}\n`).join('')}}\n`);
    expect(Object.keys(parsed['x'] as object).sort()).toEqual(['Version', 'for', 'null', 'true', 'aws:x', '$${aws:username}', 'é\n', ''].sort());
  });
});

describe('commentLines', () => {
  it('keeps a long word whole and indents the continuation of a list item', () => {
    expect(commentLines(`- item ${'x'.repeat(120)} tail`)).toEqual(['# - item', `#   ${'x'.repeat(120)}`, '#   tail']);
    expect(commentLines('')).toEqual(['#']);
  });
});

describe('terraform fmt', () => {
  it('leaves every output of these tests unchanged', () => {
    if (!requireTerraform('terraform fmt -check on writer outputs')) return;
    expect(written.size).toBeGreaterThan(0);
    const result = terraformFmtCheck(written);
    expect(result.unformatted, result.diff).toEqual([]);
  });
});
