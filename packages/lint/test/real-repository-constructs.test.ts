/**
 * Constructs met in public repositories (issue 14's judgement over terraform-aws-modules, aws-ia, aws-samples
 * and aws-cloudformation repositories), each in a hand-written fixture with its sound variant beside it
 * (test/fixtures/real-repository-constructs): a regional service principal written as one `!Sub` scalar; a
 * `dynamic "statement"` generated only when a variable allows it; a claim key interpolated in a `jsonencode`
 * object; locals declared in another `.tf` file of the module; the statement inputs of the sns, sqs and kms
 * modules; resource policies on S3 access points and Glacier vaults; an aws:SourceArn that is a module's ARN
 * output or a CloudFormation `!GetAtt X.Arn`; StringLike on an ARN pattern shorter than six fields; an account trusted as a whole given by a
 * parameter; a policy variable whose tag key holds a colon; a trust policy read with `file("….tpl")`; a CloudTrail key
 * statement bound by its encryption context; a heredoc JSON policy built with `%{ if }` directives.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { lint, lintText, type FileKind } from '../src/index.js';
import { expectFixtureFindings } from './support/fixture-findings.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(PACKAGE_DIR, 'test', 'fixtures', 'real-repository-constructs');

/** [rule, line] of the findings of `rules` in a fixture. */
async function findingsOf(name: string, kind: FileKind, rules: readonly string[]): Promise<[string, number][]> {
  const path = join(FIXTURES, name);
  const result = await lintText(readFileSync(path, 'utf8'), path, kind);
  return result.findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => [finding.ruleId, finding.line]);
}

describe('principals written with references', () => {
  test('Service: !Sub "states.${AWS::Region}.amazonaws.com" as a scalar is read as in a list; the pinned role is clean', async () => {
    await expectFixtureFindings(join(FIXTURES, 'scalar-sub-service.yaml'), 'yaml', [['DPT001', 12, 'allows states.${AWS::Region}.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn']]);
  });

  test('a Lambda permission for logs.${data.aws_region.current.name}.amazonaws.com is a service principal (the pinned one is clean)', async () => {
    await expectFixtureFindings(join(FIXTURES, 'regional-lambda-permission.tf'), 'terraform', [['DPT001', 9, 'the Lambda permission allows logs.${data.aws_region.current.name}.amazonaws.com (Amazon CloudWatch Logs) without']]);
  });

  test('DPT021 names the account as written (${SourceAccountId}), not the filler the judgement reads', async () => {
    const path = join(FIXTURES, 'cross-account-parameter.yaml');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'yaml');
    expect(result.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['DPT021', 15]]);
    expect(result.findings[0]!.message).toContain('trusts account ${SourceAccountId} as a whole');
    expect(result.findings[0]!.message).not.toContain('000000000000');
  });
});

describe('aws:SourceArn values', () => {
  test("CloudTrail's kms:EncryptionContext:aws:cloudtrail:arn binds the trail: pinned to this account it is DPT002 (aws:SourceArn documented), not DPT001; with any account the judgement finds another account's trail (DPT014); with aws:SourceArn it is clean", async () => {
    expect(await findingsOf('cloudtrail-key-encryption-context.yaml', 'yaml', ['DPT001', 'DPT002', 'DPT014', 'DPT015', 'DPT016'])).toEqual([
      ['DPT002', 16],
      ['DPT002', 31],
      ['DPT014', 31],
    ]);
  });

  test('StringLike "arn:aws:ses:*" matches SES ARNs (only DPT016: weaker than documented); ArnLike compares six fields and an empty partition never matches (DPT006)', async () => {
    expect(await findingsOf('string-like-source-arn.yaml', 'yaml', ['DPT006', 'DPT016'])).toEqual([
      ['DPT016', 17],
      ['DPT006', 32],
      ['DPT006', 43],
    ]);
  });

  test('!GetAtt LogGroup.Arn pins the account for CloudWatch Logs (no DPT002); a bucket ARN has no account field, so S3 still needs aws:SourceAccount', async () => {
    await expectFixtureFindings(join(FIXTURES, 'source-arn-stack-resource.yaml'), 'yaml', [['DPT002', 23, 'the Lambda permission allows s3.amazonaws.com (Amazon S3) without aws:SourceAccount']]);
  });

  test("a module's ARN output pins the account (no DPT002); a variable does not, and a bucket's ARN (module output or resource) pins none (an error)", async () => {
    await expectFixtureFindings(join(FIXTURES, 'source-arn-module-output.tf'), 'terraform', [
      ['DPT002', 31, 'allows scheduler.amazonaws.com (Amazon EventBridge Scheduler) without aws:SourceAccount'],
      ['DPT002', 43, 'the Lambda permission allows s3.amazonaws.com (Amazon S3) without aws:SourceAccount, which AWS documents for this service; its aws:SourceArn has no account field'],
      ['DPT002', 51, 'the Lambda permission allows s3.amazonaws.com (Amazon S3) without aws:SourceAccount, which AWS documents for this service; its aws:SourceArn has no account field'],
    ]);
    const path = join(FIXTURES, 'source-arn-module-output.tf');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'terraform');
    expect(result.findings.map((finding) => finding.severity)).toEqual(['warning', 'error', 'error']);
  });
});

