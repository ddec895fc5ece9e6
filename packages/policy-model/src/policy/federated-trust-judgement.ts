/**
 * The judgement of one Allow statement that trusts a federated identity (OIDC, SAML) or another account:
 * can a token for another repository, organization, namespace or service account satisfy it, and is the
 * trust weaker than the provider documents? `emit` refuses what this rejects (errors), `lint` reports it in
 * the file's syntax, and `verify`'s federated scenarios (built on the evaluator) agree by construction:
 * an error here is exactly a statement that lets the "foreign owner" token through.
 *
 * Decisions (documented in the README, "Trust beyond service principals"):
 * - GitHub Actions, GitLab and EKS issue tokens to many tenants: a missing `…:sub`, a subject any owner
 *   matches (`repo:*`, `repo:*​/app`, `system:serviceaccount:*`), or a negated subject operator in an Allow
 *   is an error, and so is `system:serviceaccount:NS:*` (it includes the namespace's `default` service
 *   account, so any pod of the namespace); a subject that matches every repository of one organization
 *   (`repo:org/*`), every project of a group, or service accounts by a name pattern (`NS:emr-containers-sa-*`)
 *   is a warning (an organization-wide trust, sometimes meant).
 * - Cognito and other OIDC providers: the audience pins the application; neither `…:aud` nor `…:sub` is
 *   an error; a missing audience next to a pinned subject is a warning. SAML: a missing `SAML:aud` is a warning.
 * - A missing audience on GitHub / GitLab / EKS is a warning (the IAM provider checks the audience against
 *   its client-ID list; AWS documents the condition as well).
 * - `StringLike` with no wildcard, and `ForAnyValue:` / `ForAllValues:` on single-valued claims, are
 *   warnings; a wildcard under a set operator is judged like any other wildcard.
 * - An account trusted as a whole (`123456789012`, `arn:…:iam::123456789012:root`) without `sts:ExternalId`,
 *   `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths` or `aws:PrincipalArn` is a warning.
 */
import { parseConditionOperator } from './condition-operators.js';
import type { FederatedProvider } from './federated-provider.js';
import { claimKeys, hasWildcard, matchesEveryServiceAccount, providerOfKeys, providerOfPrincipal, subjectLabel, subjectRequired, subjectScope } from './federated-provider.js';

/** One condition of the statement, as far as it can be read. */
export interface TrustClause {
  /** The operator as written. */
  readonly operator: string;
  /** The condition key as written. */
  readonly key: string;
  /** The values; undefined for a value not known before deployment. */
  readonly values: readonly (string | undefined)[];
}

/** What the judgement needs of a statement, whatever syntax it was written in. */
export interface TrustStatementFacts {
  /** The `Federated` principal values; undefined for one not known before deployment. */
  readonly federated: readonly (string | undefined)[];
  /** The `AWS` principal values; undefined for one not known before deployment. */
  readonly aws: readonly (string | undefined)[];
  /** The readable conditions. */
  readonly clauses: readonly TrustClause[];
  /** True when part of the Condition element cannot be read (then nothing is reported about missing keys). */
  readonly conditionsUnknown: boolean;
  /** The actions, when known (undefined items: not literal); a whole account is judged only where it may call sts:AssumeRole. */
  readonly actions?: readonly (string | undefined)[];
  /** The account the policy belongs to, when known (trusting it as a whole is not a cross-account trust). */
  readonly ownAccount?: string;
}

/** The kinds of problem the judgement reports. */
export type FederatedFindingKind =
  /** A token of another owner (repository, organization, namespace, application) satisfies the trust. */
  | 'any-identity'
  /** The subject admits every repository of an organization, project of a group, service account of a namespace. */
  | 'owner-wide'
  /** The audience claim is not pinned. */
  | 'missing-audience'
  /** A pattern operator with no wildcard, or a set operator on a single-valued claim. */
  | 'operator-misuse'
  /** An account trusted as a whole without sts:ExternalId or an organization condition. */
  | 'account-root';

