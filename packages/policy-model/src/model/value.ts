/**
 * Strings that may refer to the account, Region or partition a policy is deployed in.
 *
 * A definition says once whether each of these is a literal, `current` (the deploying account / Region /
 * partition, which each target writes as its native reference) or a named parameter. Normalisation turns
 * every `{{account}}`, `{{region}}` and `{{partition}}` placeholder into a {@link Reference}; each emitter
 * decides how to print it (a Terraform data source, a CloudFormation pseudo parameter, a literal).
 */

/** The three environment fields a policy can refer to. */
export type EnvironmentField = 'account' | 'region' | 'partition';

/** Every environment field, in a fixed order. */
export const ENVIRONMENT_FIELDS: readonly EnvironmentField[] = ['account', 'region', 'partition'];

/** A reference to one environment field, resolved by each target in its own way. */
export interface Reference {
  readonly kind: 'reference';
  /** Which field is referred to. */
  readonly field: EnvironmentField;
}

/** A string assembled from literal text and references, in order. Never empty; never two adjacent literals. */
export interface Interpolation {
  readonly kind: 'interpolation';
  /** Literal text and references, in order. */
  readonly parts: readonly (string | Reference)[];
}

/** A string in a policy: literal text, or text with references. */
export type PolicyString = string | Interpolation;

/** How a definition sets one environment field. */
export type EnvironmentValue =
  /** A fixed value, e.g. `123456789012`, `us-east-1`, `aws`. */
  | { readonly kind: 'literal'; readonly value: string }
  /** The account / Region / partition the output is deployed in. */
  | { readonly kind: 'current' }
  /** A named input: a Terraform variable or a CloudFormation Parameter. */
  | { readonly kind: 'parameter'; readonly name: string; readonly description: string };

/** The account, Region and partition of a model. */
export type Environment = { readonly [field in EnvironmentField]: EnvironmentValue };

/** Merges adjacent literal texts and drops empty ones, keeping every non-text part in place. */
export function mergeTextParts<Part>(parts: readonly (string | Part)[]): (string | Part)[] {
  const merged: (string | Part)[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part === '') continue;
      const last = merged[merged.length - 1];
      if (typeof last === 'string') merged[merged.length - 1] = last + part;
      else merged.push(part);
    } else {
      merged.push(part);
    }
  }
  return merged;
}

/** Builds an interpolation, merging adjacent literals and dropping empty ones; a text-only result is a plain string. */
export function interpolate(parts: readonly (string | Reference)[]): PolicyString {
  const merged = mergeTextParts(parts);
  if (merged.length === 0) return '';
  if (merged.length === 1 && typeof merged[0] === 'string') return merged[0];
  return { kind: 'interpolation', parts: merged };
}

/** A reference to an environment field. */
export function reference(field: EnvironmentField): Reference {
  return { kind: 'reference', field };
}

/** True when the value is an {@link Interpolation}. */
export function isInterpolation(value: unknown): value is Interpolation {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'interpolation';
}

/** The environment fields an interpolation refers to, in order of first use. */
export function referencedFields(value: PolicyString): EnvironmentField[] {
  if (typeof value === 'string') return [];
  const fields: EnvironmentField[] = [];
  for (const part of value.parts) {
    if (typeof part !== 'string' && !fields.includes(part.field)) fields.push(part.field);
  }
  return fields;
}

/**
 * Replaces references with literal text. `resolve` returns the text for a field, or undefined when the
 * field has no literal value (the caller reports that).
 */
export function resolvePolicyString(
  value: PolicyString,
  resolve: (field: EnvironmentField) => string | undefined,
): string | undefined {
  if (typeof value === 'string') return value;
  let text = '';
  for (const part of value.parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const resolved = resolve(part.field);
    if (resolved === undefined) return undefined;
    text += resolved;
  }
  return text;
}
