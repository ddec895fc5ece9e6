/**
 * The catalog as plain data for `deputy services --json`: every entry with its defaults filled in and its
 * principal resolved for every partition, so a consumer needs no catalog logic.
 */
import type { ConfusedDeputyKey, Partition, PrincipalUsage, ServiceCatalogEntry, SourceArnAlternative, SourceArnPattern } from './service-catalog-entry.js';
import { PARTITIONS } from './service-catalog-entry.js';
import { SERVICE_CATALOG, principalFor } from './catalog-lookups.js';

/** One service as `deputy services --json` prints it. */
export interface ServiceDescription {
  /** The catalog key. */
  readonly key: string;
  /** The display name. */
  readonly name: string;
  /** The principal in the `aws` partition. */
  readonly principal: string;
  /** The principal deputy writes in each partition (from the documented lookup). */
  readonly principalByPartition: { readonly [partition in Partition]: string };
  /** Other principals `--service` accepts for this entry. */
  readonly alternatePrincipals: readonly string[];
  /** The Region-specific principal form, and whether the service requires it; null when there is none. */
  readonly regionalPrincipal: { readonly pattern: string; readonly required: boolean } | null;
  /** The keys deputy requires in role trust policies. */
  readonly keys: readonly ConfusedDeputyKey[];
  /** The keys deputy requires in resource policies. */
  readonly resourcePolicyKeys: readonly ConfusedDeputyKey[];
  /** Keys the service also sends that a user may add. */
  readonly optionalKeys: readonly ConfusedDeputyKey[];
  /** Whether organisation-wide conditions (aws:SourceOrgID, aws:SourceOrgPaths) work with this principal. */
  readonly organizationKeys: 'supported' | 'ignored';
  /** Why AWS documents no key, when `keys` is empty; null otherwise. */
  readonly noKeysReason: string | null;
  /** The default aws:SourceArn pattern and operator; null when the service sends no aws:SourceArn. */
  readonly sourceArn: SourceArnPattern | null;
  /** Narrower documented aws:SourceArn values. */
  readonly sourceArnAlternatives: readonly SourceArnAlternative[];
  /** Actions a trust policy allows. */
  readonly trustActions: readonly string[];
  /** Where the principal appears. */
  readonly usage: readonly PrincipalUsage[];
  /** The AWS documentation page the facts come from. */
  readonly documentation: string;
  /** Further AWS documentation pages. */
  readonly relatedDocumentation: readonly string[];
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
    principal: entry.principal,
    principalByPartition: Object.fromEntries(PARTITIONS.map((partition) => [partition, principalFor(entry, partition)])) as ServiceDescription['principalByPartition'],
    alternatePrincipals: entry.alternatePrincipals ?? [],
    regionalPrincipal: entry.regionalPrincipal ?? null,
    keys: entry.keys,
    resourcePolicyKeys: entry.resourcePolicyKeys ?? entry.keys,
    optionalKeys: entry.optionalKeys ?? [],
    organizationKeys: entry.ignoresOrganizationKeys ? 'ignored' : 'supported',
    noKeysReason: entry.noKeysReason ?? null,
    sourceArn: entry.sourceArn ?? null,
    sourceArnAlternatives: entry.sourceArnAlternatives ?? [],
    trustActions: entry.trustActions,
    usage: entry.usage,
    documentation: entry.documentation,
    relatedDocumentation: entry.relatedDocumentation ?? [],
    notes: entry.notes ?? null,
  };
}

/** Describes the catalog (or the given entries) for `deputy services --json`. */
export function describeCatalog(entries: readonly ServiceCatalogEntry[] = SERVICE_CATALOG): CatalogDescription {
  return { count: entries.length, services: entries.map(describeService) };
}
