/** Did-you-mean suggestions for unknown services, by edit distance over keys, principals and names. */
import { editDistance } from '../did-you-mean.js';
import type { ServiceCatalogEntry } from './service-catalog-entry.js';
import { SERVICE_CATALOG, fixedPrincipalsOf } from './catalog-lookups.js';

/**
 * Catalog keys and principals close to `input`, best first, at most `limit`. Each entry contributes its
 * closest spelling (the key, or the principal when the input looks like one); a word of the display name
 * (`opensearch`) suggests the key.
 */
export function suggestServices(input: string, limit = 3): string[] {
  const query = input.trim().toLowerCase();
  if (query === '') return [];
  const memo = `${limit}\u0000${query}`;
  const known = suggestionsMemo.get(memo);
  if (known) return [...known];
  const found = SERVICE_CATALOG.map((entry) => closest(entry, query))
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .sort((a, b) => a.distance - b.distance || a.suggestion.localeCompare(b.suggestion))
    .slice(0, limit)
    .map((candidate) => candidate.suggestion);
  if (suggestionsMemo.size < 10_000) suggestionsMemo.set(memo, found);
  return [...found];
}

/** Suggestions already computed: a linter meets the same unknown principal in thousands of policies. */
const suggestionsMemo = new Map<string, readonly string[]>();

interface Candidate {
  readonly suggestion: string;
  readonly distance: number;
}

function closest(entry: ServiceCatalogEntry, query: string): Candidate | undefined {
  const byPrincipal = query.includes('.');
  const spellings = byPrincipal ? fixedPrincipalsOf(entry) : [entry.key, ...fixedPrincipalsOf(entry).map(principalPrefix)];
  const scored = spellings.map((spelling, index) => {
    const lowered = spelling.toLowerCase();
    const prefixMatch = query.length >= 3 && lowered.startsWith(query) && lowered !== query;
    return {
      suggestion: byPrincipal ? spelling : entry.key,
      distance: prefixMatch ? 1 : editDistance(query, lowered),
      tolerance: tolerance(query, principalPrefix(spelling)),
      index,
    };
  });
  const nameWords = entry.name.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length >= 4);
  const compactName = entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (!byPrincipal && query.length >= 4 && (nameWords.some((word) => word.startsWith(query)) || compactName.includes(query.replace(/[^a-z0-9]+/g, '')))) {
    scored.push({ suggestion: entry.key, distance: 1, tolerance: 2, index: scored.length });
  }
  const best = scored.filter((candidate) => candidate.distance <= candidate.tolerance).sort((a, b) => a.distance - b.distance || a.index - b.index)[0];
  return best ? { suggestion: best.suggestion, distance: best.distance } : undefined;
}

function principalPrefix(principal: string): string {
  return principal.replace(/\.amazonaws\.com(\.cn)?$/, '');
}

/** Edits allowed: a third of the distinctive part (the principal without `.amazonaws.com`), at least two. */
function tolerance(query: string, candidate: string): number {
  return Math.max(2, Math.ceil(Math.min(candidate.length, principalPrefix(query).length) / 3));
}
