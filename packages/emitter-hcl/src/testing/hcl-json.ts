/**
 * Parsing Terraform files back with a real parser: `@cdktf/hcl2json` (the WASM build of hashicorp/hcl) turns
 * HCL into Terraform's JSON syntax. Strings come back as Terraform JSON templates (`$${` for a literal `${`),
 * bare references as `"${data.x.y.z}"`, function calls as `"${jsonencode(<source>)}"`.
 */
import { parse } from '@cdktf/hcl2json';

/** A JSON value as hcl2json returns it. */
export type HclJsonValue = string | number | boolean | null | HclJsonValue[] | HclJsonObject;

/** A JSON object as hcl2json returns it. */
export interface HclJsonObject {
  readonly [key: string]: HclJsonValue;
}

/** Parses a Terraform file into Terraform JSON syntax. Throws on a syntax error. */
export async function parseHcl(contents: string, fileName = 'main.tf'): Promise<HclJsonObject> {
  return (await parse(fileName, contents)) as HclJsonObject;
}

/** The top-level block addresses of a file in source order (`resource.aws_iam_role.x`, `output.y`, `locals`). hcl2json sorts labels, so order comes from the text. */
export function blockOrder(contents: string): string[] {
  const order: string[] = [];
  for (const match of contents.matchAll(/^(resource|data|variable|output|locals)((?: "[^"]*")*) \{/gm)) {
    const labels = [...(match[2] ?? '').matchAll(/"([^"]*)"/g)].map((label) => label[1]);
    order.push([match[1], ...labels].join('.'));
  }
  return order;
}

/** The value at a path of object keys, or undefined. */
export function at(value: HclJsonValue | undefined, ...path: string[]): HclJsonValue | undefined {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The single body of a block as hcl2json lists it (`[{ … }]`). */
export function onlyBody(value: HclJsonValue | undefined, what: string): HclJsonObject {
  if (!Array.isArray(value) || value.length !== 1 || !isObject(value[0])) throw new Error(`expected exactly one ${what} block`);
  return value[0];
}

/** Every body of a repeated nested block (`statement`, `principals`, `condition`). */
export function bodies(value: HclJsonValue | undefined): HclJsonObject[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isObject)) throw new Error('expected a list of blocks');
  return value as HclJsonObject[];
}

/** True for a JSON object. */
export function isObject(value: HclJsonValue | undefined): value is HclJsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string attribute, or an error naming it. */
export function stringAt(body: HclJsonObject, name: string): string {
  const value = body[name];
  if (typeof value !== 'string') throw new Error(`expected ${name} to be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** An optional string attribute. */
export function optionalStringAt(body: HclJsonObject, name: string): string | undefined {
  return body[name] === undefined ? undefined : stringAt(body, name);
}
