/**
 * A small typed HCL syntax tree: only what deputy prints. Emitters build these values; `hcl-writer.ts`
 * turns them into `terraform fmt`-clean text. No text is assembled anywhere else.
 */

/** A reference such as `data.aws_caller_identity.current.account_id` or `var.account_id`. */
export interface HclTraversal {
  readonly kind: 'traversal';
  /** The dotted path, each segment a valid identifier. */
  readonly path: string;
}

/** One piece of a quoted string: literal text (escaped on output) or an interpolated reference. */
export type HclTemplatePart = string | HclTraversal;

/** A quoted string, possibly with `${…}` interpolations. */
export interface HclTemplate {
  readonly kind: 'template';
  /** Literal text and references, in order. */
  readonly parts: readonly HclTemplatePart[];
}

/** A number literal. */
export interface HclNumber {
  readonly kind: 'number';
  /** The value; printed in its shortest round-trip form. */
  readonly value: number;
}

/** `true` or `false`. */
export interface HclBool {
  readonly kind: 'bool';
  /** The value. */
  readonly value: boolean;
}

/** A tuple `[a, b]`. */
export interface HclTuple {
  readonly kind: 'tuple';
  /** Elements, in order. */
  readonly items: readonly HclExpression[];
}

/** One `key = value` entry of an object constructor. */
export interface HclObjectEntry {
  /** The key as text; printed bare when it is a plain identifier, quoted otherwise. */
  readonly key: string;
  /** The value. */
  readonly value: HclExpression;
}

/** An object constructor `{ key = value }`; always printed one entry per line. */
export interface HclObject {
  readonly kind: 'object';
  /** Entries, in order. */
  readonly entries: readonly HclObjectEntry[];
}

/** A function call such as `jsonencode({ … })`. */
export interface HclCall {
  readonly kind: 'call';
  /** The function name. */
  readonly name: string;
  /** Arguments, in order. */
  readonly args: readonly HclExpression[];
}

/** Any expression deputy prints. */
export type HclExpression = HclTraversal | HclTemplate | HclNumber | HclBool | HclTuple | HclObject | HclCall;

/** `name = value` inside a block. */
export interface HclAttribute {
  readonly kind: 'attribute';
  /** Attribute name (an identifier). */
  readonly name: string;
  /** The value. */
  readonly value: HclExpression;
  /** Comment lines printed just above the attribute, without the `# `. */
  readonly comments?: readonly string[];
}

/** A nested block such as `statement { … }`. */
export interface HclBlock {
  readonly kind: 'block';
  /** The block type (`resource`, `statement`, `principals`). */
  readonly type: string;
  /** Labels, printed quoted. */
  readonly labels: readonly string[];
  /** The body. */
  readonly body: readonly HclBodyItem[];
  /** Comment lines printed just above the block, without the `# `. */
  readonly comments?: readonly string[];
  /**
   * Machine-read comment lines such as `deputy:ignore DPT001 <reason>`, without the `# `: printed after
   * `comments`, each on one line and never wrapped, so a tool that reads one comment line reads all of it.
   */
  readonly directives?: readonly string[];
}

/** What a body holds. Attributes come first and nested blocks after, each block set off by a blank line. */
export type HclBodyItem = HclAttribute | HclBlock;

/** A traversal expression. */
export function traversal(path: string): HclTraversal {
  return { kind: 'traversal', path };
}

/** A quoted string from literal text and references. */
export function template(parts: readonly HclTemplatePart[]): HclTemplate {
  return { kind: 'template', parts };
}

/** A quoted string holding only literal text. */
export function text(value: string): HclTemplate {
  return { kind: 'template', parts: [value] };
}

/** A number literal. */
export function numberLiteral(value: number): HclNumber {
  return { kind: 'number', value };
}

/** A boolean literal. */
export function boolLiteral(value: boolean): HclBool {
  return { kind: 'bool', value };
}

/** A tuple. */
export function tuple(items: readonly HclExpression[]): HclTuple {
  return { kind: 'tuple', items };
}

/** An object constructor. */
export function object(entries: readonly HclObjectEntry[]): HclObject {
  return { kind: 'object', entries };
}

/** A function call. */
export function call(name: string, args: readonly HclExpression[]): HclCall {
  return { kind: 'call', name, args };
}

/** An attribute, with optional comment lines above it. */
export function attribute(name: string, value: HclExpression, comments?: readonly string[]): HclAttribute {
  return comments && comments.length > 0 ? { kind: 'attribute', name, value, comments } : { kind: 'attribute', name, value };
}

/** A block, with optional comment lines above it. */
export function block(
  type: string,
  labels: readonly string[],
  body: readonly HclBodyItem[],
  comments?: readonly string[],
): HclBlock {
  return comments && comments.length > 0
    ? { kind: 'block', type, labels, body, comments }
    : { kind: 'block', type, labels, body };
}

/** Every traversal path an expression or body uses, in order of appearance. */
export function traversalsIn(node: HclExpression | readonly HclBodyItem[]): string[] {
  const paths: string[] = [];
  const visit = (expression: HclExpression): void => {
    switch (expression.kind) {
      case 'traversal':
        paths.push(expression.path);
        return;
      case 'template':
        for (const part of expression.parts) if (typeof part !== 'string') paths.push(part.path);
        return;
      case 'tuple':
        expression.items.forEach(visit);
        return;
      case 'object':
        for (const entry of expression.entries) visit(entry.value);
        return;
      case 'call':
        expression.args.forEach(visit);
        return;
      case 'number':
      case 'bool':
        return;
    }
  };
  const visitBody = (items: readonly HclBodyItem[]): void => {
    for (const item of items) {
      if (item.kind === 'attribute') visit(item.value);
      else visitBody(item.body);
    }
  };
  if (Array.isArray(node)) visitBody(node as readonly HclBodyItem[]);
  else visit(node as HclExpression);
  return paths;
}
