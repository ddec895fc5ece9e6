/**
 * The `lint` command as the CLI registers it: formats, the --severity threshold and exit codes (0 clean, 1
 * findings, 2 unreadable input or bad flags, with `error: file:line:col: … (hint)` messages).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runLintCommand } from './support/run-lint-command.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLEAN = 'test/corpus/generated/tf-jsonencode/personalize-trust.tf';
const STRIPPED = 'test/corpus/generated/tf-jsonencode/personalize-trust--conditions-stripped.tf';
const WARNING_ONLY = 'test/fixtures/warning-only/weaker-source-account.json';

describe('exit codes and the --severity threshold', () => {
  test('a clean file exits 0 and says so', async () => {
    const run = await runLintCommand([CLEAN], PACKAGE_DIR);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^deputy lint: no findings in 1 file \(1 policy checked\)\n$/);
  });

  test('an error finding exits 1 with file:line:col, rule, message and the fix in HCL', async () => {
    const run = await runLintCommand([STRIPPED], PACKAGE_DIR);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${STRIPPED}:9:21: error DPT001 statement 1 allows personalize.amazonaws.com`);
    expect(run.stdout).toContain('    Condition = {\n      StringEquals = {\n        "aws:SourceAccount" = data.aws_caller_identity.current.account_id');
  });

  test('a warning exits 0 by default and 1 with --severity warning', async () => {
    expect((await runLintCommand([WARNING_ONLY], PACKAGE_DIR)).code).toBe(0);
    expect((await runLintCommand([WARNING_ONLY, '--severity', 'warning'], PACKAGE_DIR)).code).toBe(1);
    expect((await runLintCommand([STRIPPED, '--severity', 'warning'], PACKAGE_DIR)).code).toBe(1);
  });

  test('suppressed findings do not count; --verbose lists them with the reason, and exempt principals', async () => {
    const run = await runLintCommand(['test/corpus/realistic/json/public-dataset.json', 'test/corpus/generated/json/lambda-execution-trust.json', '--verbose'], PACKAGE_DIR);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('suppressed DPT009');
    expect(run.stdout).toContain('reason (test/corpus/realistic/json/public-dataset.json.deputyignore:2): the bucket publishes an open dataset on purpose');
    expect(run.stdout).toContain('exempt lambda.amazonaws.com: AWS documents no confused-deputy condition key for lambda.amazonaws.com (AWS Lambda) in role trust policies');
  });

  test('without paths, the working directory is linted', async () => {
    const run = await runLintCommand([], join(PACKAGE_DIR, 'test/corpus/generated/tf-heredoc'));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/in \d+ files/);
  });
});

describe('unreadable input exits 2 with located messages', () => {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-lint-'));

  test('a path that does not exist', async () => {
    const run = await runLintCommand(['no/such/dir'], directory);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'error: no/such/dir: no such file or directory (check the path)\n' });
  });

  test('JSON, YAML and HCL syntax errors point at the line and column', async () => {
    writeFileSync(join(directory, 'broken.json'), '{\n  "Statement": [\n    { "Effect": "Allow" ,, }\n  ]\n}\n');
    writeFileSync(join(directory, 'broken.yaml'), 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: [unclosed\n');
    writeFileSync(join(directory, 'broken.tf'), 'resource "aws_iam_role" "x" {\n  assume_role_policy = jsonencode({ Statement = [ }\n}\n');
    const run = await runLintCommand(['broken.json', 'broken.yaml', 'broken.tf'], directory);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: broken.json:3:26: JSON syntax error: expected a quoted key, found "," (fix the JSON at this position)');
    expect(run.stderr).toMatch(/error: broken\.yaml:\d+:\d+: YAML syntax error: .* \(fix the YAML at this position\)/);
    expect(run.stderr).toMatch(/error: broken\.tf:2:\d+: HCL syntax error/);
  });

  test('bad flags', async () => {
    const format = await runLintCommand([CLEAN, '--format', 'xml'], PACKAGE_DIR);
    expect(format).toEqual({ code: 2, stdout: '', stderr: 'error: --format: invalid --format "xml" (use text or json or sarif)\n' });
    const severity = await runLintCommand([CLEAN, '--severity', 'info'], PACKAGE_DIR);
    expect(severity.code).toBe(2);
  });

  test('a binary file named on the command line', async () => {
    writeFileSync(join(directory, 'blob.json'), Buffer.from([0x7b, 0x00, 0x7d]));
    const run = await runLintCommand(['blob.json'], directory);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('blob.json: the file is binary');
  });
});

describe('--format json', () => {
  test('is the lint result with a summary, parseable and complete', async () => {
    const run = await runLintCommand(['test/corpus/realistic', '--format', 'json'], PACKAGE_DIR);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      format: number;
      summary: { errors: number; warnings: number; suppressed: number; files: number; policies: number };
      findings: { ruleId: string; file: string; line: number; column: number; fix?: { description: string } }[];
      suppressed: { suppressed: { reason: string } }[];
      exemptions: { principal: string; reason: string }[];
    };
    expect(report.format).toBe(1);
    expect(report.summary).toEqual({ errors: 12, warnings: 5, notes: 0, suppressed: 6, exemptions: 1, files: 9, policies: 28, unreadable: 0, skipped: 0 });
    expect(report.findings).toHaveLength(17);
    expect(report.suppressed.every((finding) => finding.suppressed.reason.length > 0)).toBe(true);
    expect(report.exemptions).toEqual([{ file: 'test/corpus/realistic/terraform/references-and-dynamic.tf', line: 86, column: 62, principal: 'ssm.amazonaws.com', reason: expect.stringContaining('service-linked role') }]);
  });
});
