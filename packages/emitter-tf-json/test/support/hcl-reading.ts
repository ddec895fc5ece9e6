/**
 * Reads the HCL target's `.tf` with a real parser: `@cdktf/hcl2json` (the WASM build of hashicorp/hcl)
 * turns it into Terraform's JSON syntax, with each block body wrapped in a list and `jsonencode(…)` as the
 * string `"${jsonencode(<source>)}"`, whose source is parsed again as an attribute value.
 */
import { parse } from '@cdktf/hcl2json';
import type { PolicyDocument } from '@deputy/policy-model';
import { decodeLiteral, decodeTemplate, type ExpressionDecoder } from './template-decoding.js';

/** A JSON value as hcl2json returns it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Parses a `.tf` file into Terraform JSON syntax. */
export async function parseHcl(contents: string, fileName = 'main.tf'): Promise<{ [key: string]: JsonValue }> {
  return (await parse(fileName, contents)) as { [key: string]: JsonValue };
}

const PREFIX = '${jsonencode(';
const SUFFIX = ')}';

/** True when a value is a `jsonencode(…)` call as hcl2json renders it. */
export function isJsonencode(value: JsonValue | undefined): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX) && value.endsWith(SUFFIX);
}

/** The document a `jsonencode(…)` call encodes, with strings decoded to policy strings. */
export async function decodeJsonencodeDocument(rendered: string, decodeExpression: ExpressionDecoder): Promise<PolicyDocument> {
  const parsed = await parseHcl(`value = ${rendered.slice(PREFIX.length, -SUFFIX.length)}\n`, 'jsonencode.tf');
  return decodeValue(parsed['value'] ?? null, decodeExpression) as PolicyDocument;
}

function decodeValue(value: JsonValue, decodeExpression: ExpressionDecoder): unknown {
  if (typeof value === 'string') return decodeTemplate(value, decodeExpression);
  if (Array.isArray(value)) return value.map((item) => decodeValue(item, decodeExpression));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [decodeLiteral(key), decodeValue(item, decodeExpression)]));
  }
  return value;
}
