/**
 * `templatefile(path, vars)` and `file(path)`: the template a call renders (`.tftpl`, `.json.tpl`, `.json`…), read with
 * each `${name}` whose variable is given a literal value substituted, and every other interpolation or
 * directive left as an opaque part. The policy found in it is linted at its place in the template file.
 */
import { dirname, join, normalize } from 'node:path';
import type { SyntaxNode as Node } from './syntax-node.js';
import { EmbeddedTextBuilder, type EmbeddedText } from '../../located/embedded-text.js';
import type { LocatedValue } from '../../located/located-value.js';
import { lineIndexOf } from '../../located/position.js';
import { literalTextOf } from '../../policy/text-value.js';
import { interpolationEnd } from '../embedded-json.js';
import { childrenOf, hclValue, plainValueOf, type HclSource } from './hcl-expression.js';

/** A `templatefile(…)` call whose path is known. */
export interface TemplateCall {
  /** The function called. */
  readonly function: 'templatefile' | 'file';
  /** The template's path relative to the directory of the calling `.tf` file (`${path.module}` read as `.`). */
  readonly path: string;
  /** The variables given, by name. */
  readonly variables: ReadonlyMap<string, LocatedValue>;
}

/** Reads a template file by its path relative to the calling file's directory; undefined when it cannot be read. */
export type TemplateReader = (path: string) => string | undefined;

/**
 * The call a `function_call` node makes, when it is `templatefile` (or `file`, a template without variables)
 * with a path known statically.
 */
export function templateCallOf(node: Node, source: HclSource): TemplateCall | undefined {
  const [name, argumentsNode] = childrenOf(node);
  if ((name?.text !== 'templatefile' && name?.text !== 'file') || argumentsNode === undefined) return undefined;
  const [pathNode, variablesNode] = childrenOf(argumentsNode).filter((child) => child.type === 'expression');
  if (pathNode === undefined) return undefined;
  const pathValue = hclValue(pathNode, source);
  const path = templatePath(pathValue);
  if (path === undefined) return undefined;
  const variables = new Map<string, LocatedValue>();
  const given = variablesNode === undefined || name.text === 'file' ? undefined : hclValue(variablesNode, source);
  if (given?.kind === 'object') for (const entry of given.entries) variables.set(entry.key, entry.value);
  return { function: name.text === 'file' ? 'file' : 'templatefile', path, variables };
}

/** `"${path.module}/x.tftpl"`, `"templates/x.json"` → a relative path; undefined when any other part is unknown. */
function templatePath(value: LocatedValue): string | undefined {
  if (value.kind !== 'text') return undefined;
  let path = '';
  for (const part of value.parts) {
    if (typeof part === 'string') path += part;
    else if (/^\$\{\s*path\.(module|root|cwd)\s*\}$/.test(part.opaque)) path += '.';
    else return undefined;
  }
  return normalize(path).split('\\').join('/');
}

/** The display path of a template called from `file` (both as displayed). */
export function templateDisplayPath(file: string, path: string): string {
  return join(dirname(file), path).split('\\').join('/');
}

/**
 * The template text with each `${name}` whose variable has a literal scalar value replaced by that text, and
 * each `${jsonencode(name)}` whose variable is wholly literal by its JSON (every character mapped to the
 * interpolation), other interpolations and `%{…}` directives opaque, and
 * `$${` / `%%{` read as the literal `${` / `%{`.
 */
export function renderTemplate(text: string, variables: ReadonlyMap<string, LocatedValue>): EmbeddedText {
  const lines = lineIndexOf(text);
  const builder = new EmbeddedTextBuilder();
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
        const body = text.slice(index + 2, end - 1).trim();
        const literal = char === '$' ? interpolationText(body, variables) : undefined;
        if (literal !== undefined) builder.append(literal, index, false);
        else builder.appendOpaque(text.slice(index, end), index);
        index = end;
        continue;
      }
    }
    builder.append(char, index);
    index++;
  }
  return builder.build((origin) => lines.position(origin), text.length);
}

/** `name` → the variable's literal text; `jsonencode(name)` → its JSON when every part of it is literal. */
function interpolationText(body: string, variables: ReadonlyMap<string, LocatedValue>): string | undefined {
  if (/^[A-Za-z_][\w-]*$/.test(body)) {
    const bound = variables.get(body);
    return bound === undefined ? undefined : literalTextOf(bound);
  }
  const encoded = /^jsonencode\(\s*([A-Za-z_][\w-]*)\s*\)$/.exec(body);
  const bound = encoded ? variables.get(encoded[1]!) : undefined;
  const plain = bound === undefined ? undefined : plainValueOf(bound);
  return plain === undefined ? undefined : JSON.stringify(plain);
}

/**
 * The template paths a `.tf` text passes to `templatefile` (or `file`) as literal strings, relative to its
 * directory (for a directory scan: these files are read through the call, with their variables and the
 * attribute that uses them, not on their own).
 */
export function templateFileReferences(tfText: string): string[] {
  const found = new Set<string>();
  for (const match of tfText.matchAll(/\b(?:templatefile|file)\(\s*"((?:\$\{\s*path\.(?:module|root|cwd)\s*\})?[^"$]*)"/g)) {
    found.add(normalize(match[1]!.replace(/^\$\{\s*path\.(module|root|cwd)\s*\}/, '.')).split('\\').join('/'));
  }
  return [...found];
}
