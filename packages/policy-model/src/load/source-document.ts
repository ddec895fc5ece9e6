/**
 * Reads YAML or JSON text into plain data while remembering where every value came from, so that each
 * problem found later can be reported at `file:line:column`.
 *
 * Data is never coerced: a plain YAML scalar that YAML would read as a number but whose text is not the
 * number's canonical form (`012345678901`, `1e3`, `0x1f`, `+1`) is kept as the exact text.
 */
import { createRequire } from 'node:module';
import type { Node } from 'yaml';

/** The yaml library is loaded on first parse (~28 ms to import): `snippet` never parses a file. */
const require = createRequire(import.meta.url);
let yamlLibrary: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLibrary ??= require('yaml') as typeof import('yaml'));
import { DeputyInputError, type Problem, type SourceLocation } from '../problems.js';
import { parseJsonExactly } from './json-fast-path.js';
import { locateInJson } from './json-locator.js';
import { hasLoneSurrogate } from './well-formed-text.js';
import { parseYamlExactly } from './yaml-fast-path.js';

/** One step of a path into a document: a property name or an array index. */
export type PathSegment = string | number;

/** Parsed data plus a way to find where any path of it was written. */
export interface SourceDocument {
  /** The file as given by the user. */
  readonly file: string;
  /** The parsed data. */
  readonly value: unknown;
  /** The location of the value at `path` (or of its nearest ancestor that exists); with `atKey`, of its key. */
  locate(path: readonly PathSegment[], atKey?: boolean): SourceLocation;
}

/** Formats a path as `roles[0].trust[1].service`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/**
 * Parses YAML or JSON text (JSON is read as YAML 1.2, which it is a subset of). Text that a fast reader is
 * sure to read the same (JSON through `JSON.parse`, most YAML through js-yaml) is read by it; JSON is located
 * by walking its text ({@link locateInJson}), and the located reader runs for YAML only when a location is
 * asked for.
 */
export function parseSourceText(text: string, file: string): SourceDocument {
  const problems = textProblems(text, file);
  if (problems.length > 0) throw new DeputyInputError(problems);
  const stripped = stripBom(text);
  const json = parseJsonExactly(stripped);
  if (json !== undefined) return { file, value: json.value, locate: (path, atKey = false) => locateInJson(stripped, file, path, atKey) };
  const fast = parseYamlExactly(stripped);
  if (fast === undefined) return readWithLocations(text, file);
  let located: SourceDocument | undefined;
  return {
    file,
    value: fast.value,
    locate: (path, atKey) => (located ??= readWithLocations(text, file)).locate(path, atKey),
  };
}

/** Parses with the YAML reader alone, indexing where every value and key was written (no JSON fast path). */
export function parseWithLocations(text: string, file: string): SourceDocument {
  const problems = textProblems(text, file);
  if (problems.length > 0) throw new DeputyInputError(problems);
  return readWithLocations(text, file);
}

/** The YAML reader, on text already checked to be neither empty nor binary. */
function readWithLocations(text: string, file: string): SourceDocument {
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(stripBom(text), {
    lineCounter,
    keepSourceTokens: true,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0) {
    const jsonProblem = file.endsWith('.json') ? jsonSyntaxProblem(stripBom(text), at) : undefined;
    if (jsonProblem) throw new DeputyInputError([jsonProblem]);
    throw new DeputyInputError(
      document.errors.map((error) => ({
        code: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax-error',
        message: error.code === 'DUPLICATE_KEY' ? 'duplicate key' : `syntax error: ${firstLine(error.message)}`,
        hint: error.code === 'DUPLICATE_KEY' ? 'each key may appear once; merge the two entries' : 'fix the YAML/JSON syntax at this position',
        location: at(error.pos[0]),
      })),
    );
  }
  if (document.contents === null) {
    throw new DeputyInputError([{ code: 'empty-file', message: 'the file is empty', hint: 'write a definition or policy document', file }]);
  }
  const nodes = new Map<string, Node>();
  const keys = new Map<string, Node>();
  const value = toPlainData(document.contents as Node, [], { nodes, keys }, at);
  return {
    file,
    value,
    locate(path, atKey = false) {
      const key = atKey ? keys.get(pathKey(path)) : undefined;
      if (key?.range) return at(key.range[0]);
      for (let length = path.length; length >= 0; length--) {
        const node = nodes.get(pathKey(path.slice(0, length)));
        if (node?.range) return at(node.range[0]);
      }
      return { file, line: 1, column: 1 };
    },
  };
}

/** JSON's own account of a syntax error, which reads better than YAML's for a .json file. */
function jsonSyntaxProblem(text: string, at: (offset: number) => SourceLocation): Problem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const what = message.replace(/ (in JSON )?at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return { code: 'syntax-error', message: `JSON syntax error: ${what}`, hint: 'fix the JSON syntax at this position', location: at(offset) };
  }
}

