/**
 * Parses a policy written as a JSON string inside another syntax: a Terraform string, a CloudFormation
 * string or `Fn::Sub` template (whose `${…}` variables become opaque parts).
 */
import { EmbeddedTextBuilder, fileText, type EmbeddedText } from '../located/embedded-text.js';
import { parseLocatedJson } from '../located/located-json.js';
import { lineIndexOf } from '../located/position.js';
import type { LocatedValue } from '../located/located-value.js';

/** The decoded text of a string value, mapped back to the file. */
export function decodedTextOf(value: LocatedValue & { kind: 'text' }): EmbeddedText {
  if (value.decode) return value.decode();
  const text = value.parts.map((part) => (typeof part === 'string' ? part : part.opaque)).join('');
  const at = value.at;
  return { ...fileText(text, lineIndexOf(text)), position: () => at };
}

/** Replaces each `${Variable}` of an `Fn::Sub` template with an opaque part; `${!Literal}` stays literal text. */
export function substituteVariables(template: EmbeddedText): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  const text = template.text;
  let index = 0;
  while (index < text.length) {
    if (text.startsWith('${', index)) {
      const close = text.indexOf('}', index);
      if (close > 0) {
        const body = text.slice(index + 2, close);
        if (body.startsWith('!')) builder.append(`\${${body.slice(1)}}`, index, false);
        else builder.appendOpaque(text.slice(index, close + 1), index);
        index = close + 1;
        continue;
      }
    }
    builder.append(text[index]!, index);
    index++;
  }
  return builder.build((origin) => template.position(origin), text.length);
}

/**
 * Replaces each Terraform interpolation `${…}` or directive `%{…}` (braces balanced, quoted strings
 * skipped) with an opaque part; `$${` and `%%{` are the literal `${` and `%{`.
 */
export function substituteInterpolations(template: EmbeddedText): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  const text = template.text;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if ((char === '$' || char === '%') && text[index + 1] === char && text[index + 2] === '{') {
      builder.append(`${char}{`, index, false);
      index += 3;
      continue;
    }
    if ((char === '$' || char === '%') && text[index + 1] === '{') {
      const end = interpolationEnd(text, index + 2);
      if (end > 0) {
        builder.appendOpaque(text.slice(index, end), index);
        index = end;
        continue;
      }
    }
    builder.append(char, index);
    index++;
  }
  return builder.build((origin) => template.position(origin), text.length);
}

/** The index after the `}` closing an interpolation whose body starts at `start`, or -1. */
export function interpolationEnd(text: string, start: number): number {
  let depth = 1;
  let quoted = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '\\') index++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return -1;
}

/** Parses the JSON held by a string or `Fn::Sub` value (throws `LocatedSyntaxError`). */
export function parseEmbeddedJson(value: LocatedValue): { document: LocatedValue; substituted: boolean } {
  if (value.kind === 'text') return { document: parseLocatedJson(decodedTextOf(value)), substituted: false };
  if (value.kind === 'intrinsic') {
    const template = value.argument.kind === 'array' ? value.argument.items[0] : value.argument;
    if (template?.kind === 'text') return { document: parseLocatedJson(substituteVariables(decodedTextOf(template))), substituted: true };
  }
  throw new Error('invariant: parseEmbeddedJson needs a string or an Fn::Sub template');
}
