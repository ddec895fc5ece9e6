/**
 * Questions about an entry's integrations: which integration a policy serves, which keys the service sends
 * there, which deputy requires, and what to tell a user when AWS documents none. Every command asks these
 * functions, so that `snippet`, `emit`, `lint` and `verify` agree on what a service sends where.
 */
import type { ConfusedDeputyKey, Integration, IntegrationKind, ServiceCatalogEntry, SourceArnPattern } from './service-catalog-entry.js';
import { CONFUSED_DEPUTY_KEYS, ORGANIZATION_KEYS } from './service-catalog-entry.js';

/** Where a principal appears, coarsely: a role trust policy or any resource policy. */
export type PrincipalUsage = 'trust' | 'resource';

/** The entry's integrations of one kind, in catalog order; every integration without `kind`. */
export function integrationsOf(entry: ServiceCatalogEntry, kind?: IntegrationKind): readonly Integration[] {
  return kind === undefined ? entry.integrations : entry.integrations.filter((integration) => integration.kind === kind);
}

/** The entry's role-trust integration (the first, when AWS documents several uses), or undefined. */
export function trustIntegration(entry: ServiceCatalogEntry): Integration | undefined {
  return entry.integrations.find((integration) => integration.kind === 'role-trust');
}

/**
 * The integration a policy of `usage` (or of one resource `kind`) serves: for a resource policy the first
 * documented integration of that kind, else the first of that kind, else (kind unknown) the first
 * documented resource integration.
 */
export function integrationFor(entry: ServiceCatalogEntry, usage: PrincipalUsage | IntegrationKind): Integration | undefined {
  if (usage === 'trust' || usage === 'role-trust') return trustIntegration(entry);
  const resources = entry.integrations.filter((integration) => integration.kind !== 'role-trust');
  const candidates = usage === 'resource' ? resources : resources.filter((integration) => integration.kind === usage);
  return candidates.find((integration) => integration.status === 'documented') ?? candidates[0];
}

/** The keys deputy requires in an integration: its documented keys, none for any other status. */
export function requiredKeys(integration: Integration | undefined): readonly ConfusedDeputyKey[] {
  return integration?.status === 'documented' ? (integration.keys ?? []) : [];
}

/** Every key the service sends in an integration: required, optional, and the organisation keys when sent. */
export function keysSentIn(integration: Integration | undefined): readonly ConfusedDeputyKey[] {
  if (!integration || integration.status !== 'documented') return [];
  const sent = new Set<ConfusedDeputyKey>([...(integration.keys ?? []), ...(integration.optionalKeys ?? [])]);
  if (integration.organizationKeys === 'sent') for (const key of ORGANIZATION_KEYS) sent.add(key);
  return CONFUSED_DEPUTY_KEYS.filter((key) => sent.has(key));
}

/** Every key the service sends in some documented integration. */
export function keysSentBy(entry: ServiceCatalogEntry): readonly ConfusedDeputyKey[] {
  const sent = new Set(entry.integrations.flatMap((integration) => keysSentIn(integration)));
  return CONFUSED_DEPUTY_KEYS.filter((key) => sent.has(key));
}

/** The keys AWS documents for the principal where it appears (compatibility view over {@link integrationFor}). */
export function documentedKeys(entry: ServiceCatalogEntry, usage: PrincipalUsage | IntegrationKind): readonly ConfusedDeputyKey[] {
  return requiredKeys(integrationFor(entry, usage));
}

/** True when AWS documents keys for the integration, so deputy requires them. */
export function isDocumented(integration: Integration | undefined): integration is Integration & { keys: readonly ConfusedDeputyKey[] } {
  return integration?.status === 'documented' && (integration.keys?.length ?? 0) > 0;
}

/** The actions a trust policy for the entry allows: the role-trust integration's, else `sts:AssumeRole`. */
export function trustActionsOf(entry: ServiceCatalogEntry | undefined): readonly string[] {
  return (entry && trustIntegration(entry)?.trustActions) ?? ['sts:AssumeRole'];
}

/** A short label for an integration, e.g. `role trust`, `S3 bucket policy`, `Glue Data Catalog resource policy`. */
export function integrationLabel(integration: Pick<Integration, 'kind' | 'resource'>): string {
  return integration.kind === 'other-resource' ? `${integration.resource ?? 'resource'} policy` : INTEGRATION_LABELS[integration.kind];
}

const INTEGRATION_LABELS: { readonly [kind in IntegrationKind]: string } = {
  'role-trust': 'role trust',
  's3-bucket': 'S3 bucket policy',
  'sns-topic': 'SNS topic policy',
  'sqs-queue': 'SQS queue policy',
  'kms-key': 'KMS key policy',
  'lambda-permission': 'Lambda permission',
  'logs-resource-policy': 'CloudWatch Logs resource policy',
  'ecr-repository': 'ECR repository policy',
  'secretsmanager-secret': 'Secrets Manager secret policy',
  'eventbridge-bus': 'EventBridge event bus policy',
  'other-resource': 'resource policy',
};

/**
 * What AWS documents when deputy adds no condition: for an integration that is `documented-none` or
 * `undocumented`, or for a use the catalog has no integration for (then naming the integrations it has).
 */
export function noKeysNotice(entry: ServiceCatalogEntry, usage: PrincipalUsage | IntegrationKind): string {
  const integration = integrationFor(entry, usage);
  const where = usage === 'trust' || usage === 'role-trust' ? 'role trust policies' : usage === 'resource' ? 'resource policies' : `the ${integrationLabel({ kind: usage })}`;
  if (!integration) {
    const documented = entry.integrations.filter((candidate) => candidate.status === 'documented').map(integrationLabel);
    const elsewhere = documented.length > 0 ? `; it documents keys for ${[...new Set(documented)].join(', ')}` : '';
    return `AWS documents no confused-deputy condition key for ${entry.principal} (${entry.name}) in ${where}${elsewhere}. See ${entry.documentation}`;
  }
  const status = integration.status === 'documented-none' ? 'AWS documents that no confused-deputy condition key applies' : 'AWS documents no confused-deputy condition key';
  const source = integration.evidence[0]?.url ?? entry.documentation;
  return `${status} for ${entry.principal} (${entry.name}) in ${where}${integration.reason ? `: ${integration.reason.replace(/\.+$/, '')}` : ''}. See ${source}`;
}

/**
 * The `aws:SourceArn` patterns AWS documents for the principal where it appears (default first, then the
 * narrower alternatives); with no usage, or none documented there, those of every integration.
 */
export function sourceArnPatternsFor(entry: ServiceCatalogEntry, usage?: PrincipalUsage | IntegrationKind): readonly SourceArnPattern[] {
  const of = (integration: Integration): SourceArnPattern[] => [...(integration.sourceArn ? [integration.sourceArn] : []), ...(integration.sourceArnAlternatives ?? [])];
  const specific = usage === undefined ? undefined : integrationFor(entry, usage);
  const patterns = specific ? of(specific) : [];
  return patterns.length > 0 ? patterns : entry.integrations.flatMap(of);
}
