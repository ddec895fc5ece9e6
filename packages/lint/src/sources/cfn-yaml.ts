/**
 * Reads CloudFormation YAML into located values, as CloudFormation's and cfn-lint's reader (PyYAML, YAML 1.1)
 * reads it: plain scalars resolve by PyYAML's rules ({@link resolvePlainScalar}), continuation lines of
 * quoted scalars and flow collections may be indented as little as PyYAML allows ({@link relaxIndentation}),
 * and a duplicate key keeps its last value (PyYAML's behaviour) with a notice. Short-form intrinsic tags
 * (`!Ref`, `!Sub`, `!GetAtt`, `!Join`, …) become intrinsic functions; long forms (`Fn::Sub:`) are recognised
 * later, as for JSON.
 */
import { DeputyInputError } from '@deputy/policy-model';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { EmbeddedTextBuilder, type EmbeddedText } from '../located/embedded-text.js';
import type { LocatedEntry, LocatedValue } from '../located/located-value.js';
import { lineIndexOf, type LineIndex, type Position } from '../located/position.js';
import type { ScanNotice } from './source-scan.js';
import { resolvePlainScalar } from './yaml/pyyaml-scalars.js';
import { relaxIndentation } from './yaml/relaxed-indent.js';

/** What reading one YAML file yields. */
export interface CfnYamlRead {
  /** The document's root value; undefined for an empty document or a multi-document stream. */
  readonly root: LocatedValue | undefined;
  /** True when the file holds several YAML documents (Kubernetes, Helm output): never a CloudFormation template. */
  readonly multiDocument: boolean;
  /** Things read leniently, as PyYAML reads them (duplicate keys). */
  readonly notices: readonly ScanNotice[];
}

/**
 * Parses CloudFormation YAML; throws {@link DeputyInputError} with every syntax error PyYAML would also reject.
 * `firstLine` is the file line the text starts on (a part of a larger file, see large-yaml-template.ts).
 */
export function parseCfnYaml(text: string, file: string, firstLine = 1): CfnYamlRead {
  let document = parse(text);
  let lines = withLineOffset(lineIndexOf(text), firstLine - 1);
  if (document.errors.some((error) => error.code === 'MULTIPLE_DOCS')) return { root: undefined, multiDocument: true, notices: [] };
  if (document.errors.length > 0) {
    const relaxed = relaxIndentation(text);
    const retry = relaxed === undefined ? undefined : parse(relaxed.text);
    if (retry === undefined || retry.errors.length > 0) {
      throw new DeputyInputError(
        document.errors.map((error) => ({
          code: 'yaml-syntax-error',
          message: `YAML syntax error: ${readerMessage(error.message)}`,
          hint: 'fix the YAML at this position',
          location: { file, ...lines.position(error.pos[0]) },
        })),
      );
    }
    document = retry;
    text = relaxed!.text;
    lines = withLineOffset(shiftedLineIndex(lineIndexOf(text), relaxed!.shifts), firstLine - 1);
  }
  if (document.contents === null) return { root: undefined, multiDocument: false, notices: [] };
  const reader = new YamlReader(text, lines, file);
  return { root: reader.read(document.contents as Node), multiDocument: false, notices: reader.notices };
}

