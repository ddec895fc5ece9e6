/**
 * A fast path for YAML input. The located reader (`yaml` with source ranges and a path index) costs ~0.5 s
 * of CPU for a 300 kB definition; js-yaml reads the same text in a tenth of that. For YAML that the located
 * reader is certain to read to the same data, the data comes from js-yaml and the located reader runs only if
 * a location is asked for (a problem or a warning).
 *
 * js-yaml reads more than the located reader accepts and reads a few things differently, so it is used only
 * where nothing can differ; anything else stands aside for the located reader, which reads it or reports it:
 * - text with tabs, carriage returns, Unicode line separators, a byte order mark, directives or document
 *   markers, explicit keys (`? `), empty keys or entries in a flow collection, a verbatim tag, or a `#` straight after a
 *   quote, bracket, comma or colon (js-yaml takes it for a comment; YAML asks for a space first), an
 *   empty block sequence entry (js-yaml takes the next line's entries into it), or a `\U` escape beyond
 *   U+10FFFF (js-yaml wraps it into some other character);
 * - a quoted scalar or flow collection followed on its line by more than a comment, `,` `]` `}` or `: ` (js-yaml
 *   reads `a: "x" b: c` as two entries);
 * - a line longer than 1,000 characters (YAML limits implicit keys to 1,024);
 * - a tag or an anchor (aliases cannot exist without one), a scalar or flow collection that spans lines;
 * - a key that is not a string (a number, `null`, `true`, a collection), a duplicate key, a lone surrogate,
 *   an empty document, and anything js-yaml refuses.
 * Plain scalars are resolved as the located reader resolves them ({@link coreScalar}).
 */
import { createRequire } from 'node:module';
import { coreScalar } from './core-scalars.js';
import { hasLoneSurrogate } from './well-formed-text.js';

/** The few parts of js-yaml 3 used here (its own types describe version 4). */
interface JsYaml {
  readonly Type: new (tag: string, options: { kind: 'scalar'; resolve: (text: string | null) => boolean; construct: (text: string) => unknown }) => object;
  readonly Schema: new (definition: { implicit: readonly object[] }) => object;
  load(text: string, options: { schema: object; listener: (event: 'open' | 'close', state: ListenerState) => void }): unknown;
}

/** What js-yaml's listener sees of the node being read. */
interface ListenerState {
  readonly tag: string | null;
  readonly anchor: string | null;
  readonly kind: 'scalar' | 'sequence' | 'mapping' | null;
  readonly result: unknown;
  readonly position: number;
  readonly line: number;
}

