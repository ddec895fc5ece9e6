/**
 * The catalog as plain data for `deputy services --json`: every entry with its principal resolved for every
 * partition and every integration with its defaults filled in, so a consumer needs no catalog logic.
 */
import type { ConfusedDeputyKey, Evidence, IntegrationKind, IntegrationStatus, Partition, ServiceCatalogEntry, SourceArnAlternative, SourceArnPattern } from './service-catalog-entry.js';
import { PARTITIONS } from './service-catalog-entry.js';
import { SERVICE_CATALOG, principalFor } from './catalog-lookups.js';
import { integrationLabel, keysSentIn, requiredKeys, trustIntegration } from './catalog-integrations.js';

/** One integration as `deputy services --json` prints it. */
export interface IntegrationDescription {
  /** The policy the principal appears in. */
  readonly kind: IntegrationKind;
  /** A readable name for the policy, e.g. `S3 bucket policy`. */
  readonly label: string;
  /** What the service does there. */
  readonly use: string;
  /** Whether AWS documents the keys the service sends there. */
  readonly status: IntegrationStatus;
  /** The keys deputy requires (empty unless documented). */
  readonly keys: readonly ConfusedDeputyKey[];
  /** Every key the service sends there: required, optional and organisation keys when sent. */
  readonly keysSent: readonly ConfusedDeputyKey[];
  /** Whether organisation keys are sent (`sent`), documented absent (`not-sent`) or not documented (`unknown`). */
  readonly organizationKeys: 'sent' | 'not-sent' | 'unknown';
  /** The default aws:SourceArn pattern and operator; null when the service sends no aws:SourceArn there. */
  readonly sourceArn: SourceArnPattern | null;
  /** Narrower documented aws:SourceArn values. */
  readonly sourceArnAlternatives: readonly SourceArnAlternative[];
  /** Actions a role trust allows (role trust only; empty otherwise). */
  readonly trustActions: readonly string[];
  /** What AWS documents when it documents no key; null otherwise. */
  readonly reason: string | null;
  /** The pages, quotes and dates the facts come from. */
  readonly evidence: readonly Evidence[];
}

/** One service as `deputy services --json` prints it. */
export interface ServiceDescription {
  /** The catalog key. */
  readonly key: string;
  /** The display name. */
  readonly name: string;
  /** Other names `--service` accepts. */
  readonly aliases: readonly string[];
  /** The principal in the `aws` partition. */
  readonly principal: string;
  /** The principal deputy writes in each partition (from the documented lookup). */
  readonly principalByPartition: { readonly [partition in Partition]: string };
  /** Other principals `--service` accepts for this entry. */
  readonly alternatePrincipals: readonly string[];
  /** The Region-specific principal form and when the service requires it; null when there is none. */
  readonly regionalPrincipal: { readonly pattern: string; readonly required: boolean; readonly optInRegions: boolean } | null;
  /** The keys deputy requires in a role trust for this principal (empty when AWS documents none). */
  readonly trustKeys: readonly ConfusedDeputyKey[];
  /** Every integration, in catalog order. */
  readonly integrations: readonly IntegrationDescription[];
  /** The main AWS documentation page. */
  readonly documentation: string;
  /** Remarks for users; null when there are none. */
  readonly notes: string | null;
}

/** The whole catalog as plain data. */
export interface CatalogDescription {
  /** How many services the catalog holds. */
  readonly count: number;
  /** The services, in catalog order. */
  readonly services: readonly ServiceDescription[];
}

/** Describes one entry with every optional field filled in. */
export function describeService(entry: ServiceCatalogEntry): ServiceDescription {
  return {
    key: entry.key,
    name: entry.name,
    aliases: entry.aliases ?? [],
    principal: entry.principal,
    principalByPartition: Object.fromEntries(PARTITIONS.map((partition) => [partition, principalFor(entry, partition)])) as ServiceDescription['principalByPartition'],
    alternatePrincipals: entry.alternatePrincipals ?? [],
    regionalPrincipal: entry.regionalPrincipal ? { pattern: entry.regionalPrincipal.pattern, required: entry.regionalPrincipal.required, optInRegions: entry.regionalPrincipal.optInRegions === true } : null,
    trustKeys: requiredKeys(trustIntegration(entry)),
    integrations: entry.integrations.map((integration) => ({
      kind: integration.kind,
      label: integrationLabel(integration),
      use: integration.use,
      status: integration.status,
      keys: requiredKeys(integration),
      keysSent: keysSentIn(integration),
      organizationKeys: integration.organizationKeys ?? 'unknown',
      sourceArn: integration.sourceArn ?? null,
      sourceArnAlternatives: integration.sourceArnAlternatives ?? [],
      trustActions: integration.trustActions ?? [],
      reason: integration.reason ?? null,
      evidence: integration.evidence,
    })),
    documentation: entry.documentation,
    notes: entry.notes ?? null,
  };
}

/** Describes the catalog (or the given entries) for `deputy services --json`. */
export function describeCatalog(entries: readonly ServiceCatalogEntry[] = SERVICE_CATALOG): CatalogDescription {
  return { count: entries.length, services: entries.map(describeService) };
}