/** The `failsafe` schema keeps every scalar a string, resolved afterwards by PyYAML's rules. */
function parse(text: string): Document {
  return parseDocument(text, { schema: 'failsafe', uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error' });
}

/** The parser's message without its advice about its own API. */
function readerMessage(message: string): string {
  return message.split('\n')[0]!.replace(/;\s*please use [^;]*$/i, '').trim();
}

/** A line index for text that starts on file line `offset + 1`. */
function withLineOffset(lines: LineIndex, offset: number): LineIndex {
  if (offset === 0) return lines;
  return {
    lineCount: lines.lineCount + offset,
    lineStart: (line) => lines.lineStart(line - offset),
    lineText: (line) => lines.lineText(line - offset),
    position(at) {
      const position = lines.position(at);
      return { line: position.line + offset, column: position.column };
    },
  };
}

/** A line index whose columns discount the spaces {@link relaxIndentation} added. */
function shiftedLineIndex(lines: LineIndex, shifts: ReadonlyMap<number, number>): LineIndex {
  return {
    lineCount: lines.lineCount,
    lineStart: (line) => lines.lineStart(line),
    lineText: (line) => lines.lineText(line),
    position(offset) {
      const position = lines.position(offset);
      const shift = shifts.get(position.line);
      return shift === undefined ? position : { line: position.line, column: Math.max(1, position.column - shift) };
    },
  };
}

/**
 * Explicit core-type tags (`!!int 86400`, `!!bool "yes"`): the scalar is resolved; any other tag (`!!str`,
 * `!Sub`) keeps it text. The non-specific tag `!` is no tag for PyYAML (`! 012` is octal 10).
 */
const CORE_TYPE_TAG = /^(?:!!|tag:yaml\.org,2002:)(?:int|float|bool|null)$/;

/** The long intrinsic function name for a short-form tag: `!Ref` → `Ref`, `!Sub` → `Fn::Sub`. */
export function intrinsicNameOfTag(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** A mapping key as text (the failsafe schema reads every scalar key as a string). */
function keyText(key: Scalar, text: string): string | undefined {
  if (typeof key.value === 'string') return key.value;
  if (key.range === undefined || key.range === null) return undefined;
  const source = text.slice(key.range[0], key.range[1]).trim();
  return source === '' ? undefined : source;
}

class YamlReader {
  /** Duplicate keys met so far. */
  readonly notices: ScanNotice[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly file: string,
  ) {}

  read(node: Node): LocatedValue {
    const start = node.range?.[0] ?? 0;
    const end = node.range?.[1] ?? start;
    const at = this.lines.position(start);
    const raw = this.text.slice(start, end);
    const tag = node.tag;
    const intrinsic = tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!') && tag !== '!';
    const value = this.untagged(node, at, raw);
    if (intrinsic) {
      return { kind: 'intrinsic', name: intrinsicNameOfTag(tag), argument: value, at, raw: `${tag} ${raw}` };
    }
    return value;
  }

  private untagged(node: Node, at: Position, raw: string): LocatedValue {
    if (isMap(node)) {
      const entries: LocatedEntry[] = [];
      const seen = new Map<string, number>();
      let unknownEntries = false;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = isScalar(key) && (key.tag === undefined || key.tag === '!' || !key.tag.startsWith('!')) ? keyText(key, this.text) : undefined;
        if (key === null || name === undefined) {
          unknownEntries = true;
          continue;
        }
        const keyAt = this.lines.position(key.range?.[0] ?? 0);
        const value: LocatedValue = pair.value === null ? { kind: 'null', at: keyAt, raw: '' } : this.read(pair.value as Node);
        const earlier = seen.get(name);
        if (earlier !== undefined) {
          const first = entries[earlier]!;
          this.notices.push({
            code: 'yaml-duplicate-key',
            file: this.file,
            at: keyAt,
            message: `duplicate key ${JSON.stringify(name)} (first at line ${first.keyAt.line}): the last value is read, as PyYAML (cfn-lint's reader) reads it; cfn-lint reports duplicate keys (E0000)`,
          });
          entries.splice(earlier, 1);
          for (const [key, index] of seen) if (index > earlier) seen.set(key, index - 1);
        }
        seen.set(name, entries.length);
        entries.push({ key: name, keyAt, value });
      }
      return { kind: 'object', entries, unknownEntries, at, raw };
    }
    if (isSeq(node)) {
      return { kind: 'array', items: node.items.map((item) => this.read(item as Node)), at, raw };
    }
    if (isAlias(node)) return { kind: 'opaque', at, raw };
    if (isScalar(node)) return this.scalar(node, at, raw);
    return { kind: 'opaque', at, raw };
  }

  private scalar(node: Scalar, at: Position, raw: string): LocatedValue {
    let source = node.value === null || node.value === undefined ? '' : String(node.value);
    if (this.clipsAtEndWithoutBreak(node, source)) source = source.slice(0, -1);
    const tag = node.tag;
    const resolves = tag !== undefined && tag !== '!' ? CORE_TYPE_TAG.test(tag) : node.type === 'PLAIN';
    const resolved = resolves ? resolvePlainScalar(source) : { kind: 'text' as const, value: source };
    const value = resolved.kind === 'null' ? null : resolved.value;
    if (typeof value === 'number') return { kind: 'number', value, at, raw };
    if (typeof value === 'boolean') return { kind: 'boolean', value, at, raw };
    if (value === null || value === undefined) return { kind: 'null', at, raw };
    const text = String(value);
    return { kind: 'text', parts: text === '' ? [] : [text], at, raw, decode: () => this.decodeScalar(node, text) };
  }

  /** PyYAML's "clip" chomping keeps a final line break only when the file has one: a block scalar ending the file without one has none. */
  private clipsAtEndWithoutBreak(node: Scalar, source: string): boolean {
    if ((node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') || !source.endsWith('\n')) return false;
    const end = node.range?.[1] ?? 0;
    if (this.text.slice(end).trim() !== '' || this.text.endsWith('\n')) return false;
    const header = /^[|>][^\n]*/.exec(this.text.slice(node.range?.[0] ?? 0))?.[0] ?? '';
    return !header.includes('+');
  }

  /** Maps a block literal line by line; any other scalar style maps every character to the scalar start. */
  private decodeScalar(node: Scalar, text: string): EmbeddedText {
    const start = node.range?.[0] ?? 0;
    const builder = new EmbeddedTextBuilder();
    if (node.type === 'BLOCK_LITERAL') {
      const headerLine = this.lines.position(start).line;
      const contentLines = text.split('\n');
      const indent = this.blockIndent(headerLine + 1);
      contentLines.forEach((line, index) => {
        builder.append(line + (index < contentLines.length - 1 ? '\n' : ''), this.lines.lineStart(headerLine + 1 + index) + indent);
      });
      return builder.build((origin) => this.lines.position(origin), this.lines.lineStart(headerLine + contentLines.length) + indent);
    }
    builder.append(text, start, false);
    return builder.build((origin) => this.lines.position(origin), start);
  }

  private blockIndent(line: number): number {
    for (let current = line; current <= this.lines.lineCount; current++) {
      const content = this.lines.lineText(current);
      if (content.trim() !== '') return content.length - content.trimStart().length;
    }
    return 0;
  }
}
