/**
 * A JSON parser that keeps the position and source text of every value. It reads raw policy files,
 * CloudFormation JSON, `.tf.json` and JSON embedded in HCL strings, heredocs and `Fn::Sub`; an opaque mark
 * (an interpolation) is read as an opaque value, or as an opaque part inside a string.
 */
import { EmbeddedTextBuilder, OPAQUE_MARK, type EmbeddedText } from './embedded-text.js';
import { mergeParts, type LocatedEntry, type LocatedValue, type TextPart } from './located-value.js';
import type { Position } from './position.js';

/** Raised for text that is not JSON. */
export class LocatedSyntaxError extends Error {
  /** Where the parser stopped. */
  readonly at: Position;

  constructor(message: string, at: Position) {
    super(message);
    this.name = 'LocatedSyntaxError';
    this.at = at;
  }
}

/** Parses one JSON value filling the whole text (surrounding whitespace allowed). */
export function parseLocatedJson(input: EmbeddedText): LocatedValue {
  const parser = new JsonParser(input);
  return parser.document();
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonParser {
  private index = 0;
  private opaqueOrdinal = 0;
  private readonly text: string;

  constructor(private readonly input: EmbeddedText) {
    this.text = input.text.charCodeAt(0) === 0xfeff ? ` ${input.text.slice(1)}` : input.text;
  }

  document(): LocatedValue {
    this.skipWhitespace();
    const value = this.value();
    this.skipWhitespace();
    if (this.index < this.text.length) this.fail(`unexpected ${this.describe()} after the JSON value`);
    return value;
  }

  private value(): LocatedValue {
    const start = this.index;
    const at = this.input.position(start);
    const char = this.text[this.index];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') {
      const parts = this.string();
      const end = this.index;
      return { kind: 'text', parts, at, raw: this.input.slice(start, end), decode: () => decodeJsonString(this.input, start, end) };
    }
    if (char === OPAQUE_MARK) {
      this.index++;
      return { kind: 'opaque', at, raw: this.input.opaque[this.opaqueOrdinal++] ?? '' };
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const [word, kind] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        if (kind === null) return { kind: 'null', at, raw: word };
        return { kind: 'boolean', value: kind, at, raw: word };
      }
    }
    return this.fail(`expected a JSON value, found ${this.describe()}`);
  }

  private object(): LocatedValue {
    const start = this.index;
    const at = this.input.position(start);
    this.index++;
    const entries: LocatedEntry[] = [];
    let unknownEntries = false;
    this.skipWhitespace();
    if (this.text[this.index] === '}') {
      this.index++;
      return { kind: 'object', entries, unknownEntries, at, raw: this.input.slice(start, this.index) };
    }
    for (;;) {
      this.skipWhitespace();
      const keyAt = this.input.position(this.index);
      let key: string | undefined;
      if (this.text[this.index] === '"') {
        const parts = this.string();
        key = parts.every((part) => typeof part === 'string') ? parts.join('') : undefined;
      } else if (this.text[this.index] === OPAQUE_MARK) {
        this.index++;
        this.opaqueOrdinal++;
      } else {
        this.fail(`expected a quoted key, found ${this.describe()}`);
      }
      this.skipWhitespace();
      this.expect(':');
      this.skipWhitespace();
      const value = this.value();
      if (key === undefined) unknownEntries = true;
      else entries.push({ key, keyAt, value });
      this.skipWhitespace();
      if (this.text[this.index] === ',') {
        this.index++;
        continue;
      }
      if (this.text[this.index] === '}') {
        this.index++;
        return { kind: 'object', entries, unknownEntries, at, raw: this.input.slice(start, this.index) };
      }
      this.fail(`expected , or } in an object, found ${this.describe()}`);
    }
  }

  private array(): LocatedValue {
    const start = this.index;
    const at = this.input.position(start);
    this.index++;
    const items: LocatedValue[] = [];
    this.skipWhitespace();
    if (this.text[this.index] === ']') {
      this.index++;
      return { kind: 'array', items, at, raw: this.input.slice(start, this.index) };
    }
    for (;;) {
      this.skipWhitespace();
      items.push(this.value());
      this.skipWhitespace();
      if (this.text[this.index] === ',') {
        this.index++;
        continue;
      }
      if (this.text[this.index] === ']') {
        this.index++;
        return { kind: 'array', items, at, raw: this.input.slice(start, this.index) };
      }
      this.fail(`expected , or ] in a list, found ${this.describe()}`);
    }
  }

  private string(): TextPart[] {
    this.index++;
    const parts: TextPart[] = [];
    let literal = '';
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) this.fail('unterminated string');
      if (char === '"') {
        this.index++;
        break;
      }
      if (char === OPAQUE_MARK) {
        parts.push(literal, { opaque: this.input.opaque[this.opaqueOrdinal++] ?? '' });
        literal = '';
        this.index++;
        continue;
      }
      if (char === '\\') {
        const escape = this.text[this.index + 1];
        if (escape === 'u') {
          const hex = this.text.slice(this.index + 2, this.index + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape');
          literal += String.fromCharCode(Number.parseInt(hex, 16));
          this.index += 6;
          continue;
        }
        const decoded = escape === undefined ? undefined : ESCAPES[escape];
        if (decoded === undefined) this.fail(`invalid escape \\${escape ?? ''}`);
        literal += decoded;
        this.index += 2;
        continue;
      }
      if (char.charCodeAt(0) < 0x20) this.fail('control character inside a string (escape it, e.g. \\n or \\t)');
      const run = plainStringRunEnd(this.text, this.index + 1);
      literal += this.text.slice(this.index, run);
      this.index = run;
    }
    if (parts.length === 0) return literal === '' ? [] : [literal];
    parts.push(literal);
    return mergeParts(parts);
  }

  private number(): LocatedValue {
    const start = this.index;
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(start, start + 400));
    if (!match) return this.fail('invalid number');
    this.index += match[0].length;
    return { kind: 'number', value: Number(match[0]), at: this.input.position(start), raw: match[0] };
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.index);
      if (code === 32 || code === 9 || code === 10 || code === 13) this.index++;
      else return;
    }
  }

  private expect(char: string): void {
    if (this.text[this.index] !== char) this.fail(`expected ${char}, found ${this.describe()}`);
    this.index++;
  }

  private describe(): string {
    const char = this.text[this.index];
    if (char === undefined) return 'the end of the text';
    if (char === OPAQUE_MARK) return 'an interpolation';
    return JSON.stringify(char);
  }

  private fail(message: string): never {
    throw new LocatedSyntaxError(message, this.input.position(this.index));
  }
}

