/**
 * The JSON Schema of `trustedFederation` and `trustedAccounts` (see `federated-trust.ts` for the fields).
 * Shapes only; what a trust lets through is judged by the normaliser with `judgeTrustStatement`.
 */

const text = { type: 'string', minLength: 1 } as const;
const providerArn = { type: 'string', pattern: '^arn:[^:]+:iam::[^:]*:oidc-provider/.+|\\{\\{', description: 'The IAM OIDC provider ARN, when it is not arn:{partition}:iam::{account}:oidc-provider/<issuer>.' } as const;

const githubActions = {
  type: 'object',
  description: 'Workflows of one GitHub repository (GitHub Actions OIDC).',
  additionalProperties: false,
  required: ['repository'],
  properties: {
    repository: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.*?-]+$', description: 'OWNER/REPO; the owner is literal; OWNER/* trusts every repository of the owner (a warning).' },
    branch: { ...text, description: 'Only workflows running on this branch (ref:refs/heads/BRANCH); may contain *.' },
    tag: { ...text, description: 'Only workflows running for this tag (ref:refs/tags/TAG); may contain *.' },
    environment: { ...text, description: 'Only jobs that use this deployment environment (environment:NAME).' },
    pullRequest: { const: true, description: 'Only workflows triggered by pull requests (pull_request).' },
    audience: { ...text, description: 'The audience (aud); default sts.amazonaws.com.' },
    issuer: { type: 'string', pattern: '^token\\.actions\\.githubusercontent\\.com(/[A-Za-z0-9_.-]+)?$', description: 'The issuer host; default token.actions.githubusercontent.com (GitHub Enterprise Cloud: …/ENTERPRISE).' },
    providerArn,
  },
  not: { anyOf: [{ required: ['branch', 'tag'] }, { required: ['branch', 'environment'] }, { required: ['tag', 'environment'] }, { required: ['pullRequest', 'branch'] }, { required: ['pullRequest', 'tag'] }, { required: ['pullRequest', 'environment'] }] },
} as const;

const gitlab = {
  type: 'object',
  description: 'Pipelines of one GitLab project.',
  additionalProperties: false,
  required: ['project'],
  properties: {
    project: { type: 'string', pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.*?-]+)+$', description: 'GROUP/PROJECT (nested groups allowed); GROUP/* trusts every project of the group (a warning).' },
    ref: { ...text, description: 'Only pipelines for this ref (branch or tag name); may contain *.' },
    refType: { enum: ['branch', 'tag'], description: 'The kind of ref: branch (default) or tag.' },
    issuer: { type: 'string', pattern: '^(https://)?[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+)*$', description: 'The issuer host; default gitlab.com.' },
    audience: { ...text, description: "The audience configured in the job's id_tokens; default https://<issuer>." },
    providerArn,
  },
} as const;

const eksServiceAccount = {
  type: 'object',
  description: 'One Kubernetes service account of an EKS cluster (IRSA).',
  additionalProperties: false,
  required: ['issuer', 'namespace', 'serviceAccount'],
  properties: {
    issuer: { type: 'string', pattern: '^(https://)?oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/id/[A-Za-z0-9]+$', description: "The cluster's OIDC issuer URL (aws eks describe-cluster --query cluster.identity.oidc.issuer)." },
    namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', description: 'The Kubernetes namespace (literal).' },
    serviceAccount: { type: 'string', pattern: '^(\\*|[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$', description: 'The service account name; * trusts every service account of the namespace (a warning).' },
    audience: { ...text, description: 'The audience; default sts.amazonaws.com.' },
    providerArn,
  },
} as const;

const oidc = {
  type: 'object',
  description: 'Any other OpenID Connect provider, with the claims a token must carry.',
  additionalProperties: false,
  required: ['issuer'],
  anyOf: [{ required: ['audience'] }, { required: ['subject'] }],
  properties: {
    issuer: { type: 'string', pattern: '^(https://)?[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9_.-]+)*$', description: 'The issuer URL or host, or a well-known provider (accounts.google.com, cognito-identity.amazonaws.com).' },
    audience: { ...text, description: 'The audience (client ID, identity pool ID) the token must carry.' },
    subject: { ...text, description: 'The subject the token must carry (exact, or a pattern with *).' },
    providerArn,
  },
} as const;

const saml = {
  type: 'object',
  description: 'A SAML 2.0 identity provider registered in IAM.',
  additionalProperties: false,
  required: ['provider'],
  properties: {
    provider: { type: 'string', pattern: '^[\\w.-]{1,128}$', description: "The provider's name in IAM." },
    audience: { ...text, description: 'SAML:aud; default https://signin.aws.amazon.com/saml.' },
    tagSession: { type: 'boolean', description: 'Also allow sts:TagSession.' },
  },
} as const;

/** The schema of one `trustedFederation` item: exactly one provider. */
export const TRUSTED_FEDERATION_SCHEMA = {
  type: 'object',
  description: 'One federated identity trusted by the role: exactly one of githubActions, gitlab, eksServiceAccount, oidc, saml.',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { githubActions, gitlab, eksServiceAccount, oidc, saml },
} as const;

/** The schema of one `trustedAccounts` item. */
export const TRUSTED_ACCOUNT_SCHEMA = {
  type: 'object',
  description: 'Another AWS account, or some of its roles, trusted by the role.',
  additionalProperties: false,
  oneOf: [{ required: ['account'] }, { required: ['roleArns'] }],
  properties: {
    account: { type: 'string', pattern: '^(\\d{12}|\\{\\{\\s*\\w+\\s*\\}\\})$', description: 'A 12-digit account ID: every principal that account allows may assume the role.' },
    roleArns: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^arn:[^:]+:(iam|sts)::[^:]+:(role|user|assumed-role)/.+|\\{\\{' }, description: 'Role (or user) ARNs that may assume the role, instead of a whole account.' },
    externalId: { type: 'string', pattern: '^[\\w+=,.@:/-]{2,1224}$', description: 'The external ID a third party must pass (sts:ExternalId).' },
    principalOrgId: { type: 'string', pattern: '^o-[a-z0-9]{10,32}$', description: 'Only principals of this organization (aws:PrincipalOrgID).' },
    principalOrgPaths: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Only principals under these organization paths (aws:PrincipalOrgPaths).' },
    tagSession: { type: 'boolean', description: 'Also allow sts:TagSession and sts:SetSourceIdentity.' },
    waiver: {
      type: 'object',
      additionalProperties: false,
      required: ['reason'],
      description: 'A reason to trust a whole account without an external ID or organization condition.',
      properties: { reason: { type: 'string', minLength: 10, description: 'Why; printed in the output.' } },
    },
  },
} as const;
