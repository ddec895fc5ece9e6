/** Checked access to parsed template data, with the path of anything unexpected in the error. */

/** Parsed JSON / YAML data. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json } | Date;

/** The value as an object; throws when it is not one. */
export function recordAt(value: Json | undefined, where: string): Record<string, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) {
    throw new Error(`${where}: expected a mapping, found ${JSON.stringify(value)}`);
  }
  return value;
}

/** The value as a list; throws when it is not one. */
export function arrayAt(value: Json | undefined, where: string): Json[] {
  if (!Array.isArray(value)) throw new Error(`${where}: expected a list, found ${JSON.stringify(value)}`);
  return value;
}

/** The value as a string; throws when it is not one (a YAML reader that turned `2012-10-17` into a date fails here). */
export function stringAt(value: Json | undefined, where: string): string {
  if (typeof value !== 'string') throw new Error(`${where}: expected a string, found ${JSON.stringify(value)}`);
  return value;
}

/** A key's value, or undefined when the key is absent. */
export function optional(record: Record<string, Json>, key: string): Json | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