describe('Terraform constructs', () => {
  test('a dynamic "statement" over `var.x ? [] : [1]` is read as generated; its pinned twin is clean; a for_each over a variable claims nothing', async () => {
    await expectFixtureFindings(join(FIXTURES, 'optional-dynamic-statement.tf'), 'terraform', [['DPT001', 12, 'allows ssm.amazonaws.com (AWS Systems Manager) without aws:SourceAccount or aws:SourceArn']]);
  });

  test('jsonencode condition keys "${module.eks.oidc_provider}:sub" are read: any namespace is DPT017, one service account with its audience is clean', async () => {
    expect(await findingsOf('jsonencode-claim-key.tf', 'terraform', ['DPT017', 'DPT018', 'DPT019', 'DPT020'])).toEqual([['DPT017', 13]]);
  });

  test('locals declared in another .tf file of the module are read, the finding placed at the reference; a local declared nowhere claims nothing', async () => {
    await expectFixtureFindings(join(FIXTURES, 'module-locals', 'main.tf'), 'terraform', [['DPT001', 9, 'allows states.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn']]);
    const result = await lintText(readFileSync(join(FIXTURES, 'module-locals', 'main.tf'), 'utf8'), join(FIXTURES, 'module-locals', 'main.tf'), 'terraform');
    expect(result.findings[0]!.column).toBe(31);
  });

  test('the sns topic_policy_statements, sqs queue_policy_statements (with conditions) and kms key_statements inputs are resource policies; create = false builds none; a step-functions module with use_existing_role = true builds no trust policy', async () => {
    await expectFixtureFindings(join(FIXTURES, 'module-resource-policies.tf'), 'terraform', [
      ['DPT001', 13, 'statement "s3" allows s3.amazonaws.com (Amazon S3) without aws:SourceAccount or aws:SourceArn'],
      ['DPT001', 56, 'statement "CloudTrailEncrypt" allows cloudtrail.amazonaws.com (AWS CloudTrail) without aws:SourceArn'],
    ]);
  });

  test('the same module inputs in .tf.json', async () => {
    await expectFixtureFindings(join(FIXTURES, 'module-resource-policies.tf.json'), 'tf-json', [['DPT001', 9, 'statement "s3" allows s3.amazonaws.com (Amazon S3) without aws:SourceAccount or aws:SourceArn']]);
  });

  test('one folder scan finds every hole of the fixtures and nothing in their sound variants (module inputs pass the prefilter, locals come from the other files)', async () => {
    const result = await lint(['test/fixtures/real-repository-constructs'], { cwd: PACKAGE_DIR });
    const found = result.findings.map((finding) => [finding.file.replace('test/fixtures/real-repository-constructs/', ''), finding.ruleId, finding.line]);
    expect(found).toEqual([
      ['cloudtrail-key-encryption-context.yaml', 'DPT002', 16],
      ['cloudtrail-key-encryption-context.yaml', 'DPT002', 31],
      ['cloudtrail-key-encryption-context.yaml', 'DPT014', 31],
      ['cross-account-parameter.yaml', 'DPT021', 15],
      ['file-function/trust-policies/codebuild.tpl', 'DPT001', 8],
      ['heredoc-template-directives.tf', 'DPT001', 20],
      ['heredoc-template-directives.tf', 'DPT001', 45],
      ['heredoc-template-directives.tf', 'DPT001', 51],
      ['heredoc-template-directives.tf', 'DPT013', 84],
      ['jsonencode-claim-key.tf', 'DPT017', 13],
      ['module-locals/main.tf', 'DPT001', 9],
      ['module-resource-policies.tf', 'DPT001', 13],
      ['module-resource-policies.tf', 'DPT001', 56],
      ['module-resource-policies.tf.json', 'DPT001', 9],
      ['optional-dynamic-statement.tf', 'DPT001', 12],
      ['policy-variable-tag-key.tf', 'DPT012', 19],
      ['regional-lambda-permission.tf', 'DPT001', 9],
      ['resource-policy-types.tf', 'DPT001', 24],
      ['resource-policy-types.yaml', 'DPT001', 13],
      ['resource-policy-types.yaml', 'DPT009', 23],
      ['scalar-sub-service.yaml', 'DPT001', 12],
      ['source-arn-module-output.tf', 'DPT002', 31],
      ['source-arn-module-output.tf', 'DPT002', 43],
      ['source-arn-module-output.tf', 'DPT002', 51],
      ['source-arn-stack-resource.yaml', 'DPT002', 23],
      ['string-like-source-arn.yaml', 'DPT016', 17],
      ['string-like-source-arn.yaml', 'DPT006', 32],
      ['string-like-source-arn.yaml', 'DPT006', 43],
      ['template-directives/trust.json.tftpl', 'DPT001', 7],
    ]);
    expect(result.unreadable).toEqual([]);
  });
});

