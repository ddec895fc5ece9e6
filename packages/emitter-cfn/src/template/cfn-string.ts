/** Turns policy strings into template values: plain text, `Ref`, `Fn::Sub`, or (where a Sub string would be misread) `Fn::Join`. */
import type { PolicyString } from '@deputy/policy-model';
import type { CfnValue } from './cfn-value.js';
import { cfnRef } from './cfn-value.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import type { SubPart } from './sub-template.js';
import { mergeSubParts, parseSubTemplate, sameSubParts, writeSubTemplate } from './sub-template.js';

/** A policy string as a template value, with each reference written as its field's binding. */
export function cfnString(value: PolicyString, bindings: EnvironmentBindings): CfnValue {
  if (typeof value === 'string') return value;
  return cfnFromParts(
    value.parts.map((part) => {
      if (typeof part === 'string') return part;
      const binding = bindings[part.field];
      return binding.kind === 'text' ? binding.text : { variable: binding.target };
    }),
  );
}

/**
 * Text and variables as one template value: text alone stays a plain string (even with `${` in it), a
 * variable alone is a `Ref`, a mix is a `Fn::Sub` string, or an `Fn::Join` when the Sub string would not
 * read back as these parts (text with a `${` that has no `}`, or whose `}` comes after a variable).
 */
export function cfnFromParts(parts: readonly SubPart[]): CfnValue {
  const merged = mergeSubParts(parts);
  if (merged.length === 0) return '';
  const [first] = merged;
  if (merged.length === 1) return typeof first === 'string' ? first : cfnRef(first!.variable);
  const template = writeSubTemplate(merged);
  if (sameSubParts(parseSubTemplate(template), merged)) return { kind: 'sub', template };
  return { kind: 'join', delimiter: '', items: merged.map((part) => (typeof part === 'string' ? part : cfnRef(part.variable))) };
}
