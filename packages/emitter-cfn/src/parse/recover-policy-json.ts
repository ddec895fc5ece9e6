/**
 * Reads a policy document printed as JSON text whose strings may hold references (an Output value such as
 * `!Sub '{"Resource":"arn:${AWS::Partition}:s3:::b"}'`): each reference is swapped for a marker that does
 * not occur in the text, the JSON is parsed, and markers inside strings become references again.
 */
import type { PolicyString, Reference } from '@deputy/policy-model';
import { interpolate } from '@deputy/policy-model';
import type { Json } from './json-access.js';

/**
 * Parses `value` as JSON; strings that held references come back as interpolations (typed as `Json` leaves),
 * every other string as text.
 */
export function parsePolicyJson(value: PolicyString, where: string): Json {
  const parts = typeof value === 'string' ? [value] : value.parts;
  const plain = parts.filter((part): part is string => typeof part === 'string').join('');
  let nonce = 0;
  while (plain.includes(`@ref${nonce}@`)) nonce++;
  const marker = `@ref${nonce}@`;
  const references: Reference[] = [];
  const text = parts.map((part) => (typeof part === 'string' ? part : `${marker}${references.push(part) - 1}${marker}`)).join('');
  let json: Json;
  try {
    json = JSON.parse(text) as Json;
  } catch (error) {
    throw new Error(`${where}: the policy document is not JSON (${(error as Error).message})`);
  }
  const pattern = new RegExp(`${marker}(\\d+)${marker}`);
  const restore = (item: Json): Json => {
    if (typeof item === 'string') {
      if (!item.includes(marker)) return item;
      const pieces = item.split(pattern).map((piece, index) => (index % 2 === 1 ? references[Number(piece)]! : piece));
      return interpolate(pieces) as unknown as Json;
    }
    if (Array.isArray(item)) return item.map(restore);
    if (typeof item === 'object' && item !== null && !(item instanceof Date)) return Object.fromEntries(Object.entries(item).map(([key, entry]) => [key, restore(entry)]));
    return item;
  };
  return restore(json);
}
