/** The lint rules: stable ids, names, default severities and the text `--format sarif` and the docs show. */

/** How serious a finding is. `--severity` sets the threshold that makes the exit code 1; `note` is only reached by a per-rule setting in the lint config. */
export type Severity = 'error' | 'warning' | 'note';

/** Severities from most to least serious. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** One rule. */
export interface RuleDescriptor {
  /** Stable id, e.g. `DPT001`. */
  readonly id: string;
  /** Stable kebab-case name, e.g. `missing-confused-deputy-condition`. */
  readonly name: string;
  /** The severity of its findings unless a finding says otherwise. */
  readonly severity: Severity;
  /** One sentence: what the rule finds. */
  readonly summary: string;
  /** Why it matters and how to fix it. */
  readonly description: string;
}

/** Every rule, in id order. */
export const RULES: readonly RuleDescriptor[] = [
  {
    id: 'DPT001',
    name: 'missing-confused-deputy-condition',
    severity: 'error',
    summary: 'An Allow statement trusts an AWS service principal without any confused-deputy condition key.',
    description:
      'Without aws:SourceAccount / aws:SourceArn (or aws:SourceOrgID), the service can be made to use this role or resource on behalf of any AWS account: the cross-service confused deputy. Add the keys AWS documents for the service. Services for which AWS documents no key, service-linked roles and principals deputy does not know are exempt (see --verbose).',
  },
  {
    id: 'DPT002',
    name: 'incomplete-confused-deputy-condition',
    severity: 'warning',
    summary: 'A service principal is trusted with some, but not all, of the confused-deputy keys AWS documents for it.',
    description:
      'AWS documents both keys for most services: aws:SourceArn pins the calling resource, aws:SourceAccount the calling account. An S3 bucket ARN has no account field, so aws:SourceArn alone does not pin the account: that case is an error.',
  },
  {
    id: 'DPT003',
    name: 'exact-operator-with-wildcard',
    severity: 'error',
    summary: 'StringEquals / StringNotEquals (or a variant) compares a value containing * or ? literally.',
    description:
      'Exact string operators treat * and ? as ordinary characters, so an Allow condition never matches and a Deny condition on a negated operator always matches. Use StringLike / StringNotLike, or ArnLike / ArnNotLike for ARNs.',
  },
  {
    id: 'DPT004',
    name: 'source-account-mismatch',
    severity: 'error',
    summary: 'aws:SourceAccount and aws:SourceArn name different accounts.',
    description:
      'Both keys describe the same calling resource, so a request carries the same account in each. When they name different accounts the statement can never match (or matches only part of what was meant).',
  },
  {
    id: 'DPT005',
    name: 'source-arn-mismatch',
    severity: 'error',
    summary: 'aws:SourceArn names a different service (or Region) than the service principal it protects.',
    description:
      'The service sends the ARN of its own resource as aws:SourceArn. An ARN of another service, or of another Region than a regional principal, never matches, so the service is denied.',
  },
  {
    id: 'DPT006',
    name: 'malformed-arn-or-account',
    severity: 'error',
    summary: 'A confused-deputy value or an AWS principal is not a well-formed ARN or account ID.',
    description:
      'A malformed aws:SourceArn (missing fields, an extra colon, a placeholder left in) never matches; an account ID that is not 12 digits (often an unquoted YAML number that lost its leading zero) never matches either; IAM rejects a policy whose AWS principal is a malformed ARN.',
  },
  {
    id: 'DPT007',
    name: 'invalid-condition-operator',
    severity: 'error',
    summary: 'A condition operator IAM does not accept (ArnEqual, " ArnEquals", StringEqual…).',
    description: 'IAM rejects the policy, or the CloudFormation / Terraform deployment fails. Use the operator as AWS spells it.',
  },
  {
    id: 'DPT008',
    name: 'wildcard-service-principal',
    severity: 'error',
    summary: 'A service principal contains * or ?.',
    description: 'IAM does not match wildcards inside a service principal: list each principal by name.',
  },
  {
    id: 'DPT009',
    name: 'public-principal-without-condition',
    severity: 'error',
    summary: 'An Allow statement grants Principal "*" (or AWS "*") without any condition.',
    description: 'Anyone, in any account, is allowed. Name the principals that need access, or add a condition such as aws:PrincipalAccount or aws:PrincipalOrgID.',
  },
  {
    id: 'DPT010',
    name: 'invalid-suppression',
    severity: 'error',
    summary: 'A deputy:ignore suppression without a reason, or naming no known rule.',
    description: 'Every suppression must say why the finding is acceptable, e.g. `# deputy:ignore DPT001 the bucket only receives public datasets`. An invalid suppression suppresses nothing.',
  },
  {
    id: 'DPT011',
    name: 'negated-keys-in-one-deny',
    severity: 'warning',
    summary: 'A Deny statement negates aws:SourceArn together with another source key in one Condition.',
    description:
      'Conditions are ANDed: the Deny applies only when every negated key mismatches, so a request from the right account but a foreign resource is not denied. Write one Deny statement per key. (Negating organization and account keys together, the documented guardrail allow-list, is not flagged.)',
  },
  {
    id: 'DPT012',
    name: 'unresolved-template-placeholder',
    severity: 'warning',
    summary: 'A ${…} placeholder that is not an IAM policy variable is left in a raw JSON policy.',
    description:
      'IAM reads ${name} as a policy variable only for keys such as ${aws:username}; a template placeholder such as ${AccountId} left in the policy never matches. Substitute it before deploying.',
  },
  {
    id: 'DPT013',
    name: 'unparseable-embedded-policy',
    severity: 'error',
    summary: 'A policy written as JSON inside a Terraform string or heredoc, or a CloudFormation string, is not valid JSON.',
    description: 'AWS rejects the policy at deployment. Fix the JSON, or write the policy with jsonencode / an aws_iam_policy_document data source.',
  },
  {
    id: 'DPT014',
    name: 'another-account-gets-through',
    severity: 'error',
    summary: "The policy's conditions let the service act on behalf of another account or organization.",
    description:
      "deputy evaluates the policy as IAM does (every operator, …IfExists, negations, set operators, statements ORed, an explicit Deny closing a hole) for the call AWS's service makes for another account: its aws:SourceAccount, a resource ARN in that account, its organization. The condition keys are present but their values or operators admit that call, e.g. StringLike aws:SourceAccount \"*\", ArnLike aws:SourceArn \"arn:aws:sns:*:*:*\", a SourceArn in another account, or StringNotEquals in an Allow. This is the same judgement as deputy verify, emit and snippet.",
  },
  {
    id: 'DPT015',
    name: 'service-call-denied',
    severity: 'error',
    summary: "The policy denies the service's own, legitimate call.",
    description:
      "Evaluated as IAM does, the call the service makes for this account (the keys AWS documents that it sends here, with this account's values) is denied: a condition requires a value the service never sends, or compares it so that it never matches. The service then fails in production. Judged only where AWS documents the keys the service sends.",
  },
  {
    id: 'DPT016',
    name: 'weaker-than-documented',
    severity: 'warning',
    summary: 'A confused-deputy key is written but admits another account, resource or organization, or its absence.',
    description:
      'The call for another account is still denied (another key carries the protection), but one of the keys AWS documents does not do its part: StringLike aws:SourceAccount "*" next to a pinned aws:SourceArn, a SourceArn for any account, an …IfExists operator that lets a call without the key through. Pin every documented key to this account and its resources.',
  },
  {
    id: 'DPT017',
    name: 'federated-trust-any-identity',
    severity: 'error',
    summary: 'A federated (OIDC / SAML) trust that a token of another repository, organization, namespace or application satisfies.',
    description:
      'GitHub Actions, GitLab and an EKS cluster issue tokens to many tenants: without a …:sub condition, with a subject any owner matches (repo:*, system:serviceaccount:*), or with StringNotEquals on the subject in an Allow, a workflow of any repository in the world (any service account of the cluster) can assume the role. For Cognito and other OIDC providers the audience (client ID) pins the application. Pin the subject with StringEquals (StringLike only for a wildcard after the repository): repo:OWNER/REPO:ref:refs/heads/BRANCH, repo:OWNER/REPO:environment:NAME, system:serviceaccount:NAMESPACE:NAME. Same judgement as deputy emit and verify.',
  },
  {
    id: 'DPT018',
    name: 'federated-trust-organization-wide',
    severity: 'warning',
    summary: 'A federated trust whose subject matches every repository of an organization, project of a group, or service accounts by a name pattern.',
    description:
      'repo:OWNER/* (project_path:GROUP/*, system:serviceaccount:NAMESPACE:PREFIX-*) lets every repository of the owner assume the role, including ones created later and forks inside the organization. Name the repository, or suppress the finding with the reason the organization-wide trust is meant. (system:serviceaccount:NAMESPACE:* is DPT017: it includes the default service account every pod runs as.)',
  },
  {
    id: 'DPT019',
    name: 'federated-audience-missing',
    severity: 'warning',
    summary: 'A federated trust without the audience condition (…:aud, SAML:aud) AWS documents.',
    description:
      'AWS and GitHub document StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com, EKS documents <issuer>:aud = sts.amazonaws.com, SAML trusts SAML:aud. For a generic OIDC provider with no pinned subject the audience is the only pin, and its absence is an error.',
  },
  {
    id: 'DPT020',
    name: 'federated-claim-operator',
    severity: 'warning',
    summary: 'StringLike on a claim value without a wildcard, or ForAnyValue: / ForAllValues: on a single-valued claim.',
    description:
      'AWS documents StringEquals for exact subjects and audiences, StringLike only when the value has a wildcard. sub and aud are single-valued: a set operator adds nothing, and ForAllValues: also holds when the claim is absent.',
  },
  {
    id: 'DPT021',
    name: 'cross-account-root-trust',
    severity: 'warning',
    summary: 'An account trusted as a whole (its root) without sts:ExternalId, aws:PrincipalOrgID / aws:PrincipalOrgPaths or aws:PrincipalArn.',
    description:
      'Every principal the other account allows can assume the role; when that account is a third party acting for several customers, the role is open to the confused deputy unless it requires the external ID agreed with you. Add StringEquals sts:ExternalId, an organization condition, or name the role ARNs; suppress with the reason for an account you own.',
  },
  {
    id: 'DPT022',
    name: 'unknown-service-principal',
    severity: 'note',
    summary: "A service principal deputy's catalog does not know is trusted without any confused-deputy condition.",
    description:
      "Which confused-deputy keys the service sends is not in the catalog, so deputy cannot say what to require (deputy services lists what it knows). If AWS documents aws:SourceAccount / aws:SourceArn for it, add them; if AWS documents none, suppress with the reason. A note: it does not fail the run unless --severity note.",
  },
];

/** The rule with this id. */
export function ruleById(id: string): RuleDescriptor {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`invariant: unknown rule ${id}`);
  return rule;
}

/** Every rule by id (asked once per finding). */
const RULES_BY_ID: ReadonlyMap<string, RuleDescriptor> = new Map(RULES.map((rule) => [rule.id, rule]));

/** True when `id` names a rule. */
export function isRuleId(id: string): boolean {
  return RULES_BY_ID.has(id);
}

/** True when `severity` is at least as serious as `threshold`. */
export function meetsThreshold(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
