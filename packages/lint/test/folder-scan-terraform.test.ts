/**
 * A folder scan finds what naming each file finds: module inputs and templatefile() policies are read in a
 * directory walk (their .tf files hold no `Statement`), templates are linted through the call that renders
 * them (with its variables, never as raw JSON with `${…}` left in), and relative template paths resolve
 * next to the .tf file whatever the working directory.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lint } from '../src/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/terraform-constructs/', import.meta.url));
const key = (finding: { file: string; line: number; ruleId: string }): string => `${finding.file.split('/').pop()}:${finding.line} ${finding.ruleId}`;

describe('a folder scan of Terraform', () => {
  test('finds the same module and templatefile findings as naming the files', async () => {
    const named = await lint([`${FIXTURES}modules.tf`, `${FIXTURES}templatefile.tf`], { cwd: '/' });
    const walked = await lint([FIXTURES], { cwd: '/' });
    const wanted = named.findings.map(key).sort();
    expect(wanted.length).toBeGreaterThan(0);
    for (const finding of wanted) expect(walked.findings.map(key)).toContain(finding);
  });

  test('never reports a rendered .json template as a raw policy (no DPT012), and says why it was skipped', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'deputy-templatefile-'));
    writeFileSync(
      join(directory, 'main.tf'),
      'resource "aws_iam_role" "sfn" {\n  name               = "sfn"\n  assume_role_policy = templatefile("${path.module}/trust.json", { account_id = "111122223333" })\n}\n',
    );
    writeFileSync(
      join(directory, 'trust.json'),
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"${account_id}"},"ArnLike":{"aws:SourceArn":"arn:aws:states:us-east-1:${account_id}:stateMachine:*"}}}]}\n',
    );
    const walked = await lint([directory], { cwd: directory });
    expect(walked.findings.map((finding) => finding.ruleId)).toEqual([]);
    expect(walked.skipped).toContainEqual({ file: 'trust.json', reason: expect.stringMatching(/templatefile\(\)/) as unknown as string });
  });

  test('lists the files it linted, not the rendered template that sorts before them', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'deputy-templatefile-'));
    writeFileSync(join(directory, 'a-trust.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"${account_id}"}}}]}\n');
    writeFileSync(join(directory, 'b.tf'), 'resource "aws_iam_role" "sfn" {\n  assume_role_policy = templatefile("a-trust.json", { account_id = "111122223333" })\n}\n');
    writeFileSync(join(directory, 'c.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*"}]}\n');
    const walked = await lint([directory], { cwd: directory });
    expect(walked.files).toEqual(['b.tf', 'c.json']);
    expect(walked.findings.map((finding) => finding.file)).toContain('c.json');
  });
});
