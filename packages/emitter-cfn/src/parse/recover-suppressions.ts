/**
 * Reads a resource's `Metadata` back: deputy writes only `Metadata.deputy.ignore`, the `deputy lint`
 * suppressions of waived confused-deputy conditions, so anything else there is an error.
 */
import { arrayAt, optional, recordAt, stringAt, type Json } from './json-access.js';

/** A `Metadata.deputy.ignore` entry: a lint finding the definition accepted, and why. */
export interface RecoveredSuppression {
  /** The lint rule, e.g. `DPT001`. */
  readonly rule: string;
  /** The reason. */
  readonly reason: string;
}

/** The resource's suppressions as an optional `suppressions` field: absent when the resource has no Metadata. */
export function recoverSuppressions(resource: Record<string, Json>, where: string): { readonly suppressions?: readonly RecoveredSuppression[] } {
  const metadata = optional(resource, 'Metadata');
  if (metadata === undefined) return {};
  const deputy = onlyKey(recordAt(metadata, `${where}.Metadata`), 'deputy', `${where}.Metadata`);
  const ignore = onlyKey(recordAt(deputy, `${where}.Metadata.deputy`), 'ignore', `${where}.Metadata.deputy`);
  const suppressions = arrayAt(ignore, `${where}.Metadata.deputy.ignore`).map((item, index) => {
    const at = `${where}.Metadata.deputy.ignore[${index}]`;
    const entry = recordAt(item, at);
    if (Object.keys(entry).join() !== 'rule,reason') throw new Error(`${at}: deputy writes exactly rule and reason, found ${Object.keys(entry).join(', ')}`);
    return { rule: stringAt(entry.rule, `${at}.rule`), reason: stringAt(entry.reason, `${at}.reason`) };
  });
  return { suppressions };
}

function onlyKey(record: Record<string, Json>, key: string, where: string): Json {
  if (Object.keys(record).join() !== key) throw new Error(`${where}: deputy writes only ${key}, found ${Object.keys(record).join(', ')}`);
  return record[key] as Json;
}
