/**
 * Federated and cross-account scenarios through the evaluator: a token for another repository, organization
 * or service account is denied, the intended one allowed; and `verify` fails exactly where policy-model's
 * judgement (what `emit` refuses and `lint` reports as an error) finds another owner getting through.
 */
import { describe, expect, test } from 'vitest';
import type { LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { judgeTrustStatement, listOf } from '@deputy/policy-model';
import { verifyFederatedTrust } from '../src/scenarios/federated-scenarios.js';
import { formatPolicyVerification } from '../src/scenarios/format-verification.js';
import { verifyTrustPolicy } from '../src/scenarios/verify-policy.js';

const GITHUB = 'token.actions.githubusercontent.com';
const EKS = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const ENVIRONMENT = { account: '111122223333', region: 'us-east-1', partition: 'aws' } as const;

function trust(federated: string, condition?: Statement<string>['Condition'], action = 'sts:AssumeRoleWithWebIdentity'): LiteralPolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: federated }, Action: action, ...(condition ? { Condition: condition } : {}) }] };
}

const github = (condition?: Statement<string>['Condition']) => trust(`arn:aws:iam::111122223333:oidc-provider/${GITHUB}`, condition);
const eks = (condition?: Statement<string>['Condition']) => trust(`arn:aws:iam::111122223333:oidc-provider/${EKS}`, condition);

function outcomes(document: LiteralPolicyDocument): string[] {
  return verifyFederatedTrust(document).flatMap((item) => item.scenarios.map((scenario) => `${scenario.scenario}:${scenario.actual}:${scenario.pass ? 'pass' : scenario.advisory ? 'warn' : 'FAIL'}`));
}

/** What policy-model's judgement says of the document: does another owner get through (an error)? */
function judgedError(document: LiteralPolicyDocument): boolean {
  const [statement] = document.Statement as Statement<string>[];
  const principal = statement!.Principal as Record<string, string>;
  return judgeTrustStatement({
    federated: listOf(principal['Federated']),
    aws: listOf(principal['AWS']),
    clauses: Object.entries(statement!.Condition ?? {}).flatMap(([operator, keys]) => Object.entries(keys).map(([key, values]) => ({ operator, key, values: listOf(values).map(String) }))),
    conditionsUnknown: false,
  }).some((finding) => finding.severity === 'error');
}

