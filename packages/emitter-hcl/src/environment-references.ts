/**
 * How the account, Region and partition a policy refers to are written in HCL: the plan decides each
 * field's reference (`@deputy/terraform-plan`: data source, variable or literal text); this file turns it
 * into HCL syntax.
 */
import type { Environment, EnvironmentField, PolicyString } from '@deputy/policy-model';
import { policyStringParts, type EnvironmentReferences, type PlanTextPart } from '@deputy/terraform-plan';
import { template, text, traversal, type HclExpression, type HclTemplatePart } from './hcl-syntax.js';

export { variableName } from '@deputy/terraform-plan';

/** What the printer needs to know to write references. */
export interface ReferenceContext {
  /** The model's environment (policy-document gap checks inline its literal values). */
  readonly environment: Environment;
  /** What each environment field becomes inside a string. */
  readonly references: EnvironmentReferences;
}

/** How one environment field is written inside a string: literal text, or a traversal. */
export function environmentPart(field: EnvironmentField, context: ReferenceContext): HclTemplatePart {
  return hclPart(context.references[field]);
}

/** A plan text part as an HCL template part. */
export function hclPart(part: PlanTextPart): HclTemplatePart {
  return typeof part === 'string' ? part : traversal(part.path);
}

/** Text parts as an expression: a quoted string, a string template, or a bare reference when the whole text is one reference. */
export function partsExpression(parts: readonly PlanTextPart[]): HclExpression {
  const first = parts[0];
  if (parts.length === 1 && typeof first === 'string') return text(first);
  const merged: HclTemplatePart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === 'string' && typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(hclPart(part));
  }
  const only = merged[0];
  if (merged.length === 1 && only !== undefined && typeof only !== 'string') return only;
  if (merged.length === 0) return text('');
  return template(merged);
}

/**
 * A policy string as an expression: a quoted string, a string template with interpolations, or a bare
 * reference when the whole string is one reference.
 */
export function policyStringExpression(value: PolicyString, context: ReferenceContext): HclExpression {
  if (typeof value === 'string') return text(value);
  return partsExpression(policyStringParts(value, context.references));
}
