/**
 * DPT017–DPT021 over Terraform (jsonencode, heredoc, aws_iam_policy_document), CloudFormation and policy
 * JSON: federated trusts another repository or service account can assume are errors; pinned trusts, and an
 * organization-wide service trust with aws:SourceOrgID alone, get no finding.
 */
import { describe, expect, test } from 'vitest';
import { lintText, type Finding } from '../src/index.js';

const GITHUB = 'token.actions.githubusercontent.com';
const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const rules = (list: readonly Finding[]) => list.filter((finding) => !finding.suppressed).map((finding) => `${finding.ruleId}/${finding.severity}`);

type Condition = Record<string, Record<string, string | string[]>>;

function statement(federated: string, condition?: Condition, action = 'sts:AssumeRoleWithWebIdentity') {
  return { Effect: 'Allow', Principal: { Federated: federated }, Action: action, ...(condition ? { Condition: condition } : {}) };
}

const githubProvider = `arn:aws:iam::111122223333:oidc-provider/${GITHUB}`;
const eksProvider = `arn:aws:iam::111122223333:oidc-provider/${EKS}`;

/** The same trust policy in every syntax lint reads. */
function syntaxes(document: object): [string, string, 'json' | 'terraform' | 'yaml'][] {
  const json = JSON.stringify(document, null, 2);
  const indented = json.replace(/\n/g, '\n    ');
  return [
    ['policy JSON', json, 'json'],
    ['Terraform jsonencode', `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = jsonencode(${json.replace(/"([^"]+)":/g, '"$1" =')})\n}\n`, 'terraform'],
    ['Terraform heredoc', `resource "aws_iam_role" "r" {\n  name = "r"\n  assume_role_policy = <<EOF\n${json}\nEOF\n}\n`, 'terraform'],
    ['CloudFormation', `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: ${indented.replace(/\n {4}/g, '\n        ')}\n`, 'yaml'],
  ];
}

async function lintEverywhere(...statements: object[]): Promise<Record<string, string[]>> {
  const document = { Version: '2012-10-17', Statement: statements };
  const result: Record<string, string[]> = {};
  for (const [name, text, kind] of syntaxes(document)) {
    const file = kind === 'json' ? 'trust.json' : kind === 'terraform' ? 'main.tf' : 'template.yaml';
    result[name] = rules((await lintText(text, file, kind)).findings);
  }
  return result;
}

function same(expected: string[]) {
  return { 'policy JSON': expected, 'Terraform jsonencode': expected, 'Terraform heredoc': expected, CloudFormation: expected };
}