/** Text the fast path leaves to the located reader (see the file comment). */
const STANDS_ASIDE = /[\t\r\u0085\u2028\u2029\ufeff]|^(?:%|---|\.\.\.)|!<|(?:^|[\s[{,])\?(?:\s|$)|[{[,] *[,:]|["'\]},[{:]#|(?:^|[ ])-[ ]*(?:#.*)?$|\\U(?!00(?:0|10))/m;
/** A line longer than this might hold an implicit key past YAML's limit (1,024 characters up to its `:`). */
const LONGEST_LINE = 1000;
/** The tag of the one implicit type: a space makes it a tag that no YAML text can write. */
const CORE_SCALAR_TAG = 'deputy core scalar';
/** js-yaml turns a mapping used as a key into this key. */
const MAPPING_AS_KEY = '[object Object]';

/** A plain scalar read as null, a boolean or a number, until it is found in its place (a key cannot hold one). */
class CoreValue {
  constructor(readonly value: null | boolean | number | string) {}
}

const require = createRequire(import.meta.url);
let library: JsYaml | null | undefined;

/**
 * js-yaml 3, loaded on first use; null where it cannot be loaded (the browser playground bundles only the
 * located reader), and then the fast path always stands aside.
 */
function jsYaml(): JsYaml | null {
  if (library === undefined) {
    try {
      library = require('js-yaml') as JsYaml;
    } catch {
      library = null;
    }
  }
  return library;
}

/** js-yaml's schema with one implicit type for plain scalars, whose values go to `made`. */
function coreSchema(library: JsYaml, made: CoreValue[]): object {
  const type = new library.Type(CORE_SCALAR_TAG, {
    kind: 'scalar',
    resolve: (text) => text !== null && coreScalar(text) !== undefined,
    construct: (text) => {
      const value = new CoreValue(coreScalar(text)!.value);
      made.push(value);
      return value;
    },
  });
  return new library.Schema({ implicit: [type] });
}

/** The data of YAML `text` (without a byte order mark) when the located reader is sure to read the same; otherwise undefined. */
export function parseYamlExactly(text: string): { readonly value: unknown } | undefined {
  if (STANDS_ASIDE.test(text) || hasLineLongerThan(text, LONGEST_LINE)) return undefined;
  const library = jsYaml();
  if (library === null) return undefined;
  const coreValues: CoreValue[] = [];
  const schema = coreSchema(library, coreValues);
  const sequences = new Set<unknown>();
  let unsure = false;
  const openedOnLine: number[] = [];
  const listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      openedOnLine.push(state.line);
      return;
    }
    const line = openedOnLine.pop();
    if (state.anchor !== null || (state.tag !== null && state.tag !== '?' && state.tag !== CORE_SCALAR_TAG)) unsure = true;
    if (state.kind === 'sequence') sequences.add(state.result);
    if ((state.kind === 'scalar' || endsFlowCollection(text, state.position)) && state.line !== line) unsure = true;
    if (endsWithCloser(text, state.position) && !endsItsEntry(text, state.position)) unsure = true;
  };
  let value: unknown;
  try {
    value = library.load(text, { schema, listener });
  } catch {
    return undefined;
  }
  if (unsure || value === undefined || value === null) return undefined;
  const found = { sequences: 0, coreValues: 0, surrogates: MAY_HOLD_SURROGATE.test(text) };
  const plain = settle(value, found);
  if (plain === UNSURE || found.sequences !== sequences.size || found.coreValues !== coreValues.length) return undefined;
  return { value: plain };
}

const UNSURE = Symbol('unsure');

/** A surrogate, raw or escaped (`\uD800`, `\U0000D800`): without one, no string of the data can hold a lone surrogate. */
const MAY_HOLD_SURROGATE = /[\ud800-\udfff]|\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]/;

function hasLineLongerThan(text: string, length: number): boolean {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > length) return true;
    if (end === -1) return false;
    start = end + 1;
  }
  return false;
}

function endsFlowCollection(text: string, position: number): boolean {
  const last = text.charCodeAt(position - 1);
  return last === 0x5d || last === 0x7d;
}

/** A node that ends with a quote or a bracket (a quoted scalar or a flow collection, or a plain scalar ending in one). */
function endsWithCloser(text: string, position: number): boolean {
  const last = text.charCodeAt(position - 1);
  return last === 0x5d || last === 0x7d || last === 0x22 || last === 0x27;
}

/** What may follow a quoted scalar or flow collection on its line: a comment, the line's end, `,` `]` `}`, or `:` and a space. */
const ENTRY_END = / *(?:[,\]}#\n]|:(?:[ \n]|$)|$)/y;

/** js-yaml reads a second `key: value` after a quoted or flow value on the same line; YAML refuses it. */
function endsItsEntry(text: string, position: number): boolean {
  ENTRY_END.lastIndex = position;
  return ENTRY_END.test(text);
}

/**
 * The data with every {@link CoreValue} replaced by its value (in place), counting sequences and core values
 * found; {@link UNSURE} for a key the located reader refuses or might (not a string, too long) and a lone surrogate.
 */
function settle(value: unknown, found: { sequences: number; coreValues: number; readonly surrogates: boolean }): unknown {
  if (typeof value === 'string') return found.surrogates && hasLoneSurrogate(value) ? UNSURE : value;
  if (value instanceof CoreValue) {
    found.coreValues += 1;
    return value.value;
  }
  if (Array.isArray(value)) {
    found.sequences += 1;
    for (let index = 0; index < value.length; index++) {
      const item = settle(value[index], found);
      if (item === UNSURE) return UNSURE;
      value[index] = item;
    }
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key === MAPPING_AS_KEY || (found.surrogates && hasLoneSurrogate(key))) return UNSURE;
      const item = settle(record[key], found);
      if (item === UNSURE) return UNSURE;
      record[key] = item;
    }
    return value;
  }
  return value;
}