/** One problem of a federated or cross-account trust. */
export interface FederatedFinding {
  /** The kind. */
  readonly kind: FederatedFindingKind;
  /** `error`: another owner gets through (emit refuses, verify fails); `warning`: weaker than documented. */
  readonly severity: 'error' | 'warning';
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
  /** The clause concerned, by index in {@link TrustStatementFacts.clauses}; absent when a key is missing. */
  readonly clauseIndex?: number;
  /** The provider concerned, when the finding is about a federated principal. */
  readonly provider?: FederatedProvider;
  /** The condition key the fix adds or rewrites, e.g. `token.actions.githubusercontent.com:sub`. */
  readonly key?: string;
}

const SUBJECT_STRUCTURED = new Set(['github-actions', 'gitlab', 'eks']);

const ORGANIZATION_BINDINGS = ['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalarn', 'aws:sourceidentity'];

/** Judges one Allow statement; returns nothing for a statement without federated or whole-account principals. */
export function judgeTrustStatement(facts: TrustStatementFacts): FederatedFinding[] {
  return [...judgeFederated(facts), ...judgeAccounts(facts)];
}

function judgeFederated(facts: TrustStatementFacts): FederatedFinding[] {
  if (facts.federated.length === 0) return [];
  const keys = facts.clauses.map((clause) => clause.key);
  const providers = facts.federated.map((value) => providerOf(value, keys));
  const findings: FederatedFinding[] = [];
  const seen = new Set<string>();
  for (const provider of providers) {
    if (provider === undefined) {
      if (facts.clauses.length === 0 && !facts.conditionsUnknown) findings.push(unconditioned());
      continue;
    }
    if (seen.has(provider.keyPrefix)) continue;
    seen.add(provider.keyPrefix);
    findings.push(...judgeProvider(provider, facts));
  }
  return findings;
}

/**
 * The provider of a principal value; from the condition keys when the value is unknown, or names its issuer
 * by a reference (`${…}`) that no key repeats.
 */
function providerOf(value: string | undefined, keys: readonly string[]): FederatedProvider | undefined {
  const named = value === undefined ? undefined : providerOfPrincipal(value);
  if (named && !(named.keyPrefix.includes('${') && !keys.some((key) => key.toLowerCase().startsWith(`${named.keyPrefix.toLowerCase()}:`)))) return named;
  return providerOfKeys(keys) ?? named;
}

function unconditioned(): FederatedFinding {
  return {
    kind: 'any-identity',
    severity: 'error',
    message: 'the statement trusts a federated identity provider without any condition: every identity the provider issues a token to can assume the role',
    hint: 'pin the subject (…:sub) and the audience (…:aud) the provider documents',
  };
}

function judgeProvider(provider: FederatedProvider, facts: TrustStatementFacts): FederatedFinding[] {
  const { subject, audience } = claimKeys(provider);
  const findings: FederatedFinding[] = [];
  const indexed = facts.clauses.map((clause, index) => ({ clause, index }));
  const subjects = indexed.filter(({ clause }) => sameKey(clause.key, subject));
  const audiences = indexed.filter(({ clause }) => sameKey(clause.key, audience));
  const label = subjectLabel(provider);
  const required = subjectRequired(provider);
  const pinnedSubject = subjects.some(({ clause }) => pins(clause) && clause.values.every((value) => value === undefined || subjectScope(provider, value) !== 'any'));
  const pinnedAudience = audiences.some(({ clause }) => pins(clause) && clause.values.every((value) => value === undefined || !/^[*?]+$/.test(value)));
  const context = { pinnedSubject: required || pinnedSubject, pinnedAudience: required || pinnedAudience };
  for (const { clause, index } of [...subjects, ...audiences]) findings.push(...judgeClause(provider, clause, index, sameKey(clause.key, subject), context));
  if (facts.conditionsUnknown) return findings;
  if (required && subjects.length === 0) {
    findings.push({
      kind: 'any-identity',
      severity: 'error',
      message: `the statement trusts ${providerName(provider)} without ${subject}: a token for any ${label.one}${provider.kind === 'eks' ? ' in the cluster' : ', in any ' + label.owner + ','} can assume the role`,
      hint: `add StringEquals ${subject} = ${exampleSubject(provider)}`,
      provider,
      key: subject,
    });
  } else if (!required && !pinnedSubject && !pinnedAudience && subjects.length + audiences.length === 0) {
    findings.push({
      kind: 'any-identity',
      severity: 'error',
      message: `the statement trusts ${providerName(provider)} without ${audience}${provider.kind === 'saml' ? '' : ` or ${subject}`}: a token issued to any application of the provider can assume the role`,
      hint: `add StringEquals ${audience} = ${provider.kind === 'saml' ? 'https://signin.aws.amazon.com/saml' : '<the client ID / identity pool ID of your application>'}`,
      provider,
      key: audience,
    });
    return findings;
  }
  if (audiences.length === 0) {
    findings.push({
      kind: 'missing-audience',
      severity: required || pinnedSubject ? 'warning' : 'error',
      message: `the statement trusts ${providerName(provider)} without ${audience}, which AWS documents for this provider`,
      hint: `add StringEquals ${audience} = ${provider.kind === 'saml' ? 'https://signin.aws.amazon.com/saml' : required ? 'sts.amazonaws.com' : '<your client ID>'}`,
      provider,
      key: audience,
    });
  }
  return findings;
}

