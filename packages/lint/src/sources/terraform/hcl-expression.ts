/**
 * Turns HCL expressions into located values: literals, strings (with interpolations as opaque parts),
 * tuples and objects. With a scope, references to `local.*` values and to the iterator of a `dynamic` block
 * resolve to what they name, and `concat` / `flatten` / `merge` (and `tolist`, `distinct`…) combine their
 * literal arguments, an unknown argument staying an opaque item (or unknown object members); a conditional
 * whose condition is known is its branch. Anything else (variables, other function calls, conditionals on
 * unknown values, `for`) is opaque.
 */
import type { SyntaxNode as Node } from './syntax-node.js';
import { memberOf, mergeParts, type LocatedEntry, type LocatedValue, type TextPart } from '../../located/located-value.js';
import { EmbeddedTextBuilder, OPAQUE_MARK, type EmbeddedText } from '../../located/embedded-text.js';
import type { LineIndex, Position } from '../../located/position.js';
import { readTemplate } from './hcl-template.js';
import { claimKeyText } from '../../policy/policy-document-view.js';

/** A local declared in another `.tf` file of the same module: its value expression and that file's source. */
export interface ModuleLocal {
  /** The value expression, in the other file's tree. */
  readonly expression: Node;
  /** The other file's text and positions (with the module's scope). */
  readonly source: HclSource;
}

/** What names resolve to while reading expressions. */
export interface HclScope {
  /**
   * The `locals` of the module: name → value expression, in this file, or in another `.tf` file of the same
   * directory (read there, then placed at the reference: a finding is always reported in the file it is in).
   */
  readonly locals: ReadonlyMap<string, Node | ModuleLocal>;
  /** Bound names (a `dynamic` block's iterator: `{ key, value }`). */
  readonly bindings: ReadonlyMap<string, LocatedValue>;
  /** How many references are being resolved (guards against `local.a = local.a`). */
  readonly depth: number;
}

/** The text the parser read, and how its offsets map to file positions. */
export interface HclSource {
  /** The parsed text. */
  readonly text: string;
  /** The file position of an offset in {@link text}. */
  position(offset: number): Position;
  /** Names that resolve; absent: every reference is opaque. */
  readonly scope?: HclScope;
}

/** References deeper than this stay opaque. */
const MAX_REFERENCE_DEPTH = 8;

/** Functions that return their list arguments joined or unchanged (`concat`, `flatten`, `tolist`…). */
const LIST_FUNCTIONS = new Set(['concat', 'flatten', 'tolist', 'toset', 'distinct', 'compact', 'sort']);

/** A source that is the file itself. */
export function fileHclSource(text: string, lines: LineIndex): HclSource {
  return { text, position: (offset) => lines.position(offset) };
}

/** The position where a node starts, in a file parsed directly. */
export function positionOfNode(node: Node): Position {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}

/** The named children of a node other than comments (the node's own list when it holds no comment). */
export function childrenOf(node: Node): readonly Node[] {
  const named = node.namedChildren;
  for (const child of named) {
    if (child === null || child.type === 'comment') return named.filter((kept): kept is Node => kept !== null && kept.type !== 'comment');
  }
  return named;
}

/** Converts an expression (or any node below `expression`) to a located value. */
export function hclValue(node: Node, source: HclSource): LocatedValue {
  const at = source.position(node.startIndex);
  const raw = node.text;
  const inner = unwrap(node);
  switch (inner.type) {
    case 'numeric_lit':
      return { kind: 'number', value: Number(inner.text), at, raw };
    case 'bool_lit':
      return { kind: 'boolean', value: inner.text === 'true', at, raw };
    case 'null_lit':
      return { kind: 'null', at, raw };
    case 'string_lit':
    case 'quoted_template':
    case 'heredoc_template': {
      const { parts, decode } = readTemplate(inner, source);
      return { kind: 'text', parts: source.scope ? resolveInterpolations(parts, source) : parts, at, raw, decode };
    }
    case 'tuple':
      return { kind: 'array', items: childrenOf(inner).filter((child) => child.type === 'expression').map((child) => hclValue(child, source)), at, raw };
    case 'object':
      return objectValue(inner, source, at, raw);
    case 'function_call':
      return (source.scope && functionValue(inner, source, at, raw)) ?? { kind: 'opaque', at, raw };
    case 'conditional':
      return (source.scope && conditionalValue(inner, source)) ?? { kind: 'opaque', at, raw };
    default:
      return (source.scope && referenceValue(inner, source)) ?? { kind: 'opaque', at, raw };
  }
}

