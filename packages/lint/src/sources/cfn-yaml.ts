/**
 * Reads CloudFormation YAML into located values. Short-form intrinsic tags (`!Ref`, `!Sub`, `!GetAtt`,
 * `!Join`, …) become intrinsic functions; long forms (`Fn::Sub:`) are recognised later, as for JSON.
 */
import { DeputyInputError } from '@deputy/policy-model';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { EmbeddedTextBuilder, type EmbeddedText } from '../located/embedded-text.js';
import type { LocatedEntry, LocatedValue } from '../located/located-value.js';
import { lineIndexOf, type LineIndex, type Position } from '../located/position.js';

/** Parses CloudFormation YAML; throws {@link DeputyInputError} with every syntax error. */
export function parseCfnYaml(text: string, file: string): LocatedValue | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, keepSourceTokens: true, uniqueKeys: true, prettyErrors: false, strict: false });
  const lines = lineIndexOf(text);
  if (document.errors.length > 0) {
    throw new DeputyInputError(
      document.errors.map((error) => ({
        code: 'yaml-syntax-error',
        message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        hint: 'fix the YAML at this position',
        location: { file, ...lines.position(error.pos[0]) },
      })),
    );
  }
  if (document.contents === null) return undefined;
  return new YamlReader(text, lines).read(document.contents as Node);
}

/** The long intrinsic function name for a short-form tag: `!Ref` → `Ref`, `!Sub` → `Fn::Sub`. */
export function intrinsicNameOfTag(tag: string): string {
  const name = tag.slice(1);
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * A mapping key as text. A plain key YAML would read as another type keeps its spelling: CloudFormation
 * policies write the condition operator `Null:` unquoted, which YAML alone reads as a null key.
 */
function keyText(key: Scalar, text: string): string | undefined {
  if (typeof key.value === 'string') return key.value;
  if (key.range === undefined || key.range === null) return undefined;
  const source = text.slice(key.range[0], key.range[1]).trim();
  return source === '' ? undefined : source;
}

class YamlReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  read(node: Node): LocatedValue {
    const start = node.range?.[0] ?? 0;
    const end = node.range?.[1] ?? start;
    const at = this.lines.position(start);
    const raw = this.text.slice(start, end);
    const value = this.untagged(node, at, raw);
    const tag = node.tag;
    if (tag !== undefined && tag.startsWith('!') && !tag.startsWith('!!')) {
      return { kind: 'intrinsic', name: intrinsicNameOfTag(tag), argument: value, at, raw: `${tag} ${raw}` };
    }
    return value;
  }

  private untagged(node: Node, at: Position, raw: string): LocatedValue {
    if (isMap(node)) {
      const entries: LocatedEntry[] = [];
      let unknownEntries = false;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = isScalar(key) && !key.tag?.startsWith('!') ? keyText(key, this.text) : undefined;
        if (key === null || name === undefined) {
          unknownEntries = true;
          continue;
        }
        const keyAt = this.lines.position(key.range?.[0] ?? 0);
        const value: LocatedValue = pair.value === null ? { kind: 'null', at: keyAt, raw: '' } : this.read(pair.value as Node);
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
    const value = node.value;
    if (typeof value === 'number') return { kind: 'number', value, at, raw };
    if (typeof value === 'boolean') return { kind: 'boolean', value, at, raw };
    if (value === null || value === undefined) return { kind: 'null', at, raw };
    const text = String(value);
    return { kind: 'text', parts: text === '' ? [] : [text], at, raw, decode: () => this.decodeScalar(node, text) };
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
