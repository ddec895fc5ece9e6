/**
 * Lookups over the service catalog: by key, by principal (including regional and partition forms), and
 * the principal to use for a given partition and Region.
 */
import catalogData from './service-catalog.json' with { type: 'json' };
import type { Partition, ServiceCatalogEntry } from './service-catalog-entry.js';
import { isOptInRegion } from './opt-in-regions.js';

/** Every catalog entry, in file order. */
export const SERVICE_CATALOG: readonly ServiceCatalogEntry[] = (catalogData as { services: ServiceCatalogEntry[] }).services;

const REGION_PATTERN = '[a-z]{2}(?:-[a-z]+)+-\\d+';

/** The entry whose key (or one of whose aliases) is `key`, or undefined. */
export function serviceByKey(key: string): ServiceCatalogEntry | undefined {
  return SERVICE_CATALOG.find((entry) => entry.key === key || (entry.aliases?.includes(key) ?? false));
}

/** A principal matched to its entry, with the Region when the principal was a regional form. */
export interface PrincipalMatch {
  /** The entry the principal belongs to. */
  readonly entry: ServiceCatalogEntry;
  /** The Region named inside a regional principal such as `logs.us-east-1.amazonaws.com`. */
  readonly region?: string;
}

/** Answers already found: the catalog is fixed, and a run asks about the same few principals for every role. */
const principalMatches = new Map<string, PrincipalMatch | undefined>();
const PRINCIPAL_CACHE_LIMIT = 10_000;

/** Finds the entry a service principal belongs to, in any partition, alternate or regional form. */
export function serviceByPrincipal(principal: string): PrincipalMatch | undefined {
  if (principalMatches.has(principal)) return principalMatches.get(principal);
  const match = searchPrincipal(principal);
  if (principalMatches.size < PRINCIPAL_CACHE_LIMIT) principalMatches.set(principal, match);
  return match;
}

function searchPrincipal(principal: string): PrincipalMatch | undefined {
  for (const entry of SERVICE_CATALOG) {
    if (fixedPrincipalsOf(entry).includes(principal)) return { entry };
    if (entry.regionalPrincipal) {
      const [before, after] = entry.regionalPrincipal.pattern.split('{region}') as [string, string];
      const match = new RegExp(`^${escapeRegExp(before)}(${REGION_PATTERN})${escapeRegExp(after)}$`).exec(principal);
      if (match) return { entry, region: match[1] };
    }
  }
  return undefined;
}

/** Finds an entry by key or by principal. */
export function findService(keyOrPrincipal: string): PrincipalMatch | undefined {
  const entry = serviceByKey(keyOrPrincipal);
  return entry ? { entry } : serviceByPrincipal(keyOrPrincipal);
}

/**
 * The principal to trust for a service in a partition. A regional form wins when the Region is a literal
 * and the service requires it there (always, or in opt-in Regions); otherwise the partition's documented
 * principal, else the global one.
 */
export function principalFor(entry: ServiceCatalogEntry, partition: string, region?: string): string {
  if (region !== undefined && entry.regionalPrincipal && (entry.regionalPrincipal.required || (entry.regionalPrincipal.optInRegions === true && isOptInRegion(region)))) {
    return entry.regionalPrincipal.pattern.replace('{region}', region);
  }
  if (partition !== 'aws') {
    const specific = entry.partitionPrincipals?.[partition as Exclude<Partition, 'aws'>];
    if (specific) return specific;
  }
  return entry.principal;
}

/** Every principal of an entry that is not a regional form: the main one, alternates and partition forms. */
export function fixedPrincipalsOf(entry: ServiceCatalogEntry): readonly string[] {
  return [entry.principal, ...(entry.alternatePrincipals ?? []), ...Object.values(entry.partitionPrincipals ?? {})];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