/**
 * One subject or audience clause. For providers whose audience pins the application (Cognito, generic OIDC,
 * SAML) an open subject is an error only without a pinned audience, and an open audience only without a
 * pinned subject: either pin keeps another application's token out.
 */
function judgeClause(provider: FederatedProvider, clause: TrustClause, index: number, isSubject: boolean, pinned: { readonly pinnedSubject: boolean; readonly pinnedAudience: boolean }): FederatedFinding[] {
  const parsed = parseConditionOperator(clause.operator.trim());
  if (!parsed) return [];
  const label = subjectLabel(provider);
  const base = parsed.base;
  const findings: FederatedFinding[] = [];
  const where = { clauseIndex: index, provider, key: clause.key };
  if (base === 'StringNotEquals' || base === 'StringNotLike' || base === 'StringNotEqualsIgnoreCase') {
    const heldByOtherPin = isSubject ? pinned.pinnedAudience && !subjectRequired(provider) : pinned.pinnedSubject;
    findings.push({
      kind: 'any-identity',
      severity: heldByOtherPin ? 'warning' : 'error',
      message: `${clause.operator} ${clause.key} in an Allow admits every ${isSubject ? label.one : 'audience'} except the ones listed`,
      hint: `use StringEquals ${clause.key} with the ${isSubject ? label.one : 'audience'} to trust`,
      ...where,
    });
    return findings;
  }
  const literal = clause.values.filter((value): value is string => value !== undefined);
  const patternOperator = base === 'StringLike';
  if (patternOperator && isSubject) {
    const scopes = literal.map((value) => ({ value, scope: subjectScope(provider, value) }));
    const open = scopes.find(({ scope }) => scope === 'any');
    const wide = scopes.find(({ scope }) => scope === 'group');
    if (open && pinned.pinnedAudience && !subjectRequired(provider)) {
      findings.push({ kind: 'owner-wide', severity: 'warning', message: `${clause.key} ${JSON.stringify(open.value)} admits every subject of the application the audience names`, hint: 'pin the subject too, or drop the condition', ...where });
    } else if (open) {
      findings.push({
        kind: 'any-identity',
        severity: 'error',
        message: SUBJECT_STRUCTURED.has(provider.kind)
          ? `${clause.key} ${JSON.stringify(open.value)} matches a token of any ${label.owner}: another ${label.owner}'s ${label.one} can assume the role`
          : `${clause.key} ${JSON.stringify(open.value)} matches any subject the provider issues a token to`,
        hint: SUBJECT_STRUCTURED.has(provider.kind) ? `pin the ${label.owner} and the ${label.one}: ${exampleSubject(provider)}` : `pin the subject, or the audience (${claimKeys(provider).audience}) to your client ID`,
        ...where,
      });
    } else if (wide && matchesEveryServiceAccount(provider, wide.value)) {
      findings.push({
        kind: 'any-identity',
        severity: 'error',
        message: `${clause.key} ${JSON.stringify(wide.value)} matches every service account of the namespace, including its default service account: any pod of the namespace can assume the role`,
        hint: `name the service account: ${exampleSubject(provider)}`,
        ...where,
      });
    } else if (wide) {
      findings.push({
        kind: 'owner-wide',
        severity: 'warning',
        message: `${clause.key} ${JSON.stringify(wide.value)} trusts every ${label.one} of one ${label.group}`,
        hint: `name the ${label.one} (${exampleSubject(provider)}), or suppress with the reason the ${label.group}-wide trust is meant`,
        ...where,
      });
    }
  }
  if (patternOperator && !isSubject && literal.some((value) => value === '*' || /^[*?]+$/.test(value))) {
    findings.push({ kind: 'any-identity', severity: pinned.pinnedSubject ? 'warning' : 'error', message: `${clause.key} ${JSON.stringify('*')} admits a token for any audience`, hint: `use StringEquals ${clause.key} with the audience`, ...where });
  }
  if (patternOperator && literal.length === clause.values.length && literal.every((value) => !hasWildcard(value))) {
    findings.push({ kind: 'operator-misuse', severity: 'warning', message: `${clause.operator} ${clause.key} has no wildcard in its value`, hint: `use ${clause.operator.replace('StringLike', 'StringEquals')}: AWS documents StringLike only for values with a wildcard`, ...where });
  }
  if (parsed.qualifier) {
    findings.push({
      kind: 'operator-misuse',
      severity: 'warning',
      message: `${clause.operator} on ${clause.key}, a single-valued claim${parsed.qualifier === 'ForAllValues' ? ' (ForAllValues: also holds when the claim is absent)' : ''}`,
      hint: `use ${parsed.base}${parsed.ifExists ? 'IfExists' : ''} without the set qualifier`,
      ...where,
    });
  }
  return findings;
}

