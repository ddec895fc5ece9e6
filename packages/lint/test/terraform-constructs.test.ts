/**
 * Terraform constructs whose content is literal: `dynamic "statement"` / `"principals"` / `"condition"`
 * blocks over literal lists, maps and locals; `concat` / `flatten` / `merge` with literal parts (the
 * literal parts are judged, an unknown part is neither safe nor unsafe); locals referenced by name, a
 * principal whose DNS suffix is `data.aws_partition.*.dns_suffix`; and the trust inputs of the
 * terraform-aws-modules iam-role, iam-assumable-role, lambda and step-functions modules.
 * Fixtures: test/fixtures/terraform-constructs (hand-written).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lintText } from '../src/index.js';
import { renderTemplate, templateFileReferences } from '../src/sources/terraform/template-file.js';
import { expectFixtureFindings } from './support/fixture-findings.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'terraform-constructs');

describe('dynamic blocks with literal for_each', () => {
  test('each generated statement, principal and condition is judged; a local map of protected statements and a for_each over a variable are clean', async () => {
    await expectFixtureFindings(join(FIXTURES, 'dynamic-blocks.tf'), 'terraform', [
      ['DPT001', 15, 'statement "Scheduler" allows scheduler.amazonaws.com'],
      ['DPT002', 25, 'statement "Batch" allows batch.amazonaws.com (AWS Batch) without aws:SourceArn'],
      ['DPT002', 49, 'allows states.amazonaws.com (AWS Step Functions), events.amazonaws.com (Amazon EventBridge) without aws:SourceArn'],
    ]);
  });
});

describe('concat, flatten, merge and locals', () => {
  test('literal parts are judged; merge with an unknown map claims nothing; jsonencode(local.x) is checked in the local; heredoc interpolations of locals are read', async () => {
    await expectFixtureFindings(join(FIXTURES, 'combined-values.tf'), 'terraform', [
      ['DPT001', 9, 'allows states.amazonaws.com (AWS Step Functions) without'],
      ['DPT001', 34, 'allows events.amazonaws.com (Amazon EventBridge), scheduler.amazonaws.com (Amazon EventBridge Scheduler) without'],
      ['DPT001', 46, 'allows pipes.amazonaws.com (Amazon EventBridge Pipes) without'],
      ['DPT001', 76, 'statement 2 allows pipes.amazonaws.com (Amazon EventBridge Pipes) without'],
    ]);
  });

  test('a heredoc reads ${jsonencode(local.list)} as the list and "${local.name}" as the text', async () => {
    const path = join(FIXTURES, 'combined-values.tf');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'terraform');
    expect(result.exemptions.map((exemption) => [exemption.principal, exemption.at.line])).toContainEqual(['delivery.logs.amazonaws.com', 71]);
    expect(result.findings.find((finding) => finding.line === 76)?.column).toBe(37);
  });
});

describe('Terraform conditionals', () => {
  test('a condition known from a local picks its branch (found when it is the branch without keys); an unknown condition claims nothing', async () => {
    await expectFixtureFindings(join(FIXTURES, 'conditionals.tf'), 'terraform', [['DPT001', 30, 'statement 1 allows scheduler.amazonaws.com (Amazon EventBridge Scheduler) without']]);
  });
});

describe('for_each over literal collections', () => {
  test('each instance is judged with each.key / each.value bound; a null source_arn is not set; a for_each over a variable claims nothing', async () => {
    await expectFixtureFindings(join(FIXTURES, 'for-each.tf'), 'terraform', [
      ['DPT001', 4, 'allows states.amazonaws.com (AWS Step Functions) without'],
      ['DPT001', 5, 'allows events.amazonaws.com (Amazon EventBridge) without'],
      ['DPT001', 48, 'the Lambda permission allows sns.amazonaws.com (Amazon SNS) without aws:SourceArn'],
    ]);
  });
});

describe('public module inputs', () => {
  test('iam-role trust_policy_permissions, iam-assumable-role without MFA, lambda and step-functions trusted_entities, the eks cluster role; protected, MFA-only and role-less modules are clean', async () => {
    await expectFixtureFindings(join(FIXTURES, 'modules.tf'), 'terraform', [
      ['DPT001', 11, 'statement "CodeDeploy" allows codedeploy.amazonaws.com'],
      ['DPT001', 45, 'allows codebuild.amazonaws.com'],
      ['DPT001', 60, 'allows scheduler.amazonaws.com (Amazon EventBridge Scheduler), events.amazonaws.com (Amazon EventBridge) without'],
      ['DPT001', 73, 'allows pipes.amazonaws.com (Amazon EventBridge Pipes) without'],
      ['DPT001', 84, 'statement "EKSClusterAssumeRole" allows eks.amazonaws.com'],
    ]);
  });
});

describe('templatefile targets', () => {
  test('the policy in a .tftpl / .json.tpl is linted where it is written, with literal variables substituted and no DPT012 for placeholders', async () => {
    const path = join(FIXTURES, 'templatefile.tf');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'terraform');
    expect(result.findings.map((finding) => [finding.ruleId, relative(FIXTURES, finding.file), finding.line, finding.policy])).toEqual([
      ['DPT001', 'templates/bucket-policy.json.tpl', 7, 'templatefile("templates/bucket-policy.json.tpl") in aws_s3_bucket_policy.logs.policy'],
      ['DPT001', 'templates/trust-list.tftpl', 6, 'templatefile("templates/trust-list.tftpl") in aws_iam_role.from_list.assume_role_policy'],
      ['DPT002', 'templates/trust.tftpl', 8, 'templatefile("templates/trust.tftpl") in aws_iam_role.from_template.assume_role_policy'],
    ]);
    expect(result.findings[0]!.message).toContain('statement "Delivery" allows delivery.logs.amazonaws.com');
    expect(result.findings[1]!.message).toContain('allows pipes.amazonaws.com (Amazon EventBridge Pipes) without');
    expect(result.findings[2]!.message).toContain('allows scheduler.amazonaws.com (Amazon EventBridge Scheduler) without aws:SourceArn');
  });

  test('templateFileReferences lists the literal template paths a .tf text renders (for a directory scan)', () => {
    expect(templateFileReferences('a = templatefile("${path.module}/t/x.tftpl", {})\nb = templatefile("templates/y.json", {})\nc = templatefile(var.p, {})')).toEqual(['t/x.tftpl', 'templates/y.json']);
  });

  test('renderTemplate substitutes literal variables and keeps other interpolations opaque', () => {
    const bound = new Map([['name', { kind: 'text', parts: ['x'], at: { line: 1, column: 1 }, raw: '"x"' } as const]]);
    const rendered = renderTemplate('a ${name} ${other} $${lit} %{ if c }y%{ endif } ${jsonencode(name)}', bound);
    expect(rendered.text).toBe('a x \u{E000} ${lit} \u{E000}y\u{E000} "x"');
    expect(rendered.position(2)).toEqual({ line: 1, column: 3 });
  });
});

describe('public module inputs in .tf.json', () => {
  test('a module object (cdktf) builds the same trust policy; create_iam_role = false builds none', async () => {
    await expectFixtureFindings(join(FIXTURES, 'modules.tf.json'), 'tf-json', [['DPT001', 7, 'allows scheduler.amazonaws.com (Amazon EventBridge Scheduler) without']]);
  });
});

describe('directory-scan hint', () => {
  test('files that build a policy only through module inputs or templatefile() match TERRAFORM_POLICY_HINT', async () => {
    const { TERRAFORM_POLICY_HINT } = await import('../src/sources/terraform/terraform-file.js');
    for (const name of ['modules.tf', 'templatefile.tf']) expect(TERRAFORM_POLICY_HINT.test(readFileSync(join(FIXTURES, name), 'utf8'))).toBe(true);
    expect(TERRAFORM_POLICY_HINT.test('resource "aws_s3_bucket" "b" {}')).toBe(false);
  });
});
