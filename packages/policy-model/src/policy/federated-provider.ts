/**
 * Which identity provider a `Federated` principal names, which claim keys pin an identity there, and how
 * far a subject pattern reaches (one repository / service account, one organization / namespace, anyone).
 * Shared by `emit` (normalisation), `lint` and `verify`, so that the three read a federated trust alike.
 *
 * Sources: GitHub "Configuring OpenID Connect in Amazon Web Services"
 * (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services),
 * IAM "Create a role for OpenID Connect federation" (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html),
 * EKS "Assign IAM roles to Kubernetes service accounts" (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html).
 */

/** The kinds of federated identity provider deputy tells apart. */
export type FederatedProviderKind = 'github-actions' | 'gitlab' | 'eks' | 'cognito' | 'oidc' | 'saml';

/** A federated principal, read. */
export interface FederatedProvider {
  /** The kind of provider. */
  readonly kind: FederatedProviderKind;
  /**
   * The prefix of its condition keys: the OIDC issuer without `https://` (`token.actions.githubusercontent.com`,
   * `oidc.eks.us-east-1.amazonaws.com/id/ABC`), `cognito-identity.amazonaws.com`, or `SAML` for SAML providers.
   */
  readonly keyPrefix: string;
}

/** GitHub's OIDC issuer (GitHub Enterprise Cloud with a unique issuer adds `/<enterprise>`). */
export const GITHUB_ACTIONS_ISSUER = 'token.actions.githubusercontent.com';
/** GitLab.com's OIDC issuer. */
export const GITLAB_COM_ISSUER = 'gitlab.com';
/** The audience AWS documents for GitHub Actions and EKS IRSA tokens. */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The `SAML:aud` value AWS documents for console sign-in through SAML. */
export const SAML_SIGNIN_AUDIENCE = 'https://signin.aws.amazon.com/saml';

const EKS_ISSUER = /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/id\/[A-Za-z0-9]+$/;
const OIDC_PROVIDER_ARN = /^arn:[^:]*:iam::[^:]*:oidc-provider\/(.+)$/;
const SAML_PROVIDER_ARN = /^arn:[^:]*:iam::[^:]*:saml-provider\/.+$/;

/** The provider an issuer (without `https://`) belongs to. */
export function providerOfIssuer(issuer: string): FederatedProvider {
  const prefix = issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
  if (prefix.includes('${')) return { kind: kindOfReference(prefix), keyPrefix: prefix };
  if (prefix === GITHUB_ACTIONS_ISSUER || prefix.startsWith(`${GITHUB_ACTIONS_ISSUER}/`)) return { kind: 'github-actions', keyPrefix: prefix };
  if (prefix === GITLAB_COM_ISSUER) return { kind: 'gitlab', keyPrefix: prefix };
  if (EKS_ISSUER.test(prefix)) return { kind: 'eks', keyPrefix: prefix };
  if (prefix === 'cognito-identity.amazonaws.com') return { kind: 'cognito', keyPrefix: prefix };
  return { kind: 'oidc', keyPrefix: prefix };
}

/**
 * The kind of a provider known only by a Terraform reference (`${module.eks.oidc_provider}`,
 * `${aws_iam_openid_connect_provider.github.url}`): read from the names in it, generic when they say nothing.
 */
function kindOfReference(reference: string): FederatedProviderKind {
  if (/eks|irsa|cluster/i.test(reference)) return 'eks';
  if (/github/i.test(reference)) return 'github-actions';
  if (/gitlab/i.test(reference)) return 'gitlab';
  return 'oidc';
}

/**
 * The provider a `Federated` principal value names: an OIDC or SAML provider ARN, or a well-known web
 * identity provider (`cognito-identity.amazonaws.com`, `accounts.google.com`, `graph.facebook.com`,
 * `www.amazon.com`). Undefined for text that is none of these.
 */
export function providerOfPrincipal(principal: string): FederatedProvider | undefined {
  const oidc = OIDC_PROVIDER_ARN.exec(principal);
  if (oidc) return providerOfIssuer(oidc[1]!);
  if (SAML_PROVIDER_ARN.test(principal)) return { kind: 'saml', keyPrefix: 'SAML' };
  if (/^[a-z0-9.-]+\.[a-z]+$/i.test(principal)) return providerOfIssuer(principal);
  return undefined;
}

/**
 * The provider named by the condition keys of a statement whose principal is not literal (a Terraform
 * reference, a `!GetAtt`): the prefix of its `…:sub` / `…:aud` keys, or SAML for `SAML:` keys.
 */
export function providerOfKeys(keys: readonly string[]): FederatedProvider | undefined {
  if (keys.some((key) => /^saml:/i.test(key))) return { kind: 'saml', keyPrefix: 'SAML' };
  const claimKey = keys.find((key) => /:(sub|aud|amr)$/i.test(key) && !/^aws:/i.test(key));
  return claimKey === undefined ? undefined : providerOfIssuer(claimKey.slice(0, claimKey.lastIndexOf(':')));
}

/** The claim that names the identity (`sub`), and the claim that names the intended audience. */
export function claimKeys(provider: FederatedProvider): { readonly subject: string; readonly audience: string } {
  if (provider.kind === 'saml') return { subject: 'SAML:sub', audience: 'SAML:aud' };
  return { subject: `${provider.keyPrefix}:sub`, audience: `${provider.keyPrefix}:aud` };
}

/** The action a trust for this provider allows. */
export function federatedAction(provider: FederatedProvider): string {
  return provider.kind === 'saml' ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity';
}

