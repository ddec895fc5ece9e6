/**
 * Prints the HCL syntax tree exactly as `terraform fmt` would leave it: two-space indentation, one
 * attribute per line, `=` aligned across each run of consecutive single-line attributes (measured in
 * grapheme clusters, as hclwrite does), multi-line values opening on the attribute's line, a blank line
 * before every nested block, no trailing spaces.
 */
import type { HclBlock, HclBodyItem, HclExpression, HclTemplatePart } from './hcl-syntax.js';
import { commentText, escapeHclStringText, hclQuotedString } from './hcl-string.js';

/** Tuples of several single-line items are printed on one line when it is at most this long; one item always is. */
const INLINE_TUPLE_LIMIT = 80;

/**
 * Collects output lines. A run of consecutive single-line `lead = value` attributes is held back until the
 * next other line (or the end), when the widest lead of the run is known and `=` can be aligned.
 */
class LineSink {
  private readonly lines: string[] = [];
  private runIndents: number[] = [];
  private runLeads: string[] = [];
  private runTexts: string[] = [];

  /** A line that is not a single-line attribute; an empty `text` is an empty line. */
  line(indent: number, text: string): void {
    if (this.runLeads.length > 0) this.flush();
    this.lines.push(text === '' ? '' : indentation(indent) + text);
  }

  /** A single-line attribute `lead = text`, aligned with the others of its run. */
  attribute(indent: number, lead: string, text: string): void {
    this.runIndents.push(indent);
    this.runLeads.push(lead);
    this.runTexts.push(text);
  }

  /** Every line, joined, without a final newline. */
  text(): string {
    if (this.runLeads.length > 0) this.flush();
    return this.lines.join('\n');
  }

  private flush(): void {
    const { runIndents, runLeads, runTexts } = this;
    const columns: number[] = [];
    let widest = 0;
    for (let index = 0; index < runLeads.length; index++) {
      const column = leadColumns(runIndents[index]!, runLeads[index]!);
      columns.push(column);
      if (column > widest) widest = column;
    }
    for (let index = 0; index < runLeads.length; index++) {
      this.lines.push(`${indentation(runIndents[index]!)}${runLeads[index]}${' '.repeat(widest - columns[index]! + 1)}= ${runTexts[index]}`);
    }
    this.runIndents = [];
    this.runLeads = [];
    this.runTexts = [];
  }
}

const INDENTATION = ['', '  ', '    ', '      ', '        ', '          ', '            '];

function indentation(indent: number): string {
  return INDENTATION[indent] ?? '  '.repeat(indent);
}

/** Renders the items of a block body at the given indentation level, aligned, without a final newline. */
export function writeBody(items: readonly HclBodyItem[], indent: number): string {
  const sink = new LineSink();
  writeItems(sink, items, indent);
  return sink.text();
}

/** Renders a complete block (header, body, closing brace) at the given indentation level. */
export function writeBlock(hclBlock: HclBlock, indent: number): string {
  const sink = new LineSink();
  writeNestedBlock(sink, hclBlock, indent);
  return sink.text();
}

/** The opening of a block: `resource "aws_iam_role" "label"`. */
export function blockHeader(type: string, labels: readonly string[]): string {
  let header = type;
  for (let index = 0; index < labels.length; index++) header += ` ${hclQuotedString(labels[index]!)}`;
  return header;
}

/** Comment text is wrapped at word boundaries to keep lines at most this wide (a longer word stays whole). */
const COMMENT_WIDTH = 100;

/** `#` comment lines for text that may span several lines, wrapped at word boundaries. */
export function commentLines(comment: string): string[] {
  return comment.split(/\r\n|\n|\r/).flatMap((line) => {
    const body = commentText(line);
    return body === '' ? ['#'] : wrapWords(body, COMMENT_WIDTH - 2).map((part) => `# ${part}`);
  });
}