/**
 * `cond ? a : b` whose condition is known (a literal, a local holding one): the branch it picks. An unknown
 * condition leaves the whole expression unknown (which branch deploys is not known statically).
 */
function conditionalValue(node: Node, source: HclSource): LocatedValue | undefined {
  const [condition, whenTrue, whenFalse] = childrenOf(node).filter((child) => child.type === 'expression');
  if (condition === undefined || whenTrue === undefined || whenFalse === undefined) return undefined;
  const decided = hclValue(condition, source);
  return decided.kind === 'boolean' ? hclValue(decided.value ? whenTrue : whenFalse, source) : undefined;
}

/**
 * `cond ? [] : [1]` (or `cond ? {…} : {}`) whose condition is unknown: the collection of the branch that is
 * not empty, i.e. what a `dynamic` block generates in the configurations where it generates anything.
 * Undefined for any other expression.
 */
export function nonEmptyBranchValue(node: Node, source: HclSource): LocatedValue | undefined {
  const inner = unwrap(node);
  if (inner.type !== 'conditional') return undefined;
  const [, whenTrue, whenFalse] = childrenOf(inner).filter((child) => child.type === 'expression');
  if (whenTrue === undefined || whenFalse === undefined) return undefined;
  const branches = [hclValue(whenTrue, source), hclValue(whenFalse, source)];
  const empty = branches.findIndex((value) => (value.kind === 'array' && value.items.length === 0) || (value.kind === 'object' && value.entries.length === 0 && !value.unknownEntries));
  return empty < 0 ? undefined : branches[1 - empty];
}

/** The source with one more name bound. */
export function withBinding(source: HclSource, name: string, value: LocatedValue): HclSource {
  const scope = source.scope ?? { locals: new Map(), bindings: new Map(), depth: 0 };
  return { ...source, scope: { ...scope, bindings: new Map([...scope.bindings, [name, value]]) } };
}

/** `local.x.y`, `statement.value["k"]`, `each.key`: the value named, when the scope knows its root. */
function referenceValue(node: Node, source: HclSource): LocatedValue | undefined {
  const path = referencePath(node);
  return path === undefined ? undefined : resolvePath(path, source, source.position(node.startIndex));
}

/** The value a reference path names in the source's scope: a local, or a bound name, then its members. */
function resolvePath(path: readonly (string | number)[], source: HclSource, at?: Position): LocatedValue | undefined {
  const scope = source.scope;
  if (scope === undefined || scope.depth >= MAX_REFERENCE_DEPTH) return undefined;
  const [root, ...steps] = path;
  let value: LocatedValue | undefined;
  if (root === 'local' && typeof steps[0] === 'string') {
    const local = scope.locals.get(steps.shift() as string);
    if (local === undefined) value = undefined;
    else if ('expression' in local) {
      const read = hclValue(local.expression, { ...local.source, scope: { ...scope, depth: scope.depth + 1 } });
      value = at === undefined ? read : placedAt(read, at);
    } else value = hclValue(local, { ...source, scope: { ...scope, depth: scope.depth + 1 } });
  } else {
    value = typeof root === 'string' ? scope.bindings.get(root) : undefined;
  }
  for (const step of steps) {
    if (value === undefined) return undefined;
    value = typeof step === 'number' ? (value.kind === 'array' ? value.items[step] : undefined) : memberOf(value, step);
  }
  return value;
}

/** A value read in another file, with every position moved to `at` (its text no longer maps to this file). */
function placedAt(value: LocatedValue, at: Position): LocatedValue {
  switch (value.kind) {
    case 'text':
      return { kind: 'text', parts: value.parts, at, raw: value.raw };
    case 'array':
      return { ...value, at, items: value.items.map((item) => placedAt(item, at)) };
    case 'object':
      return { ...value, at, entries: value.entries.map((entry) => ({ key: entry.key, keyAt: at, value: placedAt(entry.value, at) })) };
    case 'intrinsic':
      return { ...value, at, argument: placedAt(value.argument, at) };
    default:
      return { ...value, at };
  }
}