describe('GitHub Actions', () => {
  test('pinned to one branch: the intended token is allowed, another repository and another organization denied', () => {
    expect(outcomes(github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:octo-org/octo-repo:ref:refs/heads/main' } }))).toEqual([
      'intended-identity:Allow:pass',
      'foreign-owner:ImplicitDeny:pass',
      'foreign-audience:ImplicitDeny:pass',
    ]);
  });

  test('without sub, a token of any repository gets through: FAIL', () => {
    const [result] = verifyFederatedTrust(github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } }));
    expect(result!.passed).toBe(false);
    expect(result!.scenarios.find((scenario) => scenario.scenario === 'foreign-owner')).toMatchObject({ actual: 'Allow', pass: false, description: 'a token for repo:deputy-foreign/app:ref:refs/heads/main' });
  });

  test('repo:* and a wildcard owner fail; repo:org/* passes with an advisory sibling', () => {
    expect(outcomes(github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:*' } }))).toContain('foreign-owner:Allow:FAIL');
    expect(outcomes(github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-*/deploy:*' } }))).toContain('foreign-owner:Allow:FAIL');
    const wide = github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:octo-org/*' } });
    expect(outcomes(wide)).toEqual(['intended-identity:Allow:pass', 'foreign-owner:ImplicitDeny:pass', 'sibling-identity:Allow:warn', 'foreign-audience:ImplicitDeny:pass']);
    expect(verifyFederatedTrust(wide)[0]!.passed).toBe(true);
  });

  test('a negated subject in an Allow lets another organization through', () => {
    expect(outcomes(github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringNotEquals: { [`${GITHUB}:sub`]: 'repo:evil/x:ref:refs/heads/main' } }))).toContain('foreign-owner:Allow:FAIL');
  });
});

describe('EKS IRSA', () => {
  test('one service account: allowed; a service account of another namespace: denied', () => {
    expect(outcomes(eks({ StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:payments:api', [`${EKS}:aud`]: 'sts.amazonaws.com' } }))).toEqual([
      'intended-identity:Allow:pass',
      'foreign-owner:ImplicitDeny:pass',
      'foreign-audience:ImplicitDeny:pass',
    ]);
  });

  test("every service account of a namespace: the namespace's default service account gets through", () => {
    expect(outcomes(eks({ StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:payments:*' } }))).toContain('sibling-identity:Allow:FAIL');
    expect(outcomes(eks({ StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:payments:api-*' } }))).toContain('sibling-identity:Allow:warn');
  });

  test('an audience but no subject: any service account of the cluster gets through', () => {
    expect(outcomes(eks({ StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' } }))).toContain('foreign-owner:Allow:FAIL');
  });
});

describe('cross-account and SAML', () => {
  test('an account root without sts:ExternalId is advisory; with it the call without the ID is denied', () => {
    const root = (condition?: Statement<string>['Condition']): LiteralPolicyDocument => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });
    expect(outcomes(root())).toEqual(['without-external-id:Allow:warn']);
    expect(outcomes(root({ StringEquals: { 'sts:ExternalId': 'partner-7' } }))).toEqual(['without-external-id:ImplicitDeny:pass']);
  });

  test('SAML: another application of the IdP is denied by SAML:aud', () => {
    expect(outcomes(trust('arn:aws:iam::111122223333:saml-provider/Okta', { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRoleWithSAML'))).toEqual(['intended-identity:Allow:pass', 'foreign-owner:ImplicitDeny:pass']);
  });
});

describe('verify agrees with the judgement emit and lint use', () => {
  const cases: [string, LiteralPolicyDocument][] = [
    ['github pinned', github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', [`${GITHUB}:sub`]: 'repo:o/r:ref:refs/heads/main' } })],
    ['github any ref', github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:o/r:*' } })],
    ['github org-wide', github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB}:sub`]: 'repo:o/*' } })],
    ['github no sub', github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } })],
    ['github no condition', github()],
    ['github repo:*', github({ StringLike: { [`${GITHUB}:sub`]: 'repo:*' } })],
    ['github owner wildcard', github({ StringLike: { [`${GITHUB}:sub`]: 'repo:o?/r:*' } })],
    ['github ForAnyValue widening', github({ 'ForAnyValue:StringLike': { [`${GITHUB}:sub`]: ['repo:o/r:*', 'repo:*'] } })],
    ['github ForAllValues pinned', github({ 'ForAllValues:StringEquals': { [`${GITHUB}:sub`]: 'repo:o/r:ref:refs/heads/main' } })],
    ['github negated', github({ StringNotLike: { [`${GITHUB}:sub`]: 'repo:evil/*' } })],
    ['github no aud', github({ StringEquals: { [`${GITHUB}:sub`]: 'repo:o/r:ref:refs/heads/main' } })],
    ['eks pinned', eks({ StringEquals: { [`${EKS}:sub`]: 'system:serviceaccount:ns:sa' } })],
    ['eks every service account of a namespace', eks({ StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:ns:*' } })],
    ['eks service-account name pattern', eks({ StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:ns:emr-containers-sa-*' } })],
    ['eks any namespace', eks({ StringLike: { [`${EKS}:sub`]: 'system:serviceaccount:*:sa' } })],
    ['eks no sub', eks({ StringEquals: { [`${EKS}:aud`]: 'sts.amazonaws.com' } })],
    ['cognito pinned', trust('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:pool' } })],
    ['cognito open', trust('cognito-identity.amazonaws.com', { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } })],
    ['generic aud pinned, sub *', trust('arn:aws:iam::111122223333:oidc-provider/idp.example.com', { StringEquals: { 'idp.example.com:aud': 'app' }, StringLike: { 'idp.example.com:sub': '*' } })],
    ['generic sub *', trust('arn:aws:iam::111122223333:oidc-provider/idp.example.com', { StringLike: { 'idp.example.com:sub': '*' } })],
    ['saml open', trust('arn:aws:iam::111122223333:saml-provider/Okta', undefined, 'sts:AssumeRoleWithSAML')],
  ];
  test.each(cases)('%s', (_name, document) => {
    const failed = verifyFederatedTrust(document).some((item) => !item.passed);
    expect(failed).toBe(judgedError(document));
  });

  test('verifyTrustPolicy includes federated principals in its verdict and its text', () => {
    const verification = verifyTrustPolicy(github({ StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com' } }), ENVIRONMENT);
    expect(verification.passed).toBe(false);
    const text = formatPolicyVerification(verification);
    expect(text).toContain('foreign-owner');
    expect(text).toContain('0 of 1 federated or cross-account principals proven, 1 FAILED');
  });
});
