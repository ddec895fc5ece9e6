/** Suggestions for misspelt names, by edit distance. */

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(previous[j]! + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `input` (case-insensitive): those at the smallest edit distance found, if it is
 * within a third of the longer length; at most `limit` of them.
 */
export function didYouMean(input: string, candidates: readonly string[], limit = 3): string[] {
  const lowered = input.toLowerCase();
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(lowered, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.max(2, Math.ceil(Math.max(candidate.length, input.length) / 3)));
  const best = Math.min(...scored.map(({ distance }) => distance));
  return scored
    .filter(({ distance }) => distance === best)
    .sort((x, y) => x.candidate.localeCompare(y.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** A hint sentence for a misspelling, or the fallback when nothing is close. */
export function suggestionHint(input: string, candidates: readonly string[], fallback: string): string {
  const suggestions = didYouMean(input, candidates);
  return suggestions.length > 0 ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : fallback;
}