/**
 * Whether the provider is shared by many tenants, so that the subject must be pinned (GitHub, GitLab, an EKS
 * cluster's service accounts), or the audience alone pins the application (Cognito identity pools, other
 * OIDC providers, SAML).
 */
export function subjectRequired(provider: FederatedProvider): boolean {
  return provider.kind === 'github-actions' || provider.kind === 'gitlab' || provider.kind === 'eks';
}

/**
 * How far a subject value reaches: `one` identity (one repository, project or service account, any ref of
 * it included), a `group` of one owner (an organization's repositories, a namespace's service accounts), or
 * `any` owner (another organization, another namespace).
 */
export type SubjectScope = 'one' | 'group' | 'any';

/** The reach of a subject value under a pattern operator (`*` and `?` are wildcards). */
export function subjectScope(provider: FederatedProvider, value: string): SubjectScope {
  if (!hasWildcard(value)) return 'one';
  if (/^[*?]*$/.test(value)) return 'any';
  const shape = SUBJECT_SHAPES[provider.kind];
  const match = shape?.exec(value);
  if (!shape) return 'group';
  if (!match) return 'any';
  const [, owner = '', name = ''] = match;
  if (hasWildcard(owner)) return 'any';
  return hasWildcard(name) ? 'group' : 'one';
}

/** `owner` / `name` segments of each provider's subject; a value that does not have the shape reaches anyone. */
const SUBJECT_SHAPES: { readonly [kind in FederatedProviderKind]?: RegExp } = {
  'github-actions': /^repo:([^/:]*)\/?([^:]*)/,
  gitlab: /^project_path:([^/:]*)\/?([^:]*)/,
  eks: /^system:serviceaccount:([^:]*):?(.*)$/,
};

/**
 * True for a subject that matches every service account of a namespace (`system:serviceaccount:NS:*`): that
 * includes the namespace's `default` service account, which every pod that names none runs as, so any pod
 * of the namespace can assume the role. Such a group is judged like another owner (an error); a name
 * pattern with a literal part (`emr-containers-sa-*`, as EMR on EKS documents) stays a group (a warning).
 */
export function matchesEveryServiceAccount(provider: FederatedProvider, value: string): boolean {
  if (provider.kind !== 'eks') return false;
  const match = SUBJECT_SHAPES.eks!.exec(value);
  return match !== null && !hasWildcard(match[1] ?? '') && /^[*?]+$/.test(match[2] ?? '');
}

/** What a subject value says in words, for messages: `repository octo-org/octo-repo`, `service account ns/sa`. */
export function subjectLabel(provider: FederatedProvider): { readonly one: string; readonly group: string; readonly owner: string } {
  switch (provider.kind) {
    case 'github-actions':
      return { one: 'repository', group: 'organization', owner: 'organization or user' };
    case 'gitlab':
      return { one: 'project', group: 'group', owner: 'group' };
    case 'eks':
      return { one: 'service account', group: 'namespace', owner: 'namespace' };
    default:
      return { one: 'identity', group: 'set of identities', owner: 'identity' };
  }
}

/** A subject the intended workload presents, matching `pattern` (wildcards filled in). */
export function intendedSubject(provider: FederatedProvider, pattern: string | undefined): string {
  if (pattern !== undefined) return fill(pattern, 'main');
  return DEFAULT_SUBJECTS[provider.kind].intended;
}

/**
 * A subject of another owner (another organization, group or namespace), built to match as many of the
 * written patterns as the wildcards allow: when a pattern's owner has a wildcard, the wildcard is filled so
 * that the owner differs; else a fixed subject of a foreign owner.
 */
export function foreignOwnerSubject(provider: FederatedProvider, patterns: readonly string[]): string {
  const open = patterns.find((pattern) => subjectScope(provider, pattern) === 'any');
  return open !== undefined ? fill(open, 'deputy-foreign') : DEFAULT_SUBJECTS[provider.kind].foreign;
}

/** A subject of the same owner but another repository / service account, matching a `group` pattern when there is one. */
export function siblingSubject(provider: FederatedProvider, patterns: readonly string[]): string | undefined {
  const group = patterns.find((pattern) => subjectScope(provider, pattern) === 'group');
  return group !== undefined ? fill(group, 'deputy-sibling') : undefined;
}

const DEFAULT_SUBJECTS: { readonly [kind in FederatedProviderKind]: { readonly intended: string; readonly foreign: string } } = {
  'github-actions': { intended: 'repo:deputy-verify/app:ref:refs/heads/main', foreign: 'repo:deputy-foreign/app:ref:refs/heads/main' },
  gitlab: { intended: 'project_path:deputy-verify/app:ref_type:branch:ref:main', foreign: 'project_path:deputy-foreign/app:ref_type:branch:ref:main' },
  eks: { intended: 'system:serviceaccount:deputy-verify:app', foreign: 'system:serviceaccount:deputy-foreign:app' },
  cognito: { intended: 'us-east-1:00000000-0000-0000-0000-000000000001', foreign: 'us-east-1:00000000-0000-0000-0000-0000000000ff' },
  oidc: { intended: 'deputy-verify-subject', foreign: 'deputy-foreign-subject' },
  saml: { intended: 'deputy-verify-subject', foreign: 'deputy-foreign-subject' },
};

/** True when the value has an IAM wildcard. */
export function hasWildcard(value: string): boolean {
  return /[*?]/.test(value);
}

function fill(pattern: string, text: string): string {
  return pattern.replace(/\*/g, text).replace(/\?/g, 'x');
}