describe('federated trust another owner can satisfy: an error in every syntax', () => {
  test('GitHub Actions without sub', async () => {
    expect(await lintEverywhere(statement(githubProvider, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } }))).toEqual(same(['DPT017/error']));
  });

  test('GitHub Actions with no condition at all', async () => {
    expect(await lintEverywhere(statement(githubProvider))).toEqual(same(['DPT017/error', 'DPT019/warning']));
  });

  test('GitHub Actions with repo:* and with a wildcard owner', async () => {
    const open = (sub: string) => statement(githubProvider, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: sub } });
    expect(await lintEverywhere(open('repo:*'))).toEqual(same(['DPT017/error']));
    expect(await lintEverywhere(open('repo:octo-*/deploy:*'))).toEqual(same(['DPT017/error']));
    expect(await lintEverywhere(open('*'))).toEqual(same(['DPT017/error']));
  });

  test('a widening value under ForAnyValue:, a negated subject in an Allow', async () => {
    expect(await lintEverywhere(statement(githubProvider, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, 'ForAnyValue:StringLike': { [`${GITHUB}:sub`]: ['repo:o/r:ref:refs/heads/main', 'repo:*'] } }))).toEqual(
      same(['DPT017/error', 'DPT020/warning']),
    );
    expect(await lintEverywhere(statement(githubProvider, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringNotEquals: { [`${GITHUB}:sub`]: 'repo:evil/x:ref:refs/heads/main' } }))).toEqual(same(['DPT017/error']));
  });

  test("EKS IRSA: every service account of a namespace (its default service account included) is an error", async () => {
    expect(await lintEverywhere(statement(eksProvider, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:payments:*' } }))).toEqual(same(['DPT017/error']));
  });

  test('EKS IRSA with an audience but no subject, and with any namespace', async () => {
    expect(await lintEverywhere(statement(eksProvider, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' } }))).toEqual(same(['DPT017/error']));
    expect(await lintEverywhere(statement(eksProvider, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:*:api' } }))).toEqual(same(['DPT017/error']));
  });

  test('Cognito identity pools without an audience', async () => {
    expect(await lintEverywhere(statement('cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } }))).toEqual(same(['DPT017/error']));
  });
});

describe('pinned trusts: no finding', () => {
  test('GitHub Actions pinned to a branch, an environment, any ref of one repository', async () => {
    const pinned = (operator: string, sub: string) =>
      statement(githubProvider, operator === 'StringEquals' ? { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: sub } } : { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, [operator]: { [`${GITHUB}:sub`]: sub } });
    expect(await lintEverywhere(pinned('StringEquals', 'repo:octo-org/octo-repo:ref:refs/heads/main'))).toEqual(same([]));
    expect(await lintEverywhere(pinned('StringEquals', 'repo:octo-org/octo-repo:environment:prod'))).toEqual(same([]));
    expect(await lintEverywhere(pinned('StringLike', 'repo:octo-org/octo-repo:*'))).toEqual(same([]));
  });

  test('EKS IRSA pinned to one service account', async () => {
    expect(await lintEverywhere(statement(eksProvider, { StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:payments:api', [`${EKS}:aud`]: 'sts.amazonaws.com' } }))).toEqual(same([]));
  });

  test('SAML with SAML:aud, cross-account with sts:ExternalId', async () => {
    expect(await lintEverywhere(statement('arn:aws:iam::111122223333:saml-provider/Okta', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRoleWithSAML'))).toEqual(same([]));
    expect(await lintEverywhere({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'partner-7' } } })).toEqual(same([]));
  });

  test('an organization-wide service trust with aws:SourceOrgID alone', async () => {
    const service = (principal: string) => ({ Effect: 'Allow', Principal: { Service: principal }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceOrgID': 'o-abcdefghij' } } });
    expect(await lintEverywhere(service('logs.amazonaws.com'))).toEqual(same([]));
  });
});

describe('weaker than documented: warnings', () => {
  test('organization-wide GitHub and namespace-wide EKS subjects', async () => {
    expect(await lintEverywhere(statement(githubProvider, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-org/*' } }))).toEqual(same(['DPT018/warning']));
    expect(await lintEverywhere(statement(eksProvider, { StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:payments:api-*' } }))).toEqual(same(['DPT018/warning']));
  });

  test('missing audience next to a pinned subject; StringLike without a wildcard', async () => {
    expect(await lintEverywhere(statement(githubProvider, { StringEquals: { [`${GITHUB}:sub`]: 'repo:o/r:ref:refs/heads/main' } }))).toEqual(same(['DPT019/warning']));
    expect(await lintEverywhere(statement(githubProvider, { StringLike: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:o/r:ref:refs/heads/main' } }))).toEqual(same(['DPT020/warning', 'DPT020/warning']));
  });

  test('an account root without sts:ExternalId', async () => {
    expect(await lintEverywhere({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' })).toEqual(same(['DPT021/warning']));
  });
});

describe('Terraform forms of the provider', () => {
  const policyDocument = (conditions: string) => `
data "aws_iam_policy_document" "trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
${conditions}  }
}
`;

  test('aws_iam_policy_document with principals { type = "Federated" }: an unpinned subject is an error, with a fix in HCL', async () => {
    const open = policyDocument(`    condition {\n      test     = "StringEquals"\n      variable = "${GITHUB}:aud"\n      values   = ["sts.amazonaws.com"]\n    }\n`);
    const result = await lintText(open, 'main.tf', 'terraform');
    expect(rules(result.findings)).toEqual(['DPT017/error']);
    expect(result.findings[0]!.line).toBe(10);
    expect(result.findings[0]!.fix?.text).toContain(`variable = "${GITHUB}:sub"`);
    expect(result.findings[0]!.fix?.text).toContain('repo:<owner>/<repository>:ref:refs/heads/<branch>');
  });

  test('aws_iam_policy_document pinned with variables in the subject: no finding', async () => {
    const pinned = policyDocument(
      `    condition {\n      test     = "StringEquals"\n      variable = "${GITHUB}:aud"\n      values   = ["sts.amazonaws.com"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "${GITHUB}:sub"\n      values   = ["repo:\${var.org}/\${var.repo}:ref:refs/heads/main"]\n    }\n`,
    );
    expect(rules((await lintText(pinned, 'main.tf', 'terraform')).findings)).toEqual([]);
  });

  test('keys built from a reference (terraform-aws-modules/eks, replace(provider.url)): a missing subject is found, a pinned one passes', async () => {
    const irsa = (conditions: string, principal = 'module.eks.oidc_provider_arn') => `
data "aws_iam_policy_document" "irsa" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [${principal}]
    }
${conditions}  }
}
`;
    const condition = (test: string, variable: string, value: string) => `    condition {
      test     = "${test}"
      variable = "${variable}"
      values   = ["${value}"]
    }
`;
    const moduleAud = condition('StringEquals', '${module.eks.oidc_provider}:aud', 'sts.amazonaws.com');
    expect(rules((await lintText(irsa(moduleAud), 'main.tf', 'terraform')).findings)).toEqual(['DPT017/error']);
    expect(rules((await lintText(irsa(moduleAud + condition('StringEquals', '${module.eks.oidc_provider}:sub', 'system:serviceaccount:payments:api')), 'main.tf', 'terraform')).findings)).toEqual([]);
    const url = '${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}';
    const arn = '"arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/' + url + '"';
    expect(rules((await lintText(irsa(condition('StringEquals', `${url}:aud`, 'sts.amazonaws.com'), 'aws_iam_openid_connect_provider.eks.arn'), 'main.tf', 'terraform')).findings)).toEqual(['DPT017/error']);
    expect(rules((await lintText(irsa(condition('StringLike', `${url}:sub`, 'system:serviceaccount:*:api') + condition('StringEquals', `${url}:aud`, 'sts.amazonaws.com'), arn), 'main.tf', 'terraform')).findings)).toEqual(['DPT017/error']);
    expect(rules((await lintText(irsa(condition('StringEquals', `${url}:sub`, 'system:serviceaccount:payments:api') + condition('StringEquals', `${url}:aud`, 'sts.amazonaws.com'), arn), 'main.tf', 'terraform')).findings)).toEqual([]);
  });

  test('a fix for a wildcard subject keeps the other clauses and writes StringEquals in the file syntax', async () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [statement(githubProvider, { StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:*' } })] }, null, 2);
    const [finding] = (await lintText(text, 'trust.json', 'json')).findings;
    expect(finding!.fix?.text).toContain('"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"');
    expect(finding!.fix?.text).toContain('"token.actions.githubusercontent.com:sub": "repo:<owner>/<repository>:ref:refs/heads/<branch>"');
    expect(finding!.fix?.text).not.toContain('repo:*');
  });
});
