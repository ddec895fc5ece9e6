/**
 * How Terraform holds a piece of text. HCL reads every string through Go's norm.NFC, which also applies
 * the Unicode Stream-Safe Text Format (a U+034F is inserted after 30 non-starters in a row), so the form
 * Terraform sends to AWS can differ from the model's text (the `unicode-nfc` gap). The form is taken from
 * HCL's own parser, reading each text with every character but ASCII letters and digits written as a
 * `\UXXXXXXXX` escape — an encoding independent of the emitter's escaping function. ASCII text never changes.
 */
import { hasLoneSurrogate } from '@deputy/policy-model';
import { parseHcl } from './hcl-json.js';
import { decodeLiteral } from './template-decoding.js';


/** The Terraform form of each text (texts with lone surrogates, which HCL cannot hold, map to themselves). */
export async function terraformTextForms(texts: Iterable<string>): Promise<Map<string, string>> {
  const forms = new Map<string, string>();
  const unique = [...new Set(texts)].filter((text) => {
    if (/^[\x00-\x7f]*$/.test(text)) forms.set(text, text);
    return !forms.has(text) && !hasLoneSurrogate(text);
  });
  if (unique.length === 0) return forms;
  const source = unique.map((text, index) => `t${index} = "${[...text].map(escapeCodePoint).join('')}"\n`).join('');
  const parsed = await parseHcl(source, 'terraform-text.tf');
  unique.forEach((text, index) => forms.set(text, decodeLiteral(parsed[`t${index}`] as string)));
  return forms;
}

/** Every string and object key inside a value. */
export function textsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) textsIn(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      textsIn(item, into);
    }
  }
  return into;
}

/** A value with every string and key replaced by its Terraform form. */
export function inTerraformForm<T>(value: T, forms: ReadonlyMap<string, string>): T {
  if (typeof value === 'string') return (forms.get(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item) => inTerraformForm(item, forms)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [forms.get(key) ?? key, inTerraformForm(item, forms)])) as T;
  }
  return value;
}

function escapeCodePoint(character: string): string {
  if (/^[A-Za-z0-9]$/.test(character)) return character;
  return `\\U${(character.codePointAt(0) as number).toString(16).padStart(8, '0')}`;
}