/** Any character that `trim()` keeps (a byte-order mark is white space to both). */
const NOT_SPACE = /\S/;

function textProblems(text: string, file: string): Problem[] {
  if (text.includes('\u0000')) {
    return [{ code: 'binary-file', message: 'the file is binary, not text', hint: 'give a YAML or JSON file', file }];
  }
  if (!NOT_SPACE.test(text)) {
    return [{ code: 'empty-file', message: 'the file is empty', hint: 'write a definition or policy document', file }];
  }
  return [];
}

interface NodeIndex {
  readonly nodes: Map<string, Node>;
  readonly keys: Map<string, Node>;
}

function toPlainData(node: Node, path: PathSegment[], index: NodeIndex, at: (offset: number) => SourceLocation): unknown {
  index.nodes.set(pathKey(path), node);
  if (yaml().isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (!yaml().isScalar(keyNode) || typeof keyNode.value !== 'string') {
        throw new DeputyInputError([
          {
            code: 'non-string-key',
            message: 'a mapping key must be a string',
            hint: 'quote the key',
            location: at(keyNode?.range?.[0] ?? node.range?.[0] ?? 0),
          },
        ]);
      }
      const key = keyNode.value;
      if (hasLoneSurrogate(key)) throw loneSurrogate(at(keyNode.range?.[0] ?? 0));
      const child = [...path, key];
      index.keys.set(pathKey(child), keyNode);
      Object.defineProperty(result, key, {
        value: pair.value === null ? null : toPlainData(pair.value as Node, child, index, at),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  if (yaml().isSeq(node)) {
    return node.items.map((item, position) => (item === null ? null : toPlainData(item as Node, [...path, position], index, at)));
  }
  if (yaml().isScalar(node)) {
    if (typeof node.value === 'string' && hasLoneSurrogate(node.value)) throw loneSurrogate(at(node.range?.[0] ?? 0));
    if (typeof node.value === 'number' && node.type === 'PLAIN' && typeof node.source === 'string' && node.source !== String(node.value)) {
      return node.source;
    }
    return node.value;
  }
  if (yaml().isAlias(node)) {
    throw new DeputyInputError([
      { code: 'alias', message: 'YAML aliases are not supported', hint: 'write the value out in full', location: at(node.range?.[0] ?? 0) },
    ]);
  }
  const unknownNode = node as { range?: [number, number, number] };
  throw new DeputyInputError([
    { code: 'syntax-error', message: 'unsupported YAML node', hint: 'use plain mappings, sequences and scalars', location: at(unknownNode.range?.[0] ?? 0) },
  ]);
}

function loneSurrogate(location: SourceLocation): DeputyInputError {
  return new DeputyInputError([
    { code: 'invalid-unicode', message: 'the text holds an unpaired UTF-16 surrogate (an escape such as \\ud800 without its pair)', hint: 'write the character itself, or both halves of its surrogate pair', location },
  ]);
}

function pathKey(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
