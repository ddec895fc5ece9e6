/**
 * Reads `jsonencode({ … })` back. hcl2json returns the call as the string `"${jsonencode(<source>)}"`; the
 * source is parsed again as an attribute value, which hcl2json turns into plain JSON, and its strings are
 * decoded as templates.
 */
import type { PolicyDocument } from '@deputy/policy-model';
import { parseHcl, type HclJsonValue } from './hcl-json.js';
import { decodeLiteral, decodeTemplate, type TraversalDecoder } from './template-decoding.js';

const PREFIX = '${jsonencode(';
const SUFFIX = ')}';

/** True when an attribute value is a `jsonencode(…)` call. */
export function isJsonencode(rendered: HclJsonValue | undefined): rendered is string {
  return typeof rendered === 'string' && rendered.startsWith(PREFIX) && rendered.endsWith(SUFFIX);
}

/** The value a `jsonencode(…)` call encodes, with strings decoded to policy strings. */
export async function decodeJsonencode(rendered: string, decodeTraversal: TraversalDecoder): Promise<unknown> {
  if (!isJsonencode(rendered)) throw new Error(`not a jsonencode call: ${String(rendered).slice(0, 80)}`);
  const source = rendered.slice(PREFIX.length, -SUFFIX.length);
  const parsed = await parseHcl(`value = ${source}\n`, 'jsonencode.tf');
  return decodeValue(parsed['value'] ?? null, decodeTraversal);
}

/** A `jsonencode` policy document. */
export async function decodeJsonencodeDocument(rendered: string, decodeTraversal: TraversalDecoder): Promise<PolicyDocument> {
  return (await decodeJsonencode(rendered, decodeTraversal)) as PolicyDocument;
}

function decodeValue(value: HclJsonValue, decodeTraversal: TraversalDecoder): unknown {
  if (typeof value === 'string') return decodeTemplate(value, decodeTraversal);
  if (Array.isArray(value)) return value.map((item) => decodeValue(item, decodeTraversal));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [decodeLiteral(key), decodeValue(item, decodeTraversal)]));
  }
  return value;
}
