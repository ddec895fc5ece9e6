/**
 * The generated corpus, in every syntax: correct AWS-style policies lint clean; each weakened variant is
 * flagged by exactly the expected rule, on a line showing the weakness. The corpus itself is checked with
 * real parsers (yaml, JSON, hcl2json) and, when installed, terraform fmt and cfn-lint.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, test } from 'vitest';
import { lint, type Finding, type LintResult } from '../src/index.js';
import { BASE_CASES } from './support/corpus-cases.js';
import { corpusFiles, expectationManifest, type CorpusFile } from './support/corpus-files.js';
import { label, LOGICAL_ID } from './support/corpus-writers.js';
import { cfnLint, requireTool, terraformUnformatted } from './support/external-tools.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = join(PACKAGE_DIR, 'test', 'corpus', 'generated');
const MANIFEST = 'expected.json';
const FILES = corpusFiles();

describe('the committed corpus matches its generator', () => {
  if (process.env['DEPUTY_UPDATE_GOLDENS'] === '1') {
    rmSync(GENERATED, { recursive: true, force: true });
    for (const file of FILES) {
      mkdirSync(dirname(join(GENERATED, file.path)), { recursive: true });
      writeFileSync(join(GENERATED, file.path), file.contents);
    }
    writeFileSync(join(GENERATED, MANIFEST), expectationManifest(FILES));
  }

  test('every generated file is committed, unchanged', () => {
    const stale = FILES.filter((file) => !existsSync(join(GENERATED, file.path)) || readFileSync(join(GENERATED, file.path), 'utf8') !== file.contents).map((file) => file.path);
    expect(stale, 'run DEPUTY_UPDATE_GOLDENS=1 npx vitest run test/corpus.test.ts').toEqual([]);
  });

  test('no committed file is left over, and the manifest is current', () => {
    const onDisk = listFiles(GENERATED).filter((path) => path !== MANIFEST);
    expect(onDisk.sort()).toEqual(FILES.map((file) => file.path).sort());
    expect(readFileSync(join(GENERATED, MANIFEST), 'utf8')).toBe(expectationManifest(FILES));
  });

  test('the corpus covers every syntax with clean and weakened policies', () => {
    const syntaxes = new Set(FILES.map((file) => file.path.split('/')[0]));
    expect([...syntaxes].sort()).toEqual(['cfn-json', 'cfn-yaml', 'json', 'lambda-permission', 'tf-heredoc', 'tf-json-policy-document', 'tf-json-string', 'tf-jsonencode', 'tf-policy-document']);
    const rules = new Set(FILES.flatMap((file) => file.expected.map((expected) => expected.rule)));
    expect([...rules].sort()).toEqual(['DPT001', 'DPT002', 'DPT003', 'DPT004', 'DPT005', 'DPT006', 'DPT007', 'DPT008', 'DPT009']);
  });
});

describe('lint over the corpus', () => {
  let result: LintResult;
  const findingsOf = (file: CorpusFile): Finding[] => result.findings.filter((finding) => finding.file === `test/corpus/generated/${file.path}`);

  beforeAll(async () => {
    result = await lint(['test/corpus/generated'], { cwd: PACKAGE_DIR });
  });

  test('reads every corpus file', () => {
    expect(result.files.filter((file) => !file.endsWith(MANIFEST)).length).toBe(FILES.length);
  });

  for (const file of FILES) {
    test(`${file.path}: ${file.expected.length === 0 ? 'clean' : file.expected.map((expected) => expected.rule).join(', ')}`, () => {
      const findings = findingsOf(file);
      expect(findings.map((finding) => `${finding.ruleId} ${finding.severity}`).sort()).toEqual(file.expected.map((expected) => `${expected.rule} ${expected.severity}`).sort());
      const lines = file.contents.split('\n');
      for (const finding of findings) {
        const expected = file.expected.find((candidate) => candidate.rule === finding.ruleId)!;
        expect(lines[finding.line - 1], `${finding.ruleId} at line ${finding.line}`).toMatch(expected.line);
        expect(finding.fix?.description).toBeTruthy();
      }
    });
  }

  test('principals without documented keys are exempt, with the reason', () => {
    const exempt = new Map(result.exemptions.map((exemption) => [exemption.principal, exemption.reason]));
    expect(exempt.get('lambda.amazonaws.com')).toMatch(/AWS documents no confused-deputy condition key for lambda\.amazonaws\.com/);
    expect(exempt.get('ec2.amazonaws.com')).toMatch(/AWS documents no confused-deputy condition key/);
  });
});

describe('the corpus is what it claims, read back with real parsers', () => {
  const policyFiles = FILES.filter((file) => file.policy !== undefined);
  const attachmentOf = (file: CorpusFile) => BASE_CASES.find((base) => file.path.split('/')[1]!.startsWith(base.name))!.attachment;

  test('JSON and CloudFormation files hold the policy', () => {
    for (const file of policyFiles) {
      const syntax = file.path.split('/')[0];
      if (syntax === 'json') expect(JSON.parse(file.contents)).toEqual(file.policy);
      if (syntax === 'cfn-json' || syntax === 'cfn-yaml') {
        const template = (syntax === 'cfn-json' ? JSON.parse(file.contents) : parseYaml(file.contents)) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
        expect(template.Resources[LOGICAL_ID]!.Properties[attachmentOf(file).cfnProperty], file.path).toEqual(file.policy);
      }
      if (syntax === 'tf-json-string') {
        const attachment = attachmentOf(file);
        const stem = file.path.split('/')[1]!.replace(/\.tf\.json$/, '');
        const resource = (JSON.parse(file.contents) as { resource: Record<string, Record<string, Record<string, string>>> }).resource[attachment.tfType]![label(stem)]!;
        expect(JSON.parse(resource[attachment.tfAttribute]!)).toEqual(file.policy);
      }
    }
  });

  test('every Terraform file parses with hcl2json, and heredocs hold the policy', async () => {
    for (const file of FILES.filter((candidate) => candidate.path.endsWith('.tf'))) {
      const parsed = (await parseHcl(file.path, file.contents)) as { resource?: Record<string, Record<string, Record<string, unknown>[]>> };
      expect(parsed.resource, file.path).toBeDefined();
      if (file.path.startsWith('tf-heredoc/')) {
        const attachment = attachmentOf(file);
        const [instance] = Object.values(parsed.resource![attachment.tfType]!);
        expect(JSON.parse(String(instance![0]![attachment.tfAttribute]))).toEqual(file.policy);
      }
    }
  });

  test('terraform fmt leaves the Terraform files unchanged', () => {
    if (!requireTool('terraform', ['version'], 'terraform fmt over the lint corpus')) return;
    expect(terraformUnformatted(GENERATED)).toEqual([]);
  });

  test('cfn-lint accepts the templates, and agrees where the weakening is one it checks', () => {
    if (!requireTool('cfn-lint', ['--version'], 'cfn-lint over the lint corpus')) return;
    const templates = listFiles(GENERATED).filter((path) => path.startsWith('cfn-') || /^lambda-permission\/.*\.(yaml|template\.json)$/.test(path));
    const { output } = cfnLint(templates.map((path) => join(GENERATED, path)));
    const reported = new Map<string, string[]>();
    for (const line of output.split('\n')) {
      const match = /^(.*?):\d+:\d+:\d+:\d+:([EW]\d{4}):/.exec(line);
      if (match) reported.set(relative(GENERATED, match[1]!), [...(reported.get(relative(GENERATED, match[1]!)) ?? []), match[2]!]);
    }
    for (const path of templates) {
      const codes = (reported.get(path) ?? []).filter((code) => code.startsWith('E'));
      if (path.includes('--operator-invalid')) expect(codes.length, `cfn-lint also rejects the invalid operator in ${path}`).toBeGreaterThan(0);
      else expect(codes, `${path}\n${output}`).toEqual([]);
    }
  });
});

function listFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split('\\').join('/'));
}