function judgeAccounts(facts: TrustStatementFacts): FederatedFinding[] {
  const roots = facts.aws
    .map((value) => (value === undefined ? undefined : accountOfRoot(value)))
    .filter((account): account is string => account !== undefined && account !== facts.ownAccount);
  if (roots.length === 0 || facts.conditionsUnknown) return [];
  if (facts.actions !== undefined && !facts.actions.some((action) => action === undefined || /^(\*|sts:\*|sts:AssumeRole)$/i.test(action))) return [];
  if (facts.clauses.some((clause) => ORGANIZATION_BINDINGS.includes(clause.key.toLowerCase()))) return [];
  return [
    {
      kind: 'account-root',
      severity: 'warning',
      message: `the statement trusts account ${roots.join(', ')} as a whole, without sts:ExternalId, aws:PrincipalOrgID or aws:PrincipalArn: any principal that account allows can assume the role (for a third party, the confused deputy)`,
      hint: 'for a third party add StringEquals sts:ExternalId; for your organization add aws:PrincipalOrgID; or name the role ARNs; or suppress with the reason',
      key: 'sts:ExternalId',
    },
  ];
}

/** The account of `123456789012` or `arn:<partition>:iam::123456789012:root`. */
export function accountOfRoot(value: string): string | undefined {
  if (/^\d{12}$/.test(value)) return value;
  return /^arn:[^:]+:iam::(\d{12}):root$/.exec(value)?.[1];
}

function pins(clause: TrustClause): boolean {
  const parsed = parseConditionOperator(clause.operator.trim());
  return parsed !== undefined && (parsed.base === 'StringEquals' || parsed.base === 'StringLike') && clause.values.length > 0;
}

function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function providerName(provider: FederatedProvider): string {
  switch (provider.kind) {
    case 'github-actions':
      return 'GitHub Actions OIDC';
    case 'gitlab':
      return 'GitLab OIDC';
    case 'eks':
      return `the EKS cluster OIDC provider ${provider.keyPrefix}`;
    case 'cognito':
      return 'Amazon Cognito identity pools';
    case 'saml':
      return 'a SAML provider';
    case 'oidc':
      return `the OIDC provider ${provider.keyPrefix}`;
  }
}

function exampleSubject(provider: FederatedProvider): string {
  switch (provider.kind) {
    case 'github-actions':
      return 'repo:OWNER/REPO:ref:refs/heads/BRANCH (or :environment:NAME)';
    case 'gitlab':
      return 'project_path:GROUP/PROJECT:ref_type:branch:ref:BRANCH';
    case 'eks':
      return 'system:serviceaccount:NAMESPACE:SERVICE_ACCOUNT';
    default:
      return '<the subject of the identity to trust>';
  }
}
