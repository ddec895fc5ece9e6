/**
 * A scan never stops at one file: an unreadable file is reported (stderr, text, JSON, SARIF notification)
 * and the other files are still linted; files that are not infrastructure code are skipped without noise;
 * every encoding is read or reported; symbolic links are followed once.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runLintCommand } from './support/run-lint-command.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOLE_YAML = readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/cfn-yaml/personalize-trust--conditions-stripped.yaml'), 'utf8');
const HOLE_TF = readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/tf-jsonencode/personalize-trust--conditions-stripped.tf'), 'utf8');
const CLEAN_TF = readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/tf-jsonencode/personalize-trust.tf'), 'utf8');

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'deputy-never-stops-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

const MIXED = {
  'stack/hole.yaml': HOLE_YAML,
  'stack/broken.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nDescription: 'a stack' (uksb-123)\nResources:\n  Statement: {}\n",
  'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x # Statement\n---\napiVersion: v1\nkind: Service\n',
  'k8s/single.yaml': 'apiVersion: iam.services.k8s.aws/v1alpha1\nkind: Role\nspec:\n  description: "Statement: {{ .Values.x }"\n',
  'jinja/stack.yaml': 'Resources:\n  {% for q in queues %}\n  Policy{{ q }}:\n    Statement: {{ statement | tojson }}\n  {% endfor %}\n',
  'defs/definition.yaml': 'roles:\n  - name: reader\n    policies:\n      - Statement:\n          - Effect: Allow\n            Action: s3:GetObject\n            Resource: "arn:{{partition}}:s3:::data-{{account}}/*"\n',
  'chart/templates/role.yaml': 'kind: Role\nmetadata:\n  name: {{ .Release.Name }}\n  Statement: {{ toYaml .Values.statement | indent 2 }}\n',
  'api/openapi.yaml': 'openapi: 3.0.1\ninfo:\n  title: Statement API\npaths: {}\n  bad: indentation\n',
  '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    steps:\n      - run: echo "Statement: ${{ secrets.X }}"\n',
  'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    command: "Statement\n',
  'tf/main.tf': HOLE_TF,
};

describe('a broken file among good ones', () => {
  test('is reported on stderr and in the summary; the others are linted; exit 1', async () => {
    const root = tree(MIXED);
    const run = await runLintCommand(['.'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("error: stack/broken.yaml:2:24: YAML syntax error: Unexpected scalar at node end (fix the YAML at this position)\n");
    expect(run.stdout).toContain('stack/hole.yaml:13:24: error DPT001');
    expect(run.stdout).toContain('tf/main.tf:9:21: error DPT001');
    expect(run.stdout).toContain('stack/broken.yaml:2:24: unreadable YAML syntax error: Unexpected scalar at node end (fix the YAML at this position)');
    expect(run.stdout).toMatch(/^deputy lint: \d+ errors?, \d+ warnings? in 3 files \(3 policies checked\); 7 skipped \(--verbose lists them\); 1 file could not be read$/m);
    expect(run.stdout + run.stderr).not.toMatch(/please use|parseAllDocuments/i);
  });

  test('--verbose says why each file was skipped', async () => {
    const run = await runLintCommand(['.', '--verbose'], tree(MIXED));
    for (const line of [
      '.github/workflows/ci.yml: skipped (CI or tool configuration)',
      'api/openapi.yaml: skipped (OpenAPI definition)',
      'chart/templates/role.yaml: skipped (Helm chart)',
      'docker-compose.yml: skipped (Compose file)',
      'k8s/deployment.yaml: skipped (Kubernetes manifest)',
      'k8s/single.yaml: skipped (Kubernetes manifest)',
      'jinja/stack.yaml: skipped (template with {{ }} placeholders (Helm, Jinja, Go templates))',
    ]) {
      expect(run.stdout).toContain(line);
    }
  });

  test('unreadable files alone still exit 1, with their own summary', async () => {
    const run = await runLintCommand(['.'], tree({ 'ok.tf': CLEAN_TF, 'bad.json': '{"Statement": [}' }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^deputy lint: no findings in 1 file \(1 policy checked\); 1 file could not be read$/m);
  });

  test('nothing readable at all exits 2 with the errors only', async () => {
    const run = await runLintCommand(['.'], tree({ 'bad.json': '{"Statement": [}' }));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: bad\.json:1:16: JSON syntax error/);
  });

  test('JSON lists unreadable and skipped files; SARIF reports unreadable files as tool notifications', async () => {
    const root = tree(MIXED);
    const json = JSON.parse((await runLintCommand(['.', '--format', 'json'], root)).stdout) as { summary: Record<string, number>; findings: { ruleId: string }[]; unreadable: unknown[]; skipped: { file: string }[] };
    expect(json.summary).toMatchObject({ files: 3, unreadable: 1, skipped: 7 });
    expect(json.findings.filter((finding) => finding.ruleId === 'DPT001')).toHaveLength(2);
    expect(json.unreadable).toEqual([{ file: 'stack/broken.yaml', line: 2, column: 24, code: 'yaml-syntax-error', message: 'YAML syntax error: Unexpected scalar at node end', hint: 'fix the YAML at this position' }]);
    const sarif = JSON.parse((await runLintCommand(['.', '--format', 'sarif'], root)).stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[]; results: unknown[] }[] };
    const [invocation] = sarif.runs[0]!.invocations;
    expect(invocation!.executionSuccessful).toBe(true);
    expect(invocation!.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', descriptor: { id: 'yaml-syntax-error' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'stack/broken.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 24 } } }] }),
    ]);
    expect(sarif.runs[0]!.results).toHaveLength(json.findings.length);
  });

  test('a duplicate key is read with the last value, as a note in --verbose and in JSON', async () => {
    const root = tree({ 'dup.yaml': HOLE_YAML.replace("      RoleName: 'personalize-access'\n", "      RoleName: 'a'\n      RoleName: 'b'\n") });
    const run = await runLintCommand(['.', '--verbose'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('dup.yaml:7:7: note duplicate key "RoleName" (first at line 6): the last value is read');
    const json = JSON.parse((await runLintCommand(['.', '--format', 'json'], root)).stdout) as { notices: { code: string }[] };
    expect(json.notices.map((notice) => notice.code)).toEqual(['yaml-duplicate-key']);
  });
});

describe('a .template written as JSON', () => {
  test('is read as JSON (fixes in JSON), and a .yaml that is not JSON as YAML', async () => {
    const json = readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/cfn-json/personalize-trust--conditions-stripped.json'), 'utf8');
    const root = tree({ 'old.template': json, 'flow.yaml': "{ AWSTemplateFormatVersion: '2010-09-09', Resources: { R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [ { Effect: Allow, Principal: { Service: personalize.amazonaws.com }, Action: 'sts:AssumeRole' } ] } } } } }\n" });
    const run = await runLintCommand(['.', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as { files: string[]; findings: { file: string; ruleId: string; fix?: { text?: string } }[] };
    expect(report.files).toEqual(['flow.yaml', 'old.template']);
    const fixes = report.findings.filter((finding) => finding.ruleId === 'DPT001');
    expect(fixes.map((finding) => finding.file)).toEqual(['flow.yaml', 'old.template']);
    expect(fixes[1]!.fix!.text).toContain('"StringEquals"');
    expect(fixes[0]!.fix!.text).toContain('StringEquals:');
  });
});

describe('--help', () => {
  test('documents the exit codes, including unreadable files', async () => {
    const run = await runLintCommand(['--help'], PACKAGE_DIR);
    expect(run.stdout).toContain('Exit codes:');
    expect(run.stdout).toContain('1  findings at or above --severity (not in the baseline), or files that could not be read');
    expect(run.stdout).toContain('2  bad flags or config, a path that does not exist, or no file could be read at all');
  });
});

describe('encodings', () => {
  const utf16 = (text: string, bigEndian: boolean): Buffer => {
    const body = Buffer.from(text, 'utf16le');
    if (bigEndian) body.swap16();
    return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
  };

  test('UTF-8 with and without BOM and UTF-16 LE/BE with BOM are read; other bytes are reported', async () => {
    const root = tree({
      'a-utf8.yaml': HOLE_YAML,
      'b-bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HOLE_YAML)]),
      'c-utf16le.yaml': utf16(HOLE_YAML, false),
      'd-utf16be.yaml': utf16(HOLE_YAML, true),
      'e-latin1.tf': Buffer.from(`# caf\u00e9\n${HOLE_TF}`, 'latin1'),
      'f-binary.json': Buffer.from([0x7b, 0x00, 0x7d]),
    });
    const run = await runLintCommand(['.'], root);
    expect(run.code).toBe(1);
    for (const file of ['a-utf8.yaml', 'b-bom.yaml', 'c-utf16le.yaml', 'd-utf16be.yaml']) expect(run.stdout).toContain(`${file}:13:24: error DPT001`);
    expect(run.stderr).toContain('error: e-latin1.tf: the file is not valid UTF-8 text (another encoding?)');
    expect(run.stderr).toContain('error: f-binary.json: the file is binary');
    expect(run.stdout).toMatch(/in 4 files .*; 2 files could not be read$/m);
  });
});

describe('symbolic links', () => {
  test('a file reached through links is linted once, and a link loop ends', async () => {
    const root = tree({ 'real/main.tf': HOLE_TF });
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    symlinkSync(join(root, 'real/main.tf'), join(root, 'linked.tf'));
    symlinkSync(root, join(root, 'real/loop'));
    const run = await runLintCommand(['.', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as { files: string[]; findings: { ruleId: string; file: string }[]; skipped: { file: string; reason: string }[] };
    expect(report.files).toEqual(['alias/main.tf']);
    expect(report.findings.filter((finding) => finding.ruleId === 'DPT001').map((finding) => finding.file)).toEqual(['alias/main.tf']);
    expect(report.skipped).toEqual([
      { file: 'alias/loop', reason: 'same directory as .' },
      { file: 'linked.tf', reason: 'same file as alias/main.tf' },
      { file: 'real', reason: 'same directory as alias' },
    ]);
  });
});
