/**
 * Reads a `.tf.json` policy back: a Terraform JSON template that evaluates to the policy's JSON text. Each
 * interpolation is replaced by a sentinel (a private-use character absent from the text, then its index),
 * the JSON is parsed, and every string holding sentinels becomes an interpolation again.
 */
import { interpolate, reference, type PolicyDocument, type PolicyString, type Reference } from '@deputy/policy-model';
import { templateParts, type ExpressionDecoder } from './template-decoding.js';

/** Decodes a policy template into a document whose strings may refer to the environment. */
export function decodePolicyTemplate(template: string, decodeExpression: ExpressionDecoder): PolicyDocument {
  const parts = templateParts(template);
  const texts = parts.map((part) => ('text' in part ? part.text : '')).join('');
  const sentinel = unusedCharacter(texts);
  const expressions: Reference[] = [];
  const json = parts
    .map((part) => {
      if ('text' in part) return part.text;
      expressions.push(reference(decodeExpression(part.expression)));
      return `${sentinel}${expressions.length - 1}${sentinel}`;
    })
    .join('');
  return restore(JSON.parse(json) as unknown, sentinel, expressions) as PolicyDocument;
}

function restore(value: unknown, sentinel: string, expressions: readonly Reference[]): unknown {
  if (typeof value === 'string') return restoreString(value, sentinel, expressions);
  if (Array.isArray(value)) return value.map((item) => restore(item, sentinel, expressions));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restore(item, sentinel, expressions)]));
  }
  return value;
}

function restoreString(value: string, sentinel: string, expressions: readonly Reference[]): PolicyString {
  if (!value.includes(sentinel)) return value;
  const pieces = value.split(sentinel);
  const parts: (string | Reference)[] = pieces.map((piece, index) => (index % 2 === 0 ? piece : (expressions[Number(piece)] as Reference)));
  return interpolate(parts);
}

/** A private-use character that appears in the JSON text neither raw nor as a `\uXXXX` escape. */
function unusedCharacter(text: string): string {
  const lowered = text.toLowerCase();
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const character = String.fromCharCode(code);
    if (!text.includes(character) && !lowered.includes(`\\u${code.toString(16)}`)) return character;
  }
  throw new Error('no unused private-use character for a sentinel');
}
