/** Stable identifiers derived from names, for labels, logical IDs and file names. */

/** `[A-Za-z0-9_-]` only; other characters become `_`; never empty. */
export function identifierFrom(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return cleaned === '' ? '_' : cleaned;
}

/** Identifiers for a list of names, made unique by numbering repeats (`a`, `a_2`) in order. */
export function uniqueIdentifiers(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const base = identifierFrom(name);
    let candidate = base;
    for (let counter = 2; seen.has(candidate); counter++) candidate = `${base}_${counter}`;
    seen.add(candidate);
    return candidate;
  });
}
