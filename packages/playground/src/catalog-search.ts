/** Searching the service catalog by key, name, alias or principal, best matches first. */
import { fixedPrincipalsOf, SERVICE_CATALOG, type ServiceCatalogEntry } from '@deputy/policy-model';

/** The words an entry is found by, lower case. */
function termsOf(entry: ServiceCatalogEntry): string[] {
  return [entry.key, entry.name, ...(entry.aliases ?? []), ...fixedPrincipalsOf(entry)].map((term) => term.toLowerCase());
}

/** How well an entry matches: 0 exact, 1 prefix, 2 substring of some term, undefined no match. */
function rank(entry: ServiceCatalogEntry, query: string): number | undefined {
  const terms = termsOf(entry);
  if (terms.includes(query)) return 0;
  if (terms.some((term) => term.startsWith(query))) return 1;
  if (terms.some((term) => term.includes(query))) return 2;
  return undefined;
}

/** Entries matching the query (all of them for an empty query), best first, then by key; at most `limit`. */
export function searchCatalog(query: string, limit = 12, catalog: readonly ServiceCatalogEntry[] = SERVICE_CATALOG): ServiceCatalogEntry[] {
  const wanted = query.trim().toLowerCase();
  return catalog
    .map((entry) => ({ entry, rank: wanted === '' ? 1 : rank(entry, wanted) }))
    .filter((match): match is { entry: ServiceCatalogEntry; rank: number } => match.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.entry.key.localeCompare(b.entry.key))
    .slice(0, limit)
    .map((match) => match.entry);
}
