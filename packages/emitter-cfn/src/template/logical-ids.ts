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
  let base = pascalCase(name).slice(0, MAX_BASE_LENGTH);
  if (base === '' || isDigit(base.charCodeAt(0))) base = `Id${base}`;
  const suffixWords = suffix.match(/[A-Z][a-z0-9]*|[^A-Z]+/g) ?? [];
  for (let shared = suffixWords.length; shared > 0; shared--) {
    const head = suffixWords.slice(0, shared).join('');
    if (base.endsWith(head)) return `${base}${suffix.slice(head.length)}`;
  }
  return `${base}${suffix}`;
}

/** The name's runs of ASCII letters and digits, each with its first character upper-cased, joined. */
function pascalCase(name: string): string {
  let text = '';
  let index = 0;
  while (index < name.length) {
    if (!isAsciiAlphanumeric(name.charCodeAt(index))) {
      index++;
      continue;
    }
    const start = index;
    while (index < name.length && isAsciiAlphanumeric(name.charCodeAt(index))) index++;
    text += name[start]!.toUpperCase() + name.slice(start + 1, index);
  }
  return text;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isAsciiAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
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
