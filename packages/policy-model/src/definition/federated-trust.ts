/**
 * Definition fields for trust beyond service principals: OIDC and SAML federation (`trustedFederation`)
 * and other AWS accounts (`trustedAccounts`). `federated-trust-schema.ts` is their JSON Schema.
 */

/** One federated identity trusted by a role: exactly one of the fields. */
export interface TrustedFederationDefinition {
  /** Workflows of one GitHub repository (GitHub Actions OIDC, `token.actions.githubusercontent.com`). */
  readonly githubActions?: GitHubActionsTrust;
  /** Pipelines of one GitLab project (gitlab.com or a self-managed instance). */
  readonly gitlab?: GitLabTrust;
  /** One Kubernetes service account of an EKS cluster (IAM roles for service accounts, IRSA). */
  readonly eksServiceAccount?: EksServiceAccountTrust;
  /** Any other OpenID Connect provider, with the claims a token must carry. */
  readonly oidc?: OidcTrust;
  /** A SAML 2.0 identity provider registered in IAM. */
  readonly saml?: SamlTrust;
}

/** GitHub Actions: the subject `repo:OWNER/REPO:…` AWS and GitHub document. */
export interface GitHubActionsTrust {
  /** `OWNER/REPO`. The owner is always literal; `OWNER/*` trusts every repository of the owner (a warning). */
  readonly repository: string;
  /** Only workflows running on this branch (`ref:refs/heads/BRANCH`); may contain `*`. */
  readonly branch?: string;
  /** Only workflows running for this tag (`ref:refs/tags/TAG`); may contain `*`. */
  readonly tag?: string;
  /** Only jobs that use this deployment environment (`environment:NAME`). */
  readonly environment?: string;
  /** Only workflows triggered by pull requests (`pull_request`). */
  readonly pullRequest?: boolean;
  /** The audience (`aud`); default `sts.amazonaws.com`, what aws-actions/configure-aws-credentials requests. */
  readonly audience?: string;
  /** The issuer host; default `token.actions.githubusercontent.com` (GitHub Enterprise Cloud: `…/ENTERPRISE`). */
  readonly issuer?: string;
  /** The IAM OIDC provider ARN, when it is not `arn:{partition}:iam::{account}:oidc-provider/<issuer>`. */
  readonly providerArn?: string;
}

/** GitLab CI/CD: the subject `project_path:GROUP/PROJECT:ref_type:TYPE:ref:REF`. */
export interface GitLabTrust {
  /** `GROUP/PROJECT` (nested groups allowed). `GROUP/*` trusts every project of the group (a warning). */
  readonly project: string;
  /** Only pipelines for this ref (branch or tag name); may contain `*`. */
  readonly ref?: string;
  /** The kind of {@link ref}: `branch` (default) or `tag`. */
  readonly refType?: 'branch' | 'tag';
  /** The issuer host; default `gitlab.com`; a self-managed instance's host, e.g. `gitlab.example.com`. */
  readonly issuer?: string;
  /** The audience (`aud`) configured in the job's `id_tokens`; default `https://<issuer>`. */
  readonly audience?: string;
  /** The IAM OIDC provider ARN, when it is not `arn:{partition}:iam::{account}:oidc-provider/<issuer>`. */
  readonly providerArn?: string;
}

/** EKS IRSA: the subject `system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT`. */
export interface EksServiceAccountTrust {
  /** The cluster's OIDC issuer, e.g. `https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE`. */
  readonly issuer: string;
  /** The Kubernetes namespace (literal). */
  readonly namespace: string;
  /** The service account name; `*` trusts every service account of the namespace (a warning). */
  readonly serviceAccount: string;
  /** The audience; default `sts.amazonaws.com`. */
  readonly audience?: string;
  /** The IAM OIDC provider ARN, when it is not `arn:{partition}:iam::{account}:oidc-provider/<issuer>`. */
  readonly providerArn?: string;
}

/** A generic OpenID Connect provider. */
export interface OidcTrust {
  /** The issuer URL or host, e.g. `https://accounts.example.com`, or a well-known provider (`accounts.google.com`). */
  readonly issuer: string;
  /** The audience (client ID) the token must carry. */
  readonly audience?: string;
  /** The subject the token must carry (exact, or a pattern with `*`). */
  readonly subject?: string;
  /** The IAM OIDC provider ARN, when it is not `arn:{partition}:iam::{account}:oidc-provider/<issuer>`. */
  readonly providerArn?: string;
}

/** A SAML provider registered in IAM. */
export interface SamlTrust {
  /** The provider's name in IAM (`arn:{partition}:iam::{account}:saml-provider/NAME`). */
  readonly provider: string;
  /** `SAML:aud`; default `https://signin.aws.amazon.com/saml` (console sign-in). */
  readonly audience?: string;
  /** Also allow `sts:TagSession` (session tags passed as SAML attributes). */
  readonly tagSession?: boolean;
}

/** Another AWS account (or some of its roles) trusted by a role. */
export interface TrustedAccountDefinition {
  /** A 12-digit account ID: every principal that account allows may assume the role. */
  readonly account?: string;
  /** Role (or user) ARNs that may assume the role, instead of a whole account. */
  readonly roleArns?: readonly string[];
  /** The external ID a third party must pass (`sts:ExternalId`, StringEquals). */
  readonly externalId?: string;
  /** Only principals of this organization (`aws:PrincipalOrgID`). */
  readonly principalOrgId?: string;
  /** Only principals under these organization paths (`aws:PrincipalOrgPaths`, ForAnyValue:StringLike). */
  readonly principalOrgPaths?: readonly string[];
  /** Also allow `sts:TagSession` and `sts:SetSourceIdentity`. */
  readonly tagSession?: boolean;
  /** A reason to trust a whole account with no external ID or organization condition (otherwise a warning). */
  readonly waiver?: { readonly reason: string };
}
