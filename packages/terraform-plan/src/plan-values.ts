/**
 * The values of a Terraform plan, as plain data that each serialisation prints in its own syntax: text
 * with interpolated references, bare references, numbers, maps, and policy documents (which HCL writes as
 * `jsonencode({ … })` or an `aws_iam_policy_document` data source, and Terraform JSON as a JSON template).
 */
import type { PolicyDocument } from '@deputy/policy-model';

/** A reference such as `data.aws_caller_identity.current.account_id`, `var.account_id` or `aws_iam_role.x.arn`. */
export interface PlanReference {
  readonly kind: 'reference';
  /** The dotted path, each segment a valid identifier. */
  readonly path: string;
}

/** One piece of a text value: literal text, or an interpolated reference. */
export type PlanTextPart = string | PlanReference;

/** A string, possibly with interpolated references; adjacent literal parts are merged and empty ones dropped. */
export interface PlanText {
  readonly kind: 'text';
  /** Literal text and references, in order (`[]` for the empty string). */
  readonly parts: readonly PlanTextPart[];
}

/** A number. */
export interface PlanNumber {
  readonly kind: 'number';
  /** The value. */
  readonly value: number;
}

/** One entry of a map. */
export interface PlanMapEntry {
  /** The key, literal text. */
  readonly key: string;
  /** The value. */
  readonly value: PlanValue;
}

/** A map from literal keys to values (tags). */
export interface PlanMap {
  readonly kind: 'map';
  /** Entries, in order. */
  readonly entries: readonly PlanMapEntry[];
}

/** A policy document, serialised as JSON text by Terraform. */
export interface PlanPolicy {
  readonly kind: 'policy';
  /** The normalised document; its environment references resolve through the plan's `references`. */
  readonly document: PolicyDocument;
  /** The label a serialisation gives the document when it writes it as a block of its own (`aws_iam_policy_document`). */
  readonly labelBase: string;
  /**
   * `deputy:ignore DPT001 <reason>` lint suppressions for waived statements of this document: they go with
   * whichever block ends up holding the document's statements.
   */
  readonly directives: readonly string[];
}

/** Any value of a block body. */
export type PlanValue = PlanText | PlanReference | PlanNumber | PlanMap | PlanPolicy;

/** A reference. */
export function reference(path: string): PlanReference {
  return { kind: 'reference', path };
}

/** Literal text. */
export function literal(value: string): PlanText {
  return { kind: 'text', parts: value === '' ? [] : [value] };
}

/** Text from parts: adjacent literals merged, empty literals dropped. */
export function textOf(parts: readonly PlanTextPart[]): PlanText {
  const merged: PlanTextPart[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  return { kind: 'text', parts: merged };
}

/** Text, or the bare reference when the whole text is one reference. */
export function textOrReference(parts: readonly PlanTextPart[]): PlanText | PlanReference {
  const text = textOf(parts);
  const only = text.parts[0];
  return text.parts.length === 1 && only !== undefined && typeof only !== 'string' ? only : text;
}

/** A number. */
export function numberValue(value: number): PlanNumber {
  return { kind: 'number', value };
}

/** The literal text of a value outside policy documents (for checks such as Unicode normalisation). */
export function literalTexts(value: PlanValue): string[] {
  switch (value.kind) {
    case 'text':
      return value.parts.filter((part): part is string => typeof part === 'string');
    case 'map':
      return value.entries.flatMap((entry) => [entry.key, ...literalTexts(entry.value)]);
    case 'reference':
    case 'number':
    case 'policy':
      return [];
  }
}