/** Every comment line above a block: its wrapped `comments`, then its `directives`, one line each. */
export function blockCommentLines(hclBlock: HclBlock): string[] {
  const lines: string[] = [];
  if (hclBlock.comments !== undefined) for (const comment of hclBlock.comments) lines.push(...commentLines(comment));
  if (hclBlock.directives !== undefined) for (const directive of hclBlock.directives) lines.push(`# ${commentText(directive)}`);
  return lines;
}

function wrapWords(text: string, width: number): string[] {
  const indent = /^ */.exec(text)?.[0] ?? '';
  const hanging = /^ *- /.test(text) ? `${indent}  ` : indent;
  const lines: string[] = [];
  let current = '';
  for (const word of text.slice(indent.length).split(/ +/)) {
    if (current === '') current = (lines.length === 0 ? indent : hanging) + word;
    else if (current.length + 1 + word.length > width) {
      lines.push(current);
      current = hanging + word;
    } else current = `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

function writeItems(sink: LineSink, items: readonly HclBodyItem[], indent: number): void {
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.kind === 'block') {
      if (index > 0) sink.line(0, '');
      writeNestedBlock(sink, item, indent);
      continue;
    }
    if (item.comments !== undefined) for (const comment of item.comments) for (const text of commentLines(comment)) sink.line(indent, text);
    writeEntry(sink, item.name, item.value, indent);
  }
}

function writeNestedBlock(sink: LineSink, hclBlock: HclBlock, indent: number): void {
  if (hclBlock.comments !== undefined || hclBlock.directives !== undefined) for (const text of blockCommentLines(hclBlock)) sink.line(indent, text);
  const header = blockHeader(hclBlock.type, hclBlock.labels);
  if (hclBlock.body.length === 0) {
    sink.line(indent, `${header} {}`);
    return;
  }
  sink.line(indent, `${header} {`);
  writeItems(sink, hclBlock.body, indent + 1);
  sink.line(indent, '}');
}

/** `lead = value`: one aligned line when the value fits on one, else the value opening on the lead's line. */
function writeEntry(sink: LineSink, lead: string, value: HclExpression, indent: number): void {
  const inline = inlineText(value);
  if (inline !== undefined) sink.attribute(indent, lead, inline);
  else writeMultiLine(sink, value, indent, `${lead} = `, '');
}

/** The expression on one line, or `undefined` when it is printed over several (a non-empty object, a long tuple, a call of one). */
function inlineText(expression: HclExpression): string | undefined {
  switch (expression.kind) {
    case 'traversal':
      return expression.path;
    case 'template':
      return renderTemplate(expression.parts);
    case 'number':
      return renderNumber(expression.value);
    case 'bool':
      return String(expression.value);
    case 'tuple':
      return inlineTuple(expression.items);
    case 'object':
      return expression.entries.length === 0 ? '{}' : undefined;
    case 'call': {
      let args = '';
      for (let index = 0; index < expression.args.length; index++) {
        const arg = inlineText(expression.args[index]!);
        if (arg === undefined) return undefined;
        args += index === 0 ? arg : `, ${arg}`;
      }
      return `${expression.name}(${args})`;
    }
  }
}

/** `[a, b]` when every item is single-line and the whole is at most {@link INLINE_TUPLE_LIMIT} long (or has one item). */
function inlineTuple(items: readonly HclExpression[]): string | undefined {
  let inline = '[';
  for (let index = 0; index < items.length; index++) {
    const item = inlineText(items[index]!);
    if (item === undefined) return undefined;
    inline += index === 0 ? item : `, ${item}`;
    if (items.length > 1 && inline.length > INLINE_TUPLE_LIMIT) return undefined;
  }
  inline += ']';
  return items.length <= 1 || inline.length <= INLINE_TUPLE_LIMIT ? inline : undefined;
}

/**
 * An expression that {@link inlineText} cannot put on one line: its opening after `prefix` on the current
 * line, its inner lines one level deeper, and its closing followed by `suffix`.
 */
function writeMultiLine(sink: LineSink, expression: HclExpression, indent: number, prefix: string, suffix: string): void {
  switch (expression.kind) {
    case 'object': {
      const entries = expression.entries;
      sink.line(indent, `${prefix}{`);
      for (let index = 0; index < entries.length; index++) writeEntry(sink, objectKey(entries[index]!.key), entries[index]!.value, indent + 1);
      sink.line(indent, `}${suffix}`);
      return;
    }
    case 'tuple': {
      const items = expression.items;
      sink.line(indent, `${prefix}[`);
      for (let index = 0; index < items.length; index++) {
        const inline = inlineText(items[index]!);
        if (inline !== undefined) sink.line(indent + 1, `${inline},`);
        else writeMultiLine(sink, items[index]!, indent + 1, '', ',');
      }
      sink.line(indent, `]${suffix}`);
      return;
    }
    case 'call': {
      const [only] = expression.args;
      if (expression.args.length !== 1 || only === undefined) throw new Error('invariant: a multi-line value inside a call with several arguments');
      writeMultiLine(sink, only, indent, `${prefix}${expression.name}(`, `)${suffix}`);
      return;
    }
    default:
      throw new Error(`invariant: a ${expression.kind} expression is always written on one line`);
  }
}

/**
 * A quoted string template. Literal text is escaped; a run of `$` just before an interpolation is written
 * as `${("$")}`, because `$${` would otherwise turn the interpolation into literal text.
 */
function renderTemplate(parts: readonly HclTemplatePart[]): string {
  const only = parts[0];
  if (parts.length === 1 && typeof only === 'string') return `"${escapeHclStringText(only)}"`;
  const merged = mergeLiterals(parts);
  let body = '';
  for (let index = 0; index < merged.length; index++) {
    const part = merged[index]!;
    if (typeof part !== 'string') {
      body += `\${${part.path}}`;
      continue;
    }
    const dollars = index + 1 < merged.length ? /\$+$/.exec(part) : null;
    body += dollars ? `${escapeHclStringText(part.slice(0, dollars.index))}\${(${hclQuotedString(dollars[0])})}` : escapeHclStringText(part);
  }
  return `"${body}"`;
}

function mergeLiterals(parts: readonly HclTemplatePart[]): HclTemplatePart[] {
  const merged: HclTemplatePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  }
  return merged;
}

function renderNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`invariant: ${value} is not a finite number`);
  return String(value);
}

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(['for', 'in', 'if', 'else', 'endif', 'endfor', 'null', 'true', 'false']);

/**
 * An object key: bare when it is a plain identifier that HCL cannot read as anything else, quoted otherwise,
 * with combining marks escaped so that `terraform fmt` counts its width as this writer does.
 */
export function objectKey(key: string): string {
  let written = objectKeys.get(key);
  if (written === undefined) {
    written = BARE_KEY.test(key) && !KEYWORDS.has(key) ? key : hclQuotedString(key, { escapeCombiningMarks: true });
    if (objectKeys.size < OBJECT_KEY_CACHE_LIMIT) objectKeys.set(key, written);
  }
  return written;
}

/** Policy keys repeat in every document (`Version`, `Statement`, `Effect`, condition keys): each is written once. */
const objectKeys = new Map<string, string>();
const OBJECT_KEY_CACHE_LIMIT = 10_000;

/** Columns of the text left of `=`, counted like hclwrite: indentation plus grapheme clusters per token. */
function leadColumns(indent: number, lead: string): number {
  const quoted = lead.startsWith('"');
  const inner = quoted ? lead.slice(1, -1) : lead;
  return indent * 2 + (quoted ? 2 : 0) + graphemeCount(inner);
}

/** Grapheme clusters in text; printable ASCII (every bare key, and most quoted ones) is one per character. */
function graphemeCount(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return [...graphemes.segment(text)].length;
}

/** Made on first use: building a segmenter loads ICU's break rules (milliseconds), and most runs never need one. */
let graphemes: Intl.Segmenter | undefined;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
