/** The readers under the rules: positions survive escapes, heredocs, YAML block scalars and `.tf.json` strings. */
import { describe, expect, test } from 'vitest';
import { fileText } from '../src/located/embedded-text.js';
import { LocatedSyntaxError, parseLocatedJson } from '../src/located/located-json.js';
import { lineIndexOf } from '../src/located/position.js';
import { lintText } from '../src/index.js';
import { parseDirective } from '../src/suppress/suppression.js';
import { discoverFiles } from '../src/files/discover-files.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STRIPPED_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'forecast.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

describe('located JSON', () => {
  test('positions of keys and values, including after escapes and non-ASCII text', () => {
    const text = '{\n  "a\\u00e9": "x\\"y",\n  "é😀": [1, true, null]\n}';
    const value = parseLocatedJson(fileText(text, lineIndexOf(text)));
    if (value.kind !== 'object') throw new Error('expected an object');
    expect(value.entries.map((entry) => [entry.key, entry.keyAt])).toEqual([
      ['aé', { line: 2, column: 3 }],
      ['é😀', { line: 3, column: 3 }],
    ]);
    expect(value.entries[0]!.value).toMatchObject({ kind: 'text', parts: ['x"y'], at: { line: 2, column: 14 }, raw: '"x\\"y"' });
    expect(value.entries[1]!.value).toMatchObject({ kind: 'array', at: { line: 3, column: 10 } });
  });

  test('syntax errors carry the position', () => {
    const text = '{\n  "a": 1,\n}';
    expect(() => parseLocatedJson(fileText(text, lineIndexOf(text)))).toThrow(LocatedSyntaxError);
    try {
      parseLocatedJson(fileText(text, lineIndexOf(text)));
    } catch (error) {
      expect((error as LocatedSyntaxError).at).toEqual({ line: 3, column: 1 });
    }
  });
});

describe('policies embedded in other syntaxes report positions in the file', () => {
  test('an escaped JSON string in HCL', async () => {
    const hcl = `resource "aws_iam_role" "r" {\n  assume_role_policy = ${JSON.stringify(JSON.stringify(STRIPPED_POLICY))}\n}\n`;
    const [finding] = (await lintText(hcl, 'main.tf', 'terraform')).findings;
    const line = hcl.split('\n')[finding!.line - 1]!;
    expect(line.slice(finding!.column - 1)).toMatch(/^\\"forecast\.amazonaws\.com\\"/);
  });

  test('a heredoc with interpolations and an escaped $${', async () => {
    const policy = JSON.stringify(STRIPPED_POLICY, null, 2).replace('"sts:AssumeRole"', () => '"sts:AssumeRole", "Resource": "arn:aws:s3:::${var.bucket}/$${aws:username}"');
    const hcl = `resource "aws_iam_role" "r" {\n  assume_role_policy = <<-EOT\n${policy.replace(/^/gm, '    ')}\n  EOT\n}\n`;
    const result = await lintText(hcl, 'main.tf', 'terraform');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['DPT001']);
    const finding = result.findings[0]!;
    expect(hcl.split('\n')[finding.line - 1]!.slice(finding.column - 1)).toMatch(/^"forecast\.amazonaws\.com"/);
  });

  test('a CloudFormation Fn::Sub block literal', async () => {
    const yaml = [
      'Resources:',
      '  Policy:',
      '    Type: AWS::Logs::ResourcePolicy',
      '    Properties:',
      '      PolicyName: p',
      '      PolicyDocument: !Sub |',
      ...JSON.stringify({ ...STRIPPED_POLICY, Statement: [{ ...STRIPPED_POLICY.Statement[0], Resource: 'arn:${AWS::Partition}:logs:*:*:*' }] }, null, 2)
        .split('\n')
        .map((line) => `        ${line}`),
    ].join('\n');
    const [finding] = (await lintText(`${yaml}\n`, 'template.yaml', 'yaml')).findings;
    expect(finding!.ruleId).toBe('DPT001');
    expect(yaml.split('\n')[finding!.line - 1]!.slice(finding!.column - 1)).toMatch(/^"forecast\.amazonaws\.com"/);
  });

  test('a .tf.json JSON string with an interpolation', async () => {
    const policy = JSON.stringify({ ...STRIPPED_POLICY, Statement: [{ ...STRIPPED_POLICY.Statement[0], Condition: { StringEquals: { 'aws:SourceAccount': '${var.account}' } } }] });
    const json = JSON.stringify({ resource: { aws_iam_role: { r: { assume_role_policy: policy } } } }, null, 2);
    const result = await lintText(json, 'main.tf.json', 'tf-json');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['DPT002']);
  });
});

describe('suppression directives', () => {
  test.each([
    ['DPT001 the reason', { rules: ['DPT001'], reason: 'the reason' }],
    ['DPT001,dpt003 — because', { rules: ['DPT001', 'DPT003'], reason: 'because' }],
    ['DPT001: reason */', { rules: ['DPT001'], reason: 'reason' }],
    ['DPT001', { rules: ['DPT001'], reason: '', problem: expect.stringContaining('no reason') }],
    ['DPT999 reason', { rules: ['DPT999'], reason: 'reason', problem: 'names unknown rule DPT999' }],
    ['just words', { rules: [], reason: 'just words', problem: expect.stringContaining('names no rule') }],
  ])('%s', (text, expected) => {
    expect(parseDirective(` ${text}`)).toEqual(expected);
  });
});

describe('walking directories', () => {
  test('skips node_modules, .terraform and .git, and sidecars; sorts', () => {
    const root = mkdtempSync(join(tmpdir(), 'deputy-walk-'));
    for (const directory of ['node_modules/x', '.terraform/modules', '.git/objects', 'stacks/b', 'stacks/a']) mkdirSync(join(root, directory), { recursive: true });
    for (const file of ['node_modules/x/p.json', '.terraform/modules/m.tf', '.git/objects/o.json', 'stacks/b/main.tf', 'stacks/a/t.yaml', 'stacks/a/p.json', 'stacks/a/p.json.deputyignore', 'stacks/a/notes.txt', 'stacks/a/x.tf.json']) {
      writeFileSync(join(root, file), '{}');
    }
    expect(discoverFiles(['.'], root).map((target) => [target.display, target.kind])).toEqual([
      ['stacks/a/p.json', 'json'],
      ['stacks/a/t.yaml', 'yaml'],
      ['stacks/a/x.tf.json', 'tf-json'],
      ['stacks/b/main.tf', 'terraform'],
    ]);
  });
});
