/**
 * Decodes HCL string templates (quoted strings and heredocs) into text with a map back to the file:
 * escapes are decoded (`\"`, `\n`, `\u00e9` in quoted strings; `$${` and `%%{` in both), and each
 * interpolation or directive becomes one opaque part holding its source.
 */
import type { SyntaxNode as Node } from './syntax-node.js';
import { EmbeddedTextBuilder, OPAQUE_MARK, verbatimText, type EmbeddedText } from '../../located/embedded-text.js';
import { mergeParts, type TextPart } from '../../located/located-value.js';
import { interpolationEnd } from '../embedded-json.js';
import type { HclSource } from './hcl-expression.js';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Decodes a `quoted_template`, `string_lit` or `heredoc_template` node. The content between the quotes (or
 * heredoc markers) is scanned here rather than taken from tree-sitter's template nodes, following HCL's own
 * lexer: `$${` is always the escape for a literal `${` (so `$$${x}` is `$` + `${x}`, which tree-sitter
 * reads as an interpolation), and `${…}` / `%{…}` run to their balanced closing brace.
 */
export function decodeTemplate(node: Node, source: HclSource): EmbeddedText {
  const text = source.text;
  const heredoc = node.type === 'heredoc_template';
  const [start, end] = heredoc ? heredocContent(node, text) : quotedContent(node);
  if (plainRunEnd(text, start, end, heredoc) === end) return verbatimText(text, start, end, (offset) => source.position(offset));
  return decodeContent(text, start, end, heredoc, source);
}

/** A template's text parts, and its decoded text (decoded when first asked for: most strings are never parsed as JSON). */
export interface TemplateReading {
  /** Literal text and opaque parts, as {@link templateParts} gives them. */
  readonly parts: TextPart[];
  /** {@link decodeTemplate} of the node, computed once. */
  readonly decode: () => EmbeddedText;
}

/** Reads a template's parts; a string without escapes or interpolations is its text, decoded only when asked. */
export function readTemplate(node: Node, source: HclSource): TemplateReading {
  const text = source.text;
  const heredoc = node.type === 'heredoc_template';
  const [start, end] = heredoc ? heredocContent(node, text) : quotedContent(node);
  if (plainRunEnd(text, start, end, heredoc) === end) {
    const content = text.slice(start, end);
    if (!content.includes(OPAQUE_MARK)) {
      let decoded: EmbeddedText | undefined;
      return { parts: content === '' ? [] : [content], decode: () => (decoded ??= verbatimText(text, start, end, (offset) => source.position(offset))) };
    }
  }
  const decoded = decodeTemplate(node, source);
  return { parts: templateParts(decoded), decode: () => decoded };
}

function decodeContent(text: string, start: number, end: number, heredoc: boolean, source: HclSource): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  let index = start;
  while (index < end) {
    const char = text[index]!;
    if ((char === '$' || char === '%') && text[index + 1] === char && text[index + 2] === '{') {
      builder.append(`${char}{`, index, false);
      index += 3;
      continue;
    }
    if ((char === '$' || char === '%') && text[index + 1] === '{') {
      const close = interpolationEnd(text, index + 2);
      if (close > 0 && close <= end) {
        builder.appendOpaque(text.slice(index, close), index);
        index = close;
        continue;
      }
    }
    if (!heredoc && char === '\\') {
      const decoded = decodeEscape(text, index);
      if (decoded) {
        builder.append(decoded.text, index, false);
        index += decoded.length;
        continue;
      }
    }
    const run = plainRunEnd(text, index + 1, end, heredoc);
    builder.append(text.slice(index, run), index);
    index = run;
  }
  return builder.build((offset) => source.position(offset), end);
}

/** Where the characters copied as they are stop: at the next `$`, `%` or (in a quoted string) backslash, or at `end`. */
function plainRunEnd(text: string, from: number, end: number, heredoc: boolean): number {
  let index = from;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === 0x24 || code === 0x25 || (!heredoc && code === 0x5c)) break;
    index++;
  }
  return index;
}

/** Splits decoded text into literal and opaque parts. */
export function templateParts(decoded: EmbeddedText): TextPart[] {
  if (!decoded.text.includes(OPAQUE_MARK)) return decoded.text === '' ? [] : [decoded.text];
  const parts: TextPart[] = [];
  decoded.text.split(OPAQUE_MARK).forEach((literal, ordinal) => {
    if (ordinal > 0) parts.push({ opaque: decoded.opaque[ordinal - 1] ?? '' });
    parts.push(literal);
  });
  return mergeParts(parts);
}

function quotedContent(node: Node): [number, number] {
  const open = node.children.find((child) => child?.type === 'quoted_template_start');
  const close = node.children.find((child) => child?.type === 'quoted_template_end');
  return [open?.endIndex ?? node.startIndex, close?.startIndex ?? node.endIndex];
}

/** From the line after `<<EOF` to the start of the line holding the closing identifier. */
function heredocContent(node: Node, text: string): [number, number] {
  const identifiers = node.children.filter((child): child is Node => child?.type === 'heredoc_identifier');
  const opening = identifiers[0];
  const closing = identifiers[identifiers.length - 1];
  const firstBreak = text.indexOf('\n', opening?.endIndex ?? node.startIndex);
  const start = firstBreak < 0 ? node.endIndex : firstBreak + 1;
  if (closing === undefined || closing === opening) return [start, node.endIndex];
  const closingLineStart = text.lastIndexOf('\n', closing.startIndex - 1) + 1;
  return [start, Math.max(start, closingLineStart)];
}

/** The backslash escape at `index` of a quoted string: its text and length, or undefined when not an escape. */
function decodeEscape(text: string, index: number): { text: string; length: number } | undefined {
  const escape = text[index + 1] ?? '';
  const simple = SIMPLE_ESCAPES[escape];
  if (simple !== undefined) return { text: simple, length: 2 };
  const width = escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
  const hex = text.slice(index + 2, index + 2 + width);
  if (width > 0 && new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) return { text: String.fromCodePoint(Number.parseInt(hex, 16)), length: 2 + width };
  return undefined;
}