/** `a.b["c"][0]` → `["a", "b", "c", 0]`; undefined for anything that is not a plain reference. */
function referencePath(node: Node): (string | number)[] | undefined {
  const children = childrenOf(node);
  const [head, ...rest] = children;
  if (head?.type !== 'variable_expr') return undefined;
  const path: (string | number)[] = [head.text];
  for (const child of rest) {
    if (child.type === 'get_attr') {
      const name = childrenOf(child)[0];
      if (name === undefined) return undefined;
      path.push(name.text);
    } else if (child.type === 'index') {
      const key = unwrap(childrenOf(childrenOf(child)[0] ?? child)[0] ?? child);
      if (key.type === 'numeric_lit') path.push(Number(key.text));
      else if (key.type === 'string_lit' && plainStringContent(key) !== undefined) path.push(plainStringContent(key)!);
      else return undefined;
    } else {
      return undefined;
    }
  }
  return path;
}

/** `${local.name}` and `${statement.value}` inside a string: replaced by their text when it is literal. */
function resolveInterpolations(parts: TextPart[], source: HclSource): TextPart[] {
  if (parts.every((part) => typeof part === 'string')) return parts;
  return mergeParts(
    parts.map((part) => {
      if (typeof part === 'string') return part;
      const match = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"\\]*"\])*)\s*\}$/.exec(part.opaque);
      if (!match) return part;
      const value = referenceFromText(match[1]!, source);
      if (value?.kind === 'text' && value.parts.every((piece) => typeof piece === 'string')) return value.parts.join('');
      if (value?.kind === 'number' || value?.kind === 'boolean') return String(value.value);
      return part;
    }),
  );
}

/**
 * JSON written in a heredoc or string with its interpolations of known values filled in: `${local.x}` inside
 * a JSON string by its (escaped) text, `${jsonencode(local.x)}` anywhere by the JSON of a wholly literal
 * value. Undefined when nothing is known (the text is read as it is, interpolations unknown).
 */
export function resolveJsonTemplate(decoded: EmbeddedText, source: HclSource): EmbeddedText | undefined {
  if (source.scope === undefined || decoded.opaque.length === 0) return undefined;
  const builder = new EmbeddedTextBuilder();
  let ordinal = 0;
  let inString = false;
  let changed = false;
  for (let index = 0; index < decoded.text.length; index++) {
    const char = decoded.text[index]!;
    if (char !== OPAQUE_MARK) {
      if (char === '"' && !escapedAt(decoded.text, index)) inString = !inString;
      builder.append(char, index);
      continue;
    }
    const opaque = decoded.opaque[ordinal++] ?? '';
    const filled = filledInterpolation(opaque, inString, source);
    if (filled === undefined) builder.appendOpaque(opaque, index);
    else {
      builder.append(filled, index, false);
      changed = true;
    }
  }
  return changed ? builder.build((origin) => decoded.position(origin), decoded.text.length) : undefined;
}

function escapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let cursor = index - 1; cursor >= 0 && text[cursor] === '\\'; cursor--) backslashes++;
  return backslashes % 2 === 1;
}

function filledInterpolation(opaque: string, inString: boolean, source: HclSource): string | undefined {
  const reference = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"\\]*"\])*)\s*\}$/.exec(opaque);
  if (reference && inString) {
    const value = referenceFromText(reference[1]!, source);
    const text = value?.kind === 'text' && value.parts.every((part) => typeof part === 'string') ? value.parts.join('') : value?.kind === 'number' || value?.kind === 'boolean' ? String(value.value) : undefined;
    return text === undefined ? undefined : JSON.stringify(text).slice(1, -1);
  }
  const encoded = /^\$\{\s*jsonencode\(\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"\\]*"\])*)\s*\)\s*\}$/.exec(opaque);
  if (encoded && !inString) {
    const value = referenceFromText(encoded[1]!, source);
    const plain = value === undefined ? undefined : plainValueOf(value);
    return plain === undefined ? undefined : JSON.stringify(plain);
  }
  return undefined;
}

/** A located value as plain JSON data, when it holds no unknown part. */
export function plainValueOf(value: LocatedValue): unknown {
  switch (value.kind) {
    case 'text':
      return value.parts.every((part) => typeof part === 'string') ? value.parts.join('') : undefined;
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'array': {
      const items = value.items.map(plainValueOf);
      return items.includes(undefined) ? undefined : items;
    }
    case 'object': {
      if (value.unknownEntries) return undefined;
      const entries = value.entries.map((entry) => [entry.key, plainValueOf(entry.value)] as const);
      return entries.some(([, plain]) => plain === undefined) ? undefined : Object.fromEntries(entries);
    }
    default:
      return undefined;
  }
}

