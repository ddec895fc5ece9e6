import { describe, expect, it } from 'vitest';
import { loadDefinitionText } from '../src/load/load-definition.js';
import { statementsOf } from '../src/policy/policy-document.js';
import { reference } from '../src/model/value.js';
import { DeputyInputError } from '../src/problems.js';
import { judgeTrustStatement, type TrustStatementFacts } from '../src/policy/federated-trust-judgement.js';
import { foreignOwnerSubject, providerOfPrincipal, siblingSubject, subjectScope } from '../src/policy/federated-provider.js';

const literal = 'account: "123456789012"\npartition: aws\nregion: us-east-1\n';

function trust(yaml: string) {
  const model = loadDefinitionText(yaml, 'def.yaml');
  return { statements: statementsOf(model.roles[0]!.trustPolicy), notices: model.roles[0]!.notices };
}

function problemsOf(yaml: string): string[] {
  try {
    loadDefinitionText(yaml, 'def.yaml');
  } catch (error) {
    if (error instanceof DeputyInputError) return error.problems.map((problem) => `${problem.code} ${problem.location?.line}:${problem.location?.column} ${problem.message}`);
    throw error;
  }
  return [];
}

const role = (body: string) => `${literal}roles:\n  - name: r\n${body}`;

describe('trustedFederation builds the statements the providers document', () => {
  it('GitHub Actions, one branch: StringEquals aud and sub, the provider ARN from account and partition', () => {
    const { statements, notices } = trust(role('    trustedFederation:\n      - githubActions: { repository: octo-org/octo-repo, branch: main }\n'));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:octo-org/octo-repo:ref:refs/heads/main' } },
      },
    ]);
    expect(notices).toEqual([]);
  });

  it('GitHub Actions: environment, tag, pull requests, and StringLike only for a wildcard', () => {
    const sub = (fields: string) => trust(role(`    trustedFederation:\n      - githubActions: { repository: o/r, ${fields} }\n`)).statements[0]!.Condition;
    expect(sub('environment: prod')).toEqual({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:o/r:environment:prod' } });
    expect(sub('tag: v1.0.0')).toMatchObject({ StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/tags/v1.0.0' } });
    expect(sub('pullRequest: true')).toMatchObject({ StringEquals: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:pull_request' } });
    expect(sub('branch: "release/*"')).toEqual({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:ref:refs/heads/release/*' } });
  });

  it('refers to the current account and partition when they are not literal', () => {
    const model = loadDefinitionText('roles:\n  - name: r\n    trustedFederation:\n      - githubActions: { repository: o/r, branch: main }\n', 'def.yaml');
    const [statement] = statementsOf(model.roles[0]!.trustPolicy);
    expect(statement!.Principal).toEqual({ Federated: { kind: 'interpolation', parts: ['arn:', reference('partition'), ':iam::', reference('account'), ':oidc-provider/token.actions.githubusercontent.com'] } });
  });

  it('EKS IRSA: sub system:serviceaccount:NS:SA and aud sts.amazonaws.com on the cluster issuer', () => {
    const { statements } = trust(role('    trustedFederation:\n      - eksServiceAccount: { issuer: "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", namespace: payments, serviceAccount: api }\n'));
    const issuer = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    expect(statements[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: 'system:serviceaccount:payments:api' } },
    });
  });

  it('GitLab: project_path subject and the issuer as audience; self-managed issuers', () => {
    const { statements } = trust(role('    trustedFederation:\n      - gitlab: { project: group/app, ref: main }\n      - gitlab: { project: g/p, issuer: gitlab.example.com, ref: v1, refType: tag }\n'));
    expect(statements[0]!.Condition).toEqual({ StringEquals: { 'gitlab.com:aud': 'https://gitlab.com', 'gitlab.com:sub': 'project_path:group/app:ref_type:branch:ref:main' } });
    expect(statements[1]!.Principal).toEqual({ Federated: 'arn:aws:iam::123456789012:oidc-provider/gitlab.example.com' });
    expect(statements[1]!.Condition).toEqual({ StringEquals: { 'gitlab.example.com:aud': 'https://gitlab.example.com', 'gitlab.example.com:sub': 'project_path:g/p:ref_type:tag:ref:v1' } });
  });

  it('SAML: the provider ARN, sts:AssumeRoleWithSAML and SAML:aud', () => {
    const { statements } = trust(role('    trustedFederation:\n      - saml: { provider: Okta, tagSession: true }\n'));
    expect(statements[0]).toEqual({
      Effect: 'Allow',
      Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Okta' },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    });
  });

  it('generic OIDC and well-known web identity providers', () => {
    const { statements } = trust(role('    trustedFederation:\n      - oidc: { issuer: cognito-identity.amazonaws.com, audience: "us-east-1:11111111-2222-3333-4444-555555555555" }\n'));
    expect(statements[0]!.Principal).toEqual({ Federated: 'cognito-identity.amazonaws.com' });
    expect(statements[0]!.Condition).toEqual({ StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:11111111-2222-3333-4444-555555555555' } });
  });

  it('trustedAccounts: the account root with sts:ExternalId, role ARNs with the organization', () => {
    const { statements, notices } = trust(
      role("    trustedAccounts:\n      - { account: '444455556666', externalId: partner-7 }\n      - { roleArns: ['arn:aws:iam::777788889999:role/ci'], principalOrgId: o-abcdefghij }\n"),
    );
    expect(statements).toEqual([
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'partner-7' } } },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::777788889999:role/ci' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } } },
    ]);
    expect(notices).toEqual([]);
  });

  it('a whole account without an external ID is a warning (a notice), or a waiver', () => {
    expect(trust(role("    trustedAccounts:\n      - account: '444455556666'\n")).notices).toEqual([expect.stringMatching(/^Warning: the statement trusts account 444455556666 as a whole/)]);
    expect(trust(role("    trustedAccounts:\n      - account: '444455556666'\n        waiver: { reason: our own tooling account }\n")).notices).toEqual([expect.stringMatching(/our own tooling account$/)]);
  });

  it('sits next to trustedServices in one trust policy', () => {
    const { statements } = trust(role('    trustedServices:\n      - service: personalize\n    trustedFederation:\n      - githubActions: { repository: o/r, branch: main }\n'));
    expect(statements.map((statement) => statement.Action)).toEqual(['sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity']);
  });
});

describe('emit refuses federated trust another owner can satisfy (file:line:col)', () => {
  it('a raw trustPolicy without sub, with repo:*, with a negated subject', () => {
    const policy = (condition: string) =>
      role(`    trustPolicy:\n      Version: '2012-10-17'\n      Statement:\n        - Effect: Allow\n          Principal: { Federated: 'arn:aws:iam::{{account}}:oidc-provider/token.actions.githubusercontent.com' }\n          Action: sts:AssumeRoleWithWebIdentity\n${condition}`);
    expect(problemsOf(policy("          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': sts.amazonaws.com } }\n"))).toEqual([
      expect.stringMatching(/^federated-any-identity 9:11 the statement trusts GitHub Actions OIDC without token.actions.githubusercontent.com:sub/),
    ]);
    expect(problemsOf(policy("          Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } }\n"))).toEqual([expect.stringMatching(/^federated-any-identity .* matches a token of any organization/)]);
    expect(problemsOf(policy("          Condition: { StringNotEquals: { 'token.actions.githubusercontent.com:sub': 'repo:evil/x:*' } }\n"))).toEqual([expect.stringMatching(/^federated-any-identity .*StringNotEquals/)]);
  });

  it("a role's waiver (which concerns service principals) does not accept a federated trust another owner can satisfy", () => {
    const yaml = role(
      "    waiver: { reason: legacy service role without source keys }\n    trustPolicy:\n      Statement:\n        - Effect: Allow\n          Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }\n          Action: sts:AssumeRoleWithWebIdentity\n",
    );
    expect(problemsOf(yaml)).toEqual([expect.stringMatching(/^federated-any-identity 9:11 the statement trusts GitHub Actions OIDC without token.actions.githubusercontent.com:sub/)]);
  });

  it('an EKS trust with an audience and no subject', () => {
    const issuer = 'oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789';
    const yaml = role(`    trustPolicy:\n      Statement:\n        - Effect: Allow\n          Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/${issuer}' }\n          Action: sts:AssumeRoleWithWebIdentity\n          Condition: { StringEquals: { '${issuer}:aud': sts.amazonaws.com } }\n`);
    expect(problemsOf(yaml)).toEqual([expect.stringMatching(/^federated-any-identity .*a token for any service account in the cluster/)]);
  });

  it('a pinned raw trust is accepted; an organization-wide one gets a warning notice', () => {
    const policy = (sub: string, operator = 'StringEquals') =>
      role(
        `    trustPolicy:\n      Statement:\n        - Effect: Allow\n          Principal: { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' }\n          Action: sts:AssumeRoleWithWebIdentity\n          Condition:\n            ${operator}: { 'token.actions.githubusercontent.com:sub': '${sub}'${operator === 'StringEquals' ? ", 'token.actions.githubusercontent.com:aud': sts.amazonaws.com" : ''} }\n` +
          (operator === 'StringEquals' ? '' : "            StringEquals: { 'token.actions.githubusercontent.com:aud': sts.amazonaws.com }\n"),
      );
    expect(trust(policy('repo:o/r:ref:refs/heads/main')).notices).toEqual([]);
    expect(trust(policy('repo:o/*', 'StringLike')).notices).toEqual([expect.stringMatching(/^Warning: .*trusts every repository of one organization/)]);
  });

  it('a generic OIDC item with a wildcard subject and no audience is refused at its field', () => {
    expect(problemsOf(role("    trustedFederation:\n      - oidc: { issuer: https://idp.example.com, subject: '*' }\n"))).toEqual([
      expect.stringMatching(/^federated-any-identity 7:15 idp.example.com:sub "\*" matches any subject/),
      expect.stringMatching(/^federated-missing-audience 7:15 /),
    ]);
  });

  it('the schema refuses two GitHub scopes at once and a wildcard owner', () => {
    expect(problemsOf(role('    trustedFederation:\n      - githubActions: { repository: o/r, branch: main, environment: prod }\n')).length).toBeGreaterThan(0);
    expect(problemsOf(role("    trustedFederation:\n      - githubActions: { repository: '*/r' }\n")).length).toBeGreaterThan(0);
  });
});

describe('the judgement and subject scopes', () => {
  it('for a generic provider, a pinned audience holds an open subject (and a pinned subject an open audience)', () => {
    const facts = (clauses: TrustStatementFacts['clauses']): TrustStatementFacts => ({ federated: ['arn:aws:iam::123456789012:oidc-provider/idp.example.com'], aws: [], clauses, conditionsUnknown: false });
    const severities = (clauses: TrustStatementFacts['clauses']) => judgeTrustStatement(facts(clauses)).map((f) => `${f.kind}/${f.severity}`);
    expect(severities([{ operator: 'StringEquals', key: 'idp.example.com:aud', values: ['app'] }, { operator: 'StringLike', key: 'idp.example.com:sub', values: ['*'] }])).toEqual(['owner-wide/warning']);
    expect(severities([{ operator: 'StringEquals', key: 'idp.example.com:sub', values: ['user-1'] }, { operator: 'StringLike', key: 'idp.example.com:aud', values: ['*'] }])).toEqual(['any-identity/warning']);
    expect(severities([{ operator: 'StringLike', key: 'idp.example.com:aud', values: ['*'] }])).toEqual(['any-identity/error']);
  });

  const github = providerOfPrincipal('arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com')!;
  const eks = providerOfPrincipal('arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC123')!;

  it('reads the reach of subject patterns', () => {
    expect([github.kind, eks.kind]).toEqual(['github-actions', 'eks']);
    expect(['repo:o/r:ref:refs/heads/main', 'repo:o/r:*', 'repo:o/*', 'repo:*', 'repo:o*/r:*', '*', 'other:*'].map((value) => subjectScope(github, value))).toEqual(['one', 'one', 'group', 'any', 'any', 'any', 'any']);
    expect(['system:serviceaccount:ns:sa', 'system:serviceaccount:ns:*', 'system:serviceaccount:*'].map((value) => subjectScope(eks, value))).toEqual(['one', 'group', 'any']);
  });

  it('builds foreign and sibling subjects from the patterns', () => {
    expect(foreignOwnerSubject(github, ['repo:o/r:*'])).toBe('repo:deputy-foreign/app:ref:refs/heads/main');
    expect(foreignOwnerSubject(github, ['repo:o*/r:*'])).toBe('repo:odeputy-foreign/r:deputy-foreign');
    expect(siblingSubject(eks, ['system:serviceaccount:ns:*'])).toBe('system:serviceaccount:ns:deputy-sibling');
  });

  it('flags StringLike without a wildcard and set operators on single-valued claims as warnings', () => {
    const facts = (operator: string, value: string): TrustStatementFacts => ({
      federated: ['arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'],
      aws: [],
      clauses: [
        { operator: 'StringEquals', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] },
        { operator, key: 'token.actions.githubusercontent.com:sub', values: [value] },
      ],
      conditionsUnknown: false,
    });
    expect(judgeTrustStatement(facts('StringLike', 'repo:o/r:ref:refs/heads/main')).map((f) => [f.kind, f.severity])).toEqual([['operator-misuse', 'warning']]);
    expect(judgeTrustStatement(facts('ForAnyValue:StringLike', 'repo:o/r:*')).map((f) => [f.kind, f.severity])).toEqual([['operator-misuse', 'warning']]);
    expect(judgeTrustStatement(facts('ForAnyValue:StringLike', 'repo:*')).map((f) => [f.kind, f.severity])).toEqual([['any-identity', 'error'], ['operator-misuse', 'warning']]);
  });

  it('finds a federated provider behind an unreadable principal from its condition keys', () => {
    const findings = judgeTrustStatement({ federated: [undefined], aws: [], clauses: [{ operator: 'StringEquals', key: 'token.actions.githubusercontent.com:aud', values: ['sts.amazonaws.com'] }], conditionsUnknown: false });
    expect(findings.map((f) => f.kind)).toEqual(['any-identity']);
    expect(judgeTrustStatement({ federated: [undefined], aws: [], clauses: [], conditionsUnknown: false }).map((f) => f.kind)).toEqual(['any-identity']);
  });
});

describe('organization-wide service trust', () => {
  it('aws:SourceOrgID replaces aws:SourceAccount / aws:SourceArn where the catalog says the service sends it', () => {
    const { statements } = trust(role('    trustedServices:\n      - service: logs\n        sourceOrgId: o-abcdefghij\n'));
    expect(statements[0]!.Condition).toEqual({ StringEquals: { 'aws:SourceOrgID': 'o-abcdefghij' } });
  });

  it('is refused where the catalog records that the service does not send it', () => {
    expect(problemsOf(role('    trustedServices:\n      - service: config\n        sourceOrgId: o-abcdefghij\n'))).toEqual([expect.stringMatching(/^key-not-sent 8:22 AWS Config does not send aws:SourceOrgID/)]);
  });

  it('is added to the account keys where the catalog says nothing', () => {
    const { statements } = trust(role('    trustedServices:\n      - service: personalize\n        sourceOrgId: o-abcdefghij\n'));
    expect(statements[0]!.Condition).toMatchObject({ StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:SourceOrgID': 'o-abcdefghij' } });
  });
});
