/**
 * CloudFormation `Fn::If` read branch by branch. A value holding `Fn::If` (a statement, a principal, a
 * Condition block, one condition value) is resolved once per combination of its condition names; the
 * combinations that give the same value are merged, and each distinct value says which branch it is
 * ("when condition IsProd is false"), naming only the conditions whose choice changes it. A branch that is
 * `!Ref AWS::NoValue` removes the member or list item holding it, as CloudFormation does.
 */
import type { LocatedEntry, LocatedValue } from '../located/located-value.js';
import { literalTextOf } from './text-value.js';

/** One resolved reading of a value. */
export interface ConditionalVariant {
  /** The value with every `Fn::If` replaced by the chosen branch; undefined when it is `AWS::NoValue`. */
  readonly value: LocatedValue | undefined;
  /** Which branch this is, e.g. `when condition IsProd is false`; absent when the value has no `Fn::If`. */
  readonly branch?: string;
  /** The conditions chosen for this reading (the fixed ones included). */
  readonly choices: ReadonlyMap<string, boolean>;
}

/** More condition names than this in one value: the value is left unresolved (read as unknown). */
export const MAX_CONDITION_NAMES = 6;

type Assignment = ReadonlyMap<string, boolean>;

/** True when the value holds an `Fn::If` anywhere. */
export function hasConditional(value: LocatedValue): boolean {
  return conditionNamesOf(value).size > 0;
}

/** The `Fn::If` branch a whole document is written in: its description and the conditions it fixes. */
export interface DocumentBranch {
  /** E.g. `when condition IsProd is false`. */
  readonly description: string;
  /** The conditions chosen. */
  readonly choices: ReadonlyMap<string, boolean>;
}

/**
 * The distinct readings of a value, in branch order (true before false). A value without `Fn::If` has one
 * reading, itself; a value with too many condition names (or an `Fn::If` whose condition is not literal)
 * gives undefined. `fixed` holds conditions already chosen by an enclosing `Fn::If` (the value is written in
 * that branch): they are not enumerated again.
 */
export function conditionalVariants(value: LocatedValue, fixed: ReadonlyMap<string, boolean> = new Map()): ConditionalVariant[] | undefined {
  const names = conditionNamesOf(value);
  for (const name of fixed.keys()) names.delete(name);
  if (names.size === 0) {
    const resolved = fixed.size > 0 ? resolveConditionals(value, fixed) : value;
    return [{ value: resolved, choices: fixed }];
  }
  if (names.size > MAX_CONDITION_NAMES || names.has('')) return undefined;
  const ordered = [...names];
  const byKey = new Map<string, { value: LocatedValue | undefined; assignment: Assignment }>();
  for (let mask = 0; mask < 1 << ordered.length; mask++) {
    const assignment: Assignment = new Map([...fixed, ...ordered.map((name, index) => [name, (mask & (1 << index)) === 0] as const)]);
    const resolved = resolveConditionals(value, assignment);
    const key = shapeKeyOf(resolved);
    if (!byKey.has(key)) byKey.set(key, { value: resolved, assignment });
  }
  if (byKey.size === 1) {
    const [only] = byKey.values();
    return [{ value: only!.value, choices: only!.assignment }];
  }
  return [...byKey.entries()].map(([key, { value: resolved, assignment }]) => {
    const relevant = ordered.filter((name) => shapeKeyOf(resolveConditionals(value, new Map([...assignment, [name, !assignment.get(name)]]))) !== key);
    const shown = relevant.length > 0 ? relevant : ordered;
    return { value: resolved, branch: describeBranch(shown.map((name) => [name, assignment.get(name)!])), choices: assignment };
  });
}

/** `when condition IsProd is false`, `when conditions A is true and B is false`. */
export function describeBranch(choices: readonly (readonly [string, boolean])[]): string {
  const parts = choices.map(([name, chosen]) => `${name} is ${chosen}`);
  return `when condition${choices.length > 1 ? 's' : ''} ${parts.join(' and ')}`;
}

