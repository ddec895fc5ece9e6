/**
 * Hand-written, realistic files (test/corpus/realistic): Terraform variables and data sources, dynamic
 * blocks, conditionals, `for` expressions, heredocs and escaped JSON strings; CloudFormation short-form and
 * long-form intrinsics, `Fn::If`, `Fn::Join`, `Fn::Sub` JSON policies; every suppression form. Unknown
 * values count as present, and every finding below was reviewed by hand.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { lint, type LintResult } from '../src/index.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = 'test/corpus/realistic';

/** [file, rule, severity, line, why]. */
const EXPECTED_FINDINGS: readonly [string, string, 'error' | 'warning', number, string][] = [
  ['cloudformation/intrinsics.yaml', 'DPT003', 'error', 40, 'Fn::Join builds "…:stateMachine:*" under StringEquals'],
  ['cloudformation/intrinsics.yaml', 'DPT001', 'error', 62, 'the second Fn::If branch trusts Batch without conditions'],
  ['cloudformation/intrinsics.yaml', 'DPT010', 'error', 86, 'Metadata ignore entry without a reason'],
  ['cloudformation/intrinsics.yaml', 'DPT002', 'warning', 95, 'DMS with aws:SourceAccount but no aws:SourceArn (the reasonless suppression does not apply)'],
  ['cloudformation/intrinsics.yaml', 'DPT002', 'error', 139, 'Lambda permission for S3 with a bucket ARN and no SourceAccount'],
  ['json/backup-key-deny.json', 'DPT011', 'warning', 10, 'Deny negating SourceAccount and SourceArn together'],
  ['json/cur-bucket-template.json', 'DPT012', 'warning', 8, '${AWS::Region} left in a raw JSON Resource'],
  ['json/cur-bucket-template.json', 'DPT012', 'warning', 11, '${AccountId} left in aws:SourceAccount'],
  ['json/cur-bucket-template.json', 'DPT012', 'warning', 12, '${AccountId} left in aws:SourceArn'],
  ['json/unreviewed.json', 'DPT001', 'error', 4, 'SageMaker trust without aws:SourceArn (the sidecar suppression has no reason)'],
  ['json/unreviewed.json.deputyignore', 'DPT010', 'error', 1, 'sidecar line without a reason'],
  ['terraform/holes-and-suppressions.tf', 'DPT010', 'error', 17, 'comment suppression without a reason'],
  ['terraform/holes-and-suppressions.tf', 'DPT001', 'error', 24, 'RDS trust in jsonencode without conditions'],
  ['terraform/holes-and-suppressions.tf', 'DPT003', 'error', 44, 'heredoc StringEquals on "…:alarm:*" with an interpolated account'],
  ['terraform/holes-and-suppressions.tf', 'DPT005', 'error', 55, 'regional logs.eu-west-1 principal with a us-east-1 SourceArn, in an escaped JSON string'],
  ['terraform/holes-and-suppressions.tf', 'DPT013', 'error', 71, 'heredoc JSON with a trailing comma'],
  ['tf-json/cdktf-stack.tf.json', 'DPT001', 'error', 9, 'CodeBuild trust inside "${jsonencode(…)}"'],
];

/** [file, rule, line, origin of the suppression]. */
const EXPECTED_SUPPRESSED: readonly [string, string, number, string][] = [
  ['cloudformation/intrinsics.yaml', 'DPT001', 78, 'metadata'],
  ['cloudformation/intrinsics.yaml', 'DPT009', 108, 'comment'],
  ['json/public-dataset.json', 'DPT009', 4, 'sidecar'],
  ['terraform/holes-and-suppressions.tf', 'DPT001', 12, 'comment'],
  ['terraform/holes-and-suppressions.tf', 'DPT002', 62, 'comment'],
  ['tf-json/cdktf-stack.tf.json', 'DPT001', 14, 'tf-json-comment'],
];

describe('the realistic corpus', () => {
  let result: LintResult;
  beforeAll(async () => {
    result = await lint([ROOT], { cwd: PACKAGE_DIR });
  });

  test('flags exactly the reviewed findings', () => {
    const actual = result.findings.map((finding) => [finding.file.slice(ROOT.length + 1), finding.ruleId, finding.severity, finding.line]);
    expect(actual).toEqual(EXPECTED_FINDINGS.map(([file, rule, severity, line]) => [file, rule, severity, line]));
  });

  test('suppressions with a reason apply, in every form', () => {
    const actual = result.suppressed.map((finding) => [finding.file.slice(ROOT.length + 1), finding.ruleId, finding.line, finding.suppressed!.origin]);
    expect(actual).toEqual(EXPECTED_SUPPRESSED);
    expect(result.suppressed.every((finding) => finding.suppressed!.reason.length > 10)).toBe(true);
  });

  test('values known only at deploy time never cause a finding in references-and-dynamic.tf', () => {
    expect(result.findings.filter((finding) => finding.file.endsWith('references-and-dynamic.tf'))).toEqual([]);
    expect(result.exemptions.map((exemption) => [exemption.principal, exemption.at.line])).toEqual([['ssm.amazonaws.com', 86]]);
  });

  test('every policy is found: jsonencode, locals, data sources, heredocs, strings, Fn::If branches, Fn::Sub JSON, Lambda permissions', () => {
    expect(result.policyCount).toBe(28);
  });

  test('fixes use the file syntax: CloudFormation intrinsics, quoted YAML accounts, Terraform references', () => {
    const fixOf = (file: string, rule: string) => result.findings.find((finding) => finding.file.endsWith(file) && finding.ruleId === rule)!.fix!;
    expect(fixOf('intrinsics.yaml', 'DPT003').text).toContain("  ArnLike:\n    aws:SourceArn: !Join ['', ['arn:', !Ref AWS::Partition, ':states:'");
    expect(fixOf('holes-and-suppressions.tf', 'DPT005').text).toContain('"aws:SourceArn": "arn:aws:logs:eu-west-1:111122223333:*"');
    expect(fixOf('holes-and-suppressions.tf', 'DPT003').text).toContain('"aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:${var.account_id}:alarm:*"');
    expect(fixOf('intrinsics.yaml', 'DPT001').text).toContain("aws:SourceArn: !Sub 'arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:*'");
  });
});
