/**
 * The values of a CloudFormation template as plain typed data. Emitters build these; the YAML and JSON
 * writers print them. Maps keep their entries in the order given, so output order never depends on how a
 * JavaScript object orders its keys.
 */

/** Any value in a template. */
export type CfnValue = string | number | boolean | CfnMap | CfnList | CfnIntrinsic;

/** A mapping with entries in print order. */
export interface CfnMap {
  readonly kind: 'map';
  /** The entries, in print order; keys are unique. */
  readonly entries: readonly CfnEntry[];
}

/** One entry of a {@link CfnMap}. */
export interface CfnEntry {
  /** The key, printed as written (quoted where needed). */
  readonly key: string;
  /** The value. */
  readonly value: CfnValue;
}

/** A list. */
export interface CfnList {
  readonly kind: 'list';
  /** The items, in order. */
  readonly items: readonly CfnValue[];
}

/** The intrinsic functions deputy writes. YAML prints them in short form (`!Ref`), JSON in long form (`Ref`). */
export type CfnIntrinsic =
  /** `Ref`: a parameter, a pseudo parameter such as `AWS::AccountId`, or a resource. */
  | { readonly kind: 'ref'; /** The logical ID or pseudo parameter. */ readonly target: string }
  /** `Fn::Sub` with a template string only; `${!` writes a literal `${`. */
  | { readonly kind: 'sub'; /** The template string, already escaped. */ readonly template: string }
  /** `Fn::GetAtt` of a resource attribute. */
  | { readonly kind: 'get-att'; /** The resource's logical ID. */ readonly resource: string; /** The attribute, e.g. `Arn`. */ readonly attribute: string }
  /** `Fn::Join`: used where a `Fn::Sub` string could be misread. */
  | { readonly kind: 'join'; /** The delimiter. */ readonly delimiter: string; /** The values joined. */ readonly items: readonly CfnValue[] };

/** Builds a map from entries, dropping entries whose value is undefined. */
export function cfnMap(entries: readonly (readonly [string, CfnValue | undefined])[]): CfnMap {
  const kept: CfnEntry[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    if (entry[1] !== undefined) kept.push({ key: entry[0], value: entry[1] });
  }
  return { kind: 'map', entries: kept };
}

/** Builds a list. */
export function cfnList(items: readonly CfnValue[]): CfnList {
  return { kind: 'list', items };
}

/** `Ref` to a logical ID or pseudo parameter. */
export function cfnRef(target: string): CfnIntrinsic {
  return { kind: 'ref', target };
}

/** `Fn::GetAtt` of a resource attribute. */
export function cfnGetAtt(resource: string, attribute: string): CfnIntrinsic {
  return { kind: 'get-att', resource, attribute };
}

/** True for {@link CfnMap}. */
export function isCfnMap(value: CfnValue): value is CfnMap {
  return typeof value === 'object' && value.kind === 'map';
}

/** True for {@link CfnList}. */
export function isCfnList(value: CfnValue): value is CfnList {
  return typeof value === 'object' && value.kind === 'list';
}
