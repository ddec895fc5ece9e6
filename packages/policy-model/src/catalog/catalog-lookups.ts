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

/**
 * The first entry, in file order, that lists `principal` as a fixed principal or whose regional form matches
 * it (within one entry, the fixed principals first).
 */
function searchPrincipal(principal: string): PrincipalMatch | undefined {
  const index = (principalIndex ??= indexPrincipals());
  const fixedAt = index.fixed.get(principal);
  for (const { position, pattern } of index.regional) {
    if (fixedAt !== undefined && position >= fixedAt) break;
    const match = pattern.exec(principal);
    if (match) return { entry: SERVICE_CATALOG[position]!, region: match[1]! };
  }
  return fixedAt === undefined ? undefined : { entry: SERVICE_CATALOG[fixedAt]! };
}

/** The catalog's principals by where they are found: each fixed principal at its first entry, each regional form as a pattern. */
interface PrincipalIndex {
  readonly fixed: ReadonlyMap<string, number>;
  readonly regional: readonly { readonly position: number; readonly pattern: RegExp }[];
}

let principalIndex: PrincipalIndex | undefined;

function indexPrincipals(): PrincipalIndex {
  const fixed = new Map<string, number>();
  const regional: { position: number; pattern: RegExp }[] = [];
  SERVICE_CATALOG.forEach((entry, position) => {
    for (const principal of fixedPrincipalsOf(entry)) if (!fixed.has(principal)) fixed.set(principal, position);
    if (entry.regionalPrincipal) {
      const [before, after] = entry.regionalPrincipal.pattern.split('{region}') as [string, string];
      regional.push({ position, pattern: new RegExp(`^${escapeRegExp(before)}(${REGION_PATTERN})${escapeRegExp(after)}$`) });
    }
  });
  return { fixed, regional };
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