function referenceFromText(text: string, source: HclSource): LocatedValue | undefined {
  const steps = [...text.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"\\]*)"\]/g)].map((step) => (step[2] !== undefined ? Number(step[2]) : (step[1] ?? step[3]!)));
  return resolvePath(steps, source);
}

/** `concat([…], var.x)`, `flatten(…)`, `merge({…}, var.y)`: their literal arguments combined. */
function functionValue(node: Node, source: HclSource, at: Position, raw: string): LocatedValue | undefined {
  const [name, argumentsNode] = childrenOf(node);
  if (name === undefined || argumentsNode === undefined) return undefined;
  const args = childrenOf(argumentsNode)
    .filter((child) => child.type === 'expression')
    .map((child) => hclValue(child, source));
  if (LIST_FUNCTIONS.has(name.text)) {
    const items: LocatedValue[] = [];
    const flatten = name.text === 'flatten';
    const add = (value: LocatedValue): void => {
      if (value.kind !== 'array') items.push(value.kind === 'opaque' ? value : { kind: 'opaque', at: value.at, raw: value.raw });
      else
        for (const item of value.items) {
          if (flatten && item.kind === 'array') add(item);
          else items.push(item);
        }
    };
    for (const argument of args) add(argument);
    return { kind: 'array', items, at, raw };
  }
  if (name.text === 'merge') {
    const entries = new Map<string, LocatedEntry>();
    let unknownEntries = false;
    for (const argument of args) {
      if (argument.kind !== 'object') {
        unknownEntries = true;
        continue;
      }
      if (argument.unknownEntries) unknownEntries = true;
      for (const entry of argument.entries) entries.set(entry.key, entry);
    }
    return { kind: 'object', entries: [...entries.values()], unknownEntries, at, raw };
  }
  return undefined;
}

/** The key of an object element when it is a bare identifier or a literal string. */
export function objectKeyOf(element: Node): string | undefined {
  const key = element.childForFieldName('key');
  if (key === null) return undefined;
  const inner = unwrap(key);
  if (inner.type === 'variable_expr' && childrenOf(key).length === 1) return inner.text;
  if (inner.type === 'string_lit') return plainStringContent(inner);
  return undefined;
}

/**
 * The content of a quoted string without escapes or interpolations, read from the source between the
 * quotes (tree-sitter's template_literal leaves out leading spaces); undefined otherwise.
 */
export function plainStringContent(node: Node): string | undefined {
  const text = node.text;
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  const content = text.slice(1, -1);
  return content.includes('\\') || content.includes('${') || content.includes('%{') ? undefined : content;
}

function objectValue(node: Node, source: HclSource, at: Position, raw: string): LocatedValue {
  const entries: LocatedEntry[] = [];
  let unknownEntries = false;
  for (const element of childrenOf(node)) {
    if (element.type !== 'object_elem') continue;
    const key = objectKeyOf(element) ?? interpolatedClaimKey(element, source);
    const value = element.childForFieldName('val');
    if (key === undefined || value === null) {
      unknownEntries = true;
      continue;
    }
    entries.push({ key, keyAt: source.position((element.childForFieldName('key') ?? element).startIndex), value: hclValue(value, source) });
  }
  return { kind: 'object', entries, unknownEntries, at, raw };
}

/**
 * A federated claim key written with an interpolation, `"${module.eks.oidc_provider}:sub" = …` in a
 * `jsonencode` object, read as its source text as the `variable` of a `condition` block is (see
 * {@link claimKeyText}); undefined for any other key.
 */
function interpolatedClaimKey(element: Node, source: HclSource): string | undefined {
  const key = element.childForFieldName('key');
  return key === null ? undefined : claimKeyText(hclValue(key, source));
}

/** The node types {@link unwrap} descends through. */
const WRAPPER_TYPES: ReadonlySet<string> = new Set(['expression', 'literal_value', 'template_expr', 'collection_value']);

/** Descends through `expression`, `literal_value`, `template_expr` and `collection_value` wrappers and parentheses. */
function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (!WRAPPER_TYPES.has(current.type)) return current;
    const children = childrenOf(current);
    if (children.length !== 1) return current;
    current = children[0]!;
  }
}