describe('file() targets', () => {
  test('a trust policy read with file("….tpl") is linted in the template, as a trust policy; its pinned twin is clean', async () => {
    const path = join(FIXTURES, 'file-function', 'main.tf');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'terraform');
    expect(result.findings.map((finding) => [finding.ruleId, finding.file.slice(FIXTURES.length + 1), finding.line, finding.policy])).toEqual([
      ['DPT001', 'file-function/trust-policies/codebuild.tpl', 8, 'file("trust-policies/codebuild.tpl") in aws_iam_role.build.assume_role_policy'],
    ]);
    expect(result.findings[0]!.message).toContain('allows codebuild.amazonaws.com (AWS CodeBuild), events.amazonaws.com (Amazon EventBridge) without');
  });
});

describe('policy variables', () => {
  test('${aws:PrincipalTag/eks:eks-cluster-name} (a tag key with a colon) is a policy variable; ${AccountId} is a placeholder (DPT012)', async () => {
    expect(await findingsOf('policy-variable-tag-key.tf', 'terraform', ['DPT012'])).toEqual([['DPT012', 19]]);
  });
});

describe('resource policy types', () => {
  test('S3 access point and Glacier vault policies are read; a Deny-only vault lock is clean', async () => {
    await expectFixtureFindings(join(FIXTURES, 'resource-policy-types.yaml'), 'yaml', [
      ['DPT001', 13, 'allows logging.s3.amazonaws.com (Amazon S3 server access logging) without aws:SourceAccount or aws:SourceArn'],
      ['DPT009', 23, 'allows any principal in any account ("*") without a condition'],
    ]);
    await expectFixtureFindings(join(FIXTURES, 'resource-policy-types.tf'), 'terraform', [['DPT001', 24, 'allows logging.s3.amazonaws.com (Amazon S3 server access logging) without']]);
  });
});

describe('JSON policies built with template directives', () => {
  test('%{ if } in a heredoc: each rendering is read (holes in a taken branch and in both arms of an else are found), not reported as invalid JSON; a %{ for } loop is noted as not checked; JSON broken in every rendering is DPT013', async () => {
    const path = join(FIXTURES, 'heredoc-template-directives.tf');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'terraform');
    expect(result.findings.map((finding) => [finding.ruleId, finding.line, finding.column])).toEqual([
      ['DPT001', 20, 37],
      ['DPT001', 45, 37],
      ['DPT001', 51, 37],
      ['DPT013', 84, 9],
    ]);
    expect(result.findings[0]!.message).toContain('"EventsToQueue" allows events.amazonaws.com');
    expect(result.findings[1]!.message).toContain('sagemaker.amazonaws.com');
    expect(result.findings[2]!.message).toContain('personalize.amazonaws.com');
    const scanned = await lint([path]);
    expect((scanned.notices ?? []).map((notice) => [notice.code, notice.line])).toEqual([['template-directives-not-rendered', 62]]);
    expect(scanned.notices![0]!.message).toContain('aws_iam_role.looped.assume_role_policy');
  });

  test('%{ if } in a templatefile() target (.tftpl): the statement of the taken branch is linted in the template', async () => {
    const path = join(FIXTURES, 'template-directives', 'main.tf');
    const result = await lintText(readFileSync(path, 'utf8'), path, 'terraform');
    expect(result.findings.map((finding) => [finding.ruleId, finding.file.slice(FIXTURES.length + 1), finding.line])).toEqual([['DPT001', 'template-directives/trust.json.tftpl', 7]]);
    expect(result.findings[0]!.message).toContain('personalize.amazonaws.com');
  });
});