/**
 * Where the characters a JSON string holds as they are stop, from `from`: at a quote, a backslash, an opaque
 * mark, a control character or the end of the text.
 */
function plainStringRunEnd(text: string, from: number): number {
  let index = from;
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22 || code === 0x5c || code < 0x20 || code === OPAQUE_MARK_CODE) break;
  }
  return index;
}

/** The UTF-16 code of {@link OPAQUE_MARK}. */
const OPAQUE_MARK_CODE = OPAQUE_MARK.charCodeAt(0);

/** The decoded content of the JSON string between `start` (its opening quote) and `end` (after its closing quote). */
function decodeJsonString(input: EmbeddedText, start: number, end: number): EmbeddedText {
  const builder = new EmbeddedTextBuilder();
  const text = input.text;
  let ordinal = 0;
  for (let index = 0; index < start; index++) if (text[index] === OPAQUE_MARK) ordinal++;
  let index = start + 1;
  while (index < end - 1) {
    const char = text[index]!;
    if (char === OPAQUE_MARK) {
      builder.appendOpaque(input.opaque[ordinal++] ?? '', index);
      index++;
    } else if (char === '\\') {
      const escape = text[index + 1] ?? '';
      if (escape === 'u') {
        builder.append(String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16)), index, false);
        index += 6;
      } else {
        builder.append(ESCAPES[escape] ?? escape, index, false);
        index += 2;
      }
    } else {
      builder.append(char, index, false);
      index++;
    }
  }
  return builder.build((origin) => input.position(origin), end - 1);
}
