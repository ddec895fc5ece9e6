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

/** One output line before alignment. `lead` is set for a single-line `lead = value` attribute. */
interface Line {
  readonly indent: number;
  readonly text: string;
  readonly lead?: string;
}

/** A rendered expression: one piece of text, or an opening, indented inner lines and a closing. */
type Rendered =
  | { readonly inline: string }
  | { readonly open: string; readonly inner: readonly Line[]; readonly close: string };

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Renders the items of a block body at the given indentation level, aligned, without a final newline. */
export function writeBody(items: readonly HclBodyItem[], indent: number): string {
  return alignLines(bodyLines(items, indent));
}

/** Renders a complete block (header, body, closing brace) at the given indentation level. */
export function writeBlock(hclBlock: HclBlock, indent: number): string {
  return alignLines(blockLines(hclBlock, indent));
}

/** The opening of a block: `resource "aws_iam_role" "label"`. */
export function blockHeader(type: string, labels: readonly string[]): string {
  return [type, ...labels.map((label) => hclQuotedString(label))].join(' ');
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
  return [...(hclBlock.comments ?? []).flatMap(commentLines), ...(hclBlock.directives ?? []).map((directive) => `# ${commentText(directive)}`)];
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

function bodyLines(items: readonly HclBodyItem[], indent: number): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (item.kind === 'block') {
      if (lines.length > 0) lines.push({ indent: 0, text: '' });
      lines.push(...blockLines(item, indent));
      continue;
    }
    for (const comment of item.comments ?? []) lines.push(...commentLines(comment).map((text) => ({ indent, text })));
    lines.push(...entryLines(item.name, item.value, indent));
  }
  return lines;
}

function blockLines(hclBlock: HclBlock, indent: number): Line[] {
  const lines: Line[] = [];
  for (const text of blockCommentLines(hclBlock)) lines.push({ indent, text });
  const header = blockHeader(hclBlock.type, hclBlock.labels);
  if (hclBlock.body.length === 0) return [...lines, { indent, text: `${header} {}` }];
  return [...lines, { indent, text: `${header} {` }, ...bodyLines(hclBlock.body, indent + 1), { indent, text: '}' }];
}

function entryLines(lead: string, value: HclExpression, indent: number): Line[] {
  const rendered = render(value, indent);
  if ('inline' in rendered) return [{ indent, lead, text: rendered.inline }];
  return [{ indent, text: `${lead} = ${rendered.open}` }, ...rendered.inner, { indent, text: rendered.close }];
}

function render(expression: HclExpression, indent: number): Rendered {
  switch (expression.kind) {
    case 'traversal':
      return { inline: expression.path };
    case 'template':
      return { inline: renderTemplate(expression.parts) };
    case 'number':
      return { inline: renderNumber(expression.value) };
    case 'bool':
      return { inline: String(expression.value) };
    case 'tuple':
      return renderTuple(expression.items, indent);
    case 'object':
      if (expression.entries.length === 0) return { inline: '{}' };
      return {
        open: '{',
        inner: expression.entries.flatMap((entry) => entryLines(objectKey(entry.key), entry.value, indent + 1)),
        close: '}',
      };
    case 'call': {
      const args = expression.args.map((arg) => render(arg, indent));
      const [only] = args;
      if (args.length === 1 && only !== undefined && !('inline' in only)) {
        return { open: `${expression.name}(${only.open}`, inner: only.inner, close: `${only.close})` };
      }
      return { inline: `${expression.name}(${args.map((arg) => inlineText(arg)).join(', ')})` };
    }
  }
}

function inlineText(rendered: Rendered): string {
  if ('inline' in rendered) return rendered.inline;
  throw new Error('invariant: a multi-line value inside a call with several arguments');
}

function renderTuple(items: readonly HclExpression[], indent: number): Rendered {
  const rendered = items.map((item) => render(item, indent + 1));
  const inlineItems = rendered.flatMap((item) => ('inline' in item ? [item.inline] : []));
  if (inlineItems.length === rendered.length) {
    const inline = `[${inlineItems.join(', ')}]`;
    if (inlineItems.length <= 1 || inline.length <= INLINE_TUPLE_LIMIT) return { inline };
  }
  const inner = rendered.flatMap((item): Line[] =>
    'inline' in item
      ? [{ indent: indent + 1, text: `${item.inline},` }]
      : [{ indent: indent + 1, text: item.open }, ...item.inner, { indent: indent + 1, text: `${item.close},` }],
  );
  return { open: '[', inner, close: ']' };
}

/**
 * A quoted string template. Literal text is escaped; a run of `$` just before an interpolation is written
 * as `${("$")}`, because `$${` would otherwise turn the interpolation into literal text.
 */
function renderTemplate(parts: readonly HclTemplatePart[]): string {
  const merged = mergeLiterals(parts);
  let body = '';
  merged.forEach((part, index) => {
    if (typeof part !== 'string') {
      body += `\${${part.path}}`;
      return;
    }
    const dollars = /\$+$/.exec(part);
    const beforeInterpolation = index + 1 < merged.length;
    if (dollars && beforeInterpolation) {
      body += `${escapeHclStringText(part.slice(0, dollars.index))}\${(${hclQuotedString(dollars[0])})}`;
    } else {
      body += escapeHclStringText(part);
    }
  });
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

/** Applies terraform fmt's `=` alignment and indentation, and joins the lines. */
function alignLines(lines: readonly Line[]): string {
  const output: string[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    const columns = run.map(leadColumns);
    const widest = Math.max(...columns);
    run.forEach((line, index) => {
      output.push(`${'  '.repeat(line.indent)}${line.lead}${' '.repeat(widest - columns[index]! + 1)}= ${line.text}`);
    });
    run = [];
  };
  for (const line of lines) {
    if (line.lead !== undefined) {
      run.push(line);
      continue;
    }
    if (run.length > 0) flush();
    output.push(line.text === '' ? '' : `${'  '.repeat(line.indent)}${line.text}`);
  }
  if (run.length > 0) flush();
  return output.join('\n');
}

/** Columns of the text left of `=`, counted like hclwrite: indentation plus grapheme clusters per token. */
function leadColumns(line: Line): number {
  const lead = line.lead ?? '';
  const quoted = lead.startsWith('"');
  const inner = quoted ? lead.slice(1, -1) : lead;
  return line.indent * 2 + (quoted ? 2 : 0) + graphemeCount(inner);
}

/** Grapheme clusters in text; printable ASCII (every bare key, and most quoted ones) is one per character. */
function graphemeCount(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : [...graphemes.segment(text)].length;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
