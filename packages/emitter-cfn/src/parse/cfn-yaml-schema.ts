/**
 * A js-yaml (4.x) schema that knows CloudFormation's short-form intrinsic tags and reads each as its long
 * form: `!Ref X` → `{ Ref: 'X' }`, `!Sub s` → `{ 'Fn::Sub': s }`, `!GetAtt A.B` → `{ 'Fn::GetAtt': ['A', 'B'] }`.
 * A YAML template and its JSON twin therefore load to the same value.
 *
 * js-yaml 4 declares custom tags with `new Type(tag, { kind, construct })`; js-yaml 5 replaced that with
 * `defineScalarTag` / `defineSequenceTag` / `defineMappingTag`. This file is the only place that depends on it.
 */
import { DEFAULT_SCHEMA, Type } from 'js-yaml';
import type { Schema } from 'js-yaml';

/** Short-form tag (without `!`) → long-form key, for every intrinsic function and condition function. */
export const CFN_SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ...[
    'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'GetAtt', 'GetAZs', 'If', 'ImportValue', 'Join', 'Length', 'Not', 'Or',
    'Select', 'Split', 'Sub', 'ToJsonString', 'Transform',
  ].map((name) => [name, `Fn::${name}`] as const),
]);

const KINDS = ['scalar', 'sequence', 'mapping'] as const;

function intrinsicType(tag: string, longName: string, kind: (typeof KINDS)[number]): Type {
  return new Type(`!${tag}`, {
    kind,
    construct: (data: unknown) => ({ [longName]: tag === 'GetAtt' && kind === 'scalar' ? splitGetAtt(data) : (data ?? (kind === 'mapping' ? {} : kind === 'sequence' ? [] : '')) }),
  });
}

/** `!GetAtt Resource.Attribute.Path` names the resource before the first dot and the attribute after it. */
function splitGetAtt(data: unknown): unknown {
  const text = String(data ?? '');
  const dot = text.indexOf('.');
  return dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

/** The js-yaml default schema plus every CloudFormation short-form tag, in scalar, sequence and mapping form. */
export const CFN_YAML_SCHEMA: Schema = DEFAULT_SCHEMA.extend(
  [...CFN_SHORT_FORMS].flatMap(([tag, longName]) => KINDS.map((kind) => intrinsicType(tag, longName, kind))),
);
