/**
 * CloudFormation logical IDs: alphanumeric, unique within the template, derived from names so they stay
 * stable when a definition changes elsewhere.
 */

/** Longest name part kept, leaving room for a kind suffix and a counter within CloudFormation's 255 characters. */
const MAX_BASE_LENGTH = 200;

/**
 * A name as PascalCase letters and digits (`personalize-access` → `PersonalizeAccess`) followed by `suffix`,
 * sharing the words the name already ends with (`audit-bucket` + `BucketPolicy` → `AuditBucketPolicy`,
 * `DataRole` + `Role` → `DataRole`). A name that would start with a digit or be empty gets the prefix `Id`.
 */
export function logicalIdFrom(name: string, suffix = ''): string {
  const words = name.match(/[A-Za-z0-9]+/g) ?? [];
  let base = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('').slice(0, MAX_BASE_LENGTH);
  if (base === '' || /^[0-9]/.test(base)) base = `Id${base}`;
  const suffixWords = suffix.match(/[A-Z][a-z0-9]*|[^A-Z]+/g) ?? [];
  for (let shared = suffixWords.length; shared > 0; shared--) {
    const head = suffixWords.slice(0, shared).join('');
    if (base.endsWith(head)) return `${base}${suffix.slice(head.length)}`;
  }
  return `${base}${suffix}`;
}

/**
 * Makes candidates unique in order: a repeat (compared case-insensitively) gets the lowest counter from 2
 * that is still free (`ReaderRole`, `ReaderRole2`).
 */
export function uniqueLogicalIds(candidates: readonly string[]): string[] {
  return candidates.map(logicalIdClaimer());
}

/**
 * A function that makes each candidate it is given unique among those given before, as {@link uniqueLogicalIds}
 * does for a list: one claimer per template hands out every logical ID in the order the template is planned.
 */
export function logicalIdClaimer(): (candidate: string) => string {
  const taken = new Set<string>();
  return (candidate) => {
    let id = candidate;
    let key = id.toLowerCase();
    for (let counter = 2; taken.has(key); counter++) {
      id = `${candidate}${counter}`;
      key = id.toLowerCase();
    }
    taken.add(key);
    return id;
  };
}
