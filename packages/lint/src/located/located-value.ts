/**
 * Policy data as read from any syntax (JSON, CloudFormation YAML, HCL), with the position and source text of
 * every value. Values that cannot be known before deployment (a Terraform variable, a CloudFormation `!Ref`)
 * stay in the tree as opaque parts or intrinsic functions, never as guesses.
 */
import { mergeTextParts } from '@deputy/policy-model';
import type { EmbeddedText } from './embedded-text.js';
import type { Position } from './position.js';

/** Text known only at deploy time, kept exactly as written, e.g. `${var.region}` or `${AWS::AccountId}`. */
export interface OpaquePart {
  /** The source text of the unknown part. */
  readonly opaque: string;
}

/** One piece of a string: literal text or an opaque part. */
export type TextPart = string | OpaquePart;

interface LocatedBase {
  /** Where the value starts. */
  readonly at: Position;
  /** The value's source text, as the parser saw it (JSON embedded in a string: the decoded JSON). */
  readonly raw: string;
}

/** A string, possibly interpolating opaque parts (`"arn:aws:s3:::${var.bucket}"`). */
export interface LocatedText extends LocatedBase {
  readonly kind: 'text';
  /** Literal text and opaque parts, in order; adjacent literals are merged. */
  readonly parts: readonly TextPart[];
  /**
   * The decoded string with a map back to file positions, for parsing JSON written inside it. Absent when
   * the syntax cannot map characters back (every character is then placed at {@link at}).
   */
  readonly decode?: () => EmbeddedText;
}

/** A number. `raw` keeps its spelling (a YAML `012345678901` reads as 12345678901). */
export interface LocatedNumber extends LocatedBase {
  readonly kind: 'number';
  /** The parsed number. */
  readonly value: number;
}

/** `true` or `false`. */
export interface LocatedBoolean extends LocatedBase {
  readonly kind: 'boolean';
  /** The parsed value. */
  readonly value: boolean;
}

/** `null`. */
export interface LocatedNull extends LocatedBase {
  readonly kind: 'null';
}

/** A list. */
export interface LocatedArray extends LocatedBase {
  readonly kind: 'array';
  /** The items, in order. */
  readonly items: readonly LocatedValue[];
}

/** One `key: value` member of an object. */
export interface LocatedEntry {
  /** The key. */
  readonly key: string;
  /** Where the key starts. */
  readonly keyAt: Position;
  /** The value. */
  readonly value: LocatedValue;
}

/** An object / mapping. */
export interface LocatedObject extends LocatedBase {
  readonly kind: 'object';
  /** The members whose keys are known, in source order. */
  readonly entries: readonly LocatedEntry[];
  /** True when some member has a key that cannot be known statically (`(var.key) = …`). */
  readonly unknownEntries: boolean;
}

/** An expression that cannot be evaluated statically: a Terraform reference, a function call, a conditional. */
export interface LocatedOpaque extends LocatedBase {
  readonly kind: 'opaque';
}

/** A CloudFormation intrinsic function, in short (`!Sub …`) or long (`{ "Fn::Sub": … }`) form. */
export interface LocatedIntrinsic extends LocatedBase {
  readonly kind: 'intrinsic';
  /** The long name: `Ref`, `Fn::Sub`, `Fn::Join`, `Fn::GetAtt`, `Condition`, … */
  readonly name: string;
  /** The function's argument. */
  readonly argument: LocatedValue;
}

/** Any located value. */
export type LocatedValue =
  | LocatedText
  | LocatedNumber
  | LocatedBoolean
  | LocatedNull
  | LocatedArray
  | LocatedObject
  | LocatedOpaque
  | LocatedIntrinsic;

/** Merges adjacent literal parts and drops empty ones. */
export function mergeParts(parts: readonly TextPart[]): TextPart[] {
  return mergeTextParts(parts) as TextPart[];
}

/** The member of an object with exactly this key (the last one, as JSON parsers keep). */
export function entryOf(value: LocatedValue | undefined, key: string): LocatedEntry | undefined {
  if (value?.kind !== 'object') return undefined;
  for (let index = value.entries.length - 1; index >= 0; index--) {
    if (value.entries[index]!.key === key) return value.entries[index];
  }
  return undefined;
}

/** The value of the member with exactly this key. */
export function memberOf(value: LocatedValue | undefined, key: string): LocatedValue | undefined {
  return entryOf(value, key)?.value;
}

/** The items of a list, or the value itself as a one-item list. */
export function itemsOf(value: LocatedValue | undefined): readonly LocatedValue[] {
  if (value === undefined) return [];
  return value.kind === 'array' ? value.items : [value];
}

/** True when every part is literal text. */
export function isLiteralParts(parts: readonly TextPart[]): parts is readonly string[] {
  return parts.every((part) => typeof part === 'string');
}

/** The text of literal parts with each opaque part replaced by `placeholder`. */
export function partsShape(parts: readonly TextPart[], placeholder = '\u{E000}'): string {
  return parts.map((part) => (typeof part === 'string' ? part : placeholder)).join('');
}