/** The condition names of every `Fn::If` in the value (an empty name for one that is not literal). */
export function conditionNamesOf(value: LocatedValue): Set<string> {
  const names = new Set<string>();
  const visit = (current: LocatedValue): void => {
    switch (current.kind) {
      case 'object':
        for (const entry of current.entries) visit(entry.value);
        return;
      case 'array':
        for (const item of current.items) visit(item);
        return;
      case 'intrinsic': {
        const branches = ifBranches(current);
        if (branches) {
          names.add(branches.condition ?? '');
          visit(branches.whenTrue);
          visit(branches.whenFalse);
          return;
        }
        visit(current.argument);
        return;
      }
      default:
        return;
    }
  };
  visit(value);
  return names;
}

function ifBranches(value: LocatedValue & { kind: 'intrinsic' }): { condition?: string; whenTrue: LocatedValue; whenFalse: LocatedValue } | undefined {
  if (value.name !== 'Fn::If' || value.argument.kind !== 'array' || value.argument.items.length !== 3) return undefined;
  const [condition, whenTrue, whenFalse] = value.argument.items as [LocatedValue, LocatedValue, LocatedValue];
  const name = literalTextOf(condition);
  return { ...(name !== undefined ? { condition: name } : {}), whenTrue, whenFalse };
}

function isNoValue(value: LocatedValue): boolean {
  return value.kind === 'intrinsic' && value.name === 'Ref' && literalTextOf(value.argument) === 'AWS::NoValue';
}

/**
 * The value with each `Fn::If` whose condition the assignment names replaced by the branch it picks (other
 * `Fn::If` stay as written); undefined for `AWS::NoValue`.
 */
export function resolveConditionals(value: LocatedValue, assignment: Assignment): LocatedValue | undefined {
  switch (value.kind) {
    case 'object': {
      const entries: LocatedEntry[] = [];
      for (const entry of value.entries) {
        const resolved = resolveConditionals(entry.value, assignment);
        if (resolved !== undefined) entries.push(resolved === entry.value ? entry : { ...entry, value: resolved });
      }
      return entries.length === value.entries.length && entries.every((entry, index) => entry === value.entries[index]) ? value : { ...value, entries };
    }
    case 'array': {
      const items = value.items.map((item) => resolveConditionals(item, assignment)).filter((item): item is LocatedValue => item !== undefined);
      return items.length === value.items.length && items.every((item, index) => item === value.items[index]) ? value : { ...value, items };
    }
    case 'intrinsic': {
      if (isNoValue(value)) return undefined;
      const branches = ifBranches(value);
      const chosen = branches?.condition === undefined ? undefined : assignment.get(branches.condition);
      if (branches && chosen !== undefined) return resolveConditionals(chosen ? branches.whenTrue : branches.whenFalse, assignment);
      const argument = resolveConditionals(value.argument, assignment);
      if (argument === undefined) return { ...value, argument: { kind: 'null', at: value.argument.at, raw: '' } };
      return argument === value.argument ? value : { ...value, argument };
    }
    default:
      return value;
  }
}

/** A key equal for values that read the same, wherever they are written. */
export function shapeKeyOf(value: LocatedValue | undefined): string {
  if (value === undefined) return '~novalue';
  switch (value.kind) {
    case 'object':
      return `{${value.entries.map((entry) => `${JSON.stringify(entry.key)}:${shapeKeyOf(entry.value)}`).join(',')}${value.unknownEntries ? ',?' : ''}}`;
    case 'array':
      return `[${value.items.map(shapeKeyOf).join(',')}]`;
    case 'text':
      return JSON.stringify(value.parts);
    case 'number':
    case 'boolean':
      return `${value.kind}:${value.value}`;
    case 'null':
      return 'null';
    case 'intrinsic':
      return `!${value.name}(${shapeKeyOf(value.argument)})`;
    case 'opaque':
      return `?${JSON.stringify(value.raw)}`;
  }
}
