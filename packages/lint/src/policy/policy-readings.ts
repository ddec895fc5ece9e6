/**
 * A CloudFormation policy document holding `Fn::If`, read once per combination of its conditions: each
 * reading is a whole document (the rules that judge a policy as a whole must never see two exclusive branches
 * side by side). Only `Fn::If` in what the rules judge (Effect, Principal, Action, Condition, the statement
 * list) makes readings; one in Resource alone stays as written (an unknown value).
 *
 * Statements whose conditions overlap vary together (a component); independent components are combined
 * exhaustively while the combinations stay few, else each component's readings are taken in turn with the
 * others at their first reading. A statement that differs between readings names the conditions that change
 * it (`statement 1 (when condition IsProd is false)`); a statement the same in every reading does not, so its
 * findings are the same in every reading.
 */
import { itemsOf, memberOf, type LocatedEntry, type LocatedValue } from '../located/located-value.js';
import { conditionalVariants, conditionNamesOf, describeBranch, hasConditional, resolveConditionals, shapeKeyOf, type ConditionalVariant, type DocumentBranch } from './conditional-variants.js';
import { statementOfObject, statementsOfDocument, type StatementsRead } from './json-policy-view.js';
import type { StatementView } from './policy-view.js';

/** One reading of a document. */
export interface PolicyReading extends StatementsRead {
  /** Which branch this reading is, when the document holds `Fn::If`. */
  readonly branch?: string;
}

/** More combinations of independent components than this: components are varied one at a time. */
export const MAX_READINGS = 64;

/** Members whose `Fn::If` branches do not change what the rules judge. */
const UNJUDGED_MEMBERS = new Set(['Resource', 'NotResource', 'Sid']);

/** A statement (or, for `Statement: !If …`, the whole list) and where it is numbered from. */
interface Unit {
  readonly value: LocatedValue;
  /** Its 0-based index in the Statement list; undefined for the whole list. */
  readonly index?: number;
  /** The condition names in what the rules judge of it. */
  readonly names: ReadonlySet<string>;
}

/** Units whose conditions overlap, with their readings (undefined: too many conditions to read). */
interface Component {
  readonly units: readonly Unit[];
  readonly variants: readonly ConditionalVariant[] | undefined;
}

/** The readings of a document; `documentBranch` is the `Fn::If` branch the whole document is written in. */
export function policyReadings(document: LocatedValue, documentBranch?: DocumentBranch): PolicyReading[] {
  const statement = memberOf(document, 'Statement');
  const fixed = documentBranch?.choices ?? new Map<string, boolean>();
  const outer = documentBranch?.description;
  if (statement === undefined || !hasConditional(statement)) return [{ ...statementsOfDocument(document, outer), ...(outer ? { branch: outer } : {}) }];
  const units: Unit[] = (statement.kind === 'array' ? statement.items.map((value, index) => ({ value, index })) : [{ value: statement }]).map((unit) => ({
    ...unit,
    names: new Set([...conditionNamesOf(judgedProjection(unit.value))].filter((name) => !fixed.has(name))),
  }));
  const components = componentsOf(units).map((group) => ({ units: group, variants: conditionalVariants(groupValue(group), fixed) }));
  return choicesOf(components).map((choice) => {
    const statements: StatementView[] = [];
    let unknownStatements = false;
    const branches: string[] = [];
    components.forEach((component, position) => {
      const variant = choice[position];
      if (component.variants === undefined || variant === undefined) {
        unknownStatements = true;
        return;
      }
      if (variant.branch !== undefined && component.variants.length > 1) branches.push(variant.branch);
      for (const unit of component.units) {
        const read = readUnit(unit, variant, component.variants, fixed, outer);
        statements.push(...read.statements);
        if (read.unknownStatements) unknownStatements = true;
      }
    });
    statements.sort((a, b) => a.index - b.index);
    const description = [outer, ...branches].filter((part): part is string => part !== undefined).join(', ');
    return { statements, unknownStatements, ...(description ? { branch: description } : {}) };
  });
}

/** The statements one unit gives in one reading of its component, each naming the conditions that change it. */
function readUnit(unit: Unit, variant: ConditionalVariant, variants: readonly ConditionalVariant[], fixed: ReadonlyMap<string, boolean>, outer: string | undefined): StatementsRead {
  const resolved = resolveConditionals(unit.value, new Map([...fixed, ...variant.choices]));
  const shape = (choices: ReadonlyMap<string, boolean>): string => shapeKeyOf(judgedProjection(resolveConditionals(unit.value, new Map([...fixed, ...choices])) ?? { kind: 'null', at: unit.value.at, raw: '' }));
  const own = shape(variant.choices);
  const varies = variants.some((other) => shape(other.choices) !== own);
  const relevant = varies ? [...unit.names].filter((name) => shape(new Map([...variant.choices, [name, !variant.choices.get(name)]])) !== own) : [];
  const branch = [outer, relevant.length > 0 ? describeBranch(relevant.map((name) => [name, variant.choices.get(name) ?? true])) : undefined].filter((part): part is string => part !== undefined).join(', ') || undefined;
  if (resolved === undefined) return { statements: [], unknownStatements: false };
  if (unit.index !== undefined) {
    if (resolved.kind === 'object') return { statements: [statementOfObject(resolved, unit.index, branch)], unknownStatements: false };
    return { statements: [], unknownStatements: true };
  }
  if (resolved.kind !== 'object' && resolved.kind !== 'array') return { statements: [], unknownStatements: true };
  const statements: StatementView[] = [];
  let unknownStatements = false;
  itemsOf(resolved).forEach((item, index) => {
    if (item.kind === 'object') statements.push(statementOfObject(item, index, branch));
    else unknownStatements = true;
  });
  return { statements, unknownStatements };
}

/** Units grouped by shared condition names (a unit without any is a component of its own). */
function componentsOf(units: readonly Unit[]): Unit[][] {
  const groups: { units: Unit[]; names: Set<string> }[] = [];
  for (const unit of units) {
    const joined = groups.filter((group) => [...unit.names].some((name) => group.names.has(name)));
    const merged = { units: [...joined.flatMap((group) => group.units), unit], names: new Set([...joined.flatMap((group) => [...group.names]), ...unit.names]) };
    for (const group of joined) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  return groups.map((group) => group.units.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)));
}

/** The units of a component as one value, so that its readings are enumerated together. */
function groupValue(units: readonly Unit[]): LocatedValue {
  const [first] = units;
  return { kind: 'array', items: units.map((unit) => judgedProjection(unit.value)), at: first!.value.at, raw: '' };
}

/**
 * Which reading of each component every document reading takes: every combination while there are at most
 * {@link MAX_READINGS}; else each component's readings in turn, the others at their first.
 */
function choicesOf(components: readonly Component[]): (ConditionalVariant | undefined)[][] {
  const counts = components.map((component) => component.variants?.length ?? 1);
  const product = counts.reduce((total, count) => total * count, 1);
  const first = components.map((component) => component.variants?.[0]);
  if (product <= MAX_READINGS) {
    let combinations: (ConditionalVariant | undefined)[][] = [[]];
    components.forEach((component) => {
      const options = component.variants ?? [undefined];
      combinations = combinations.flatMap((combination) => options.map((option) => [...combination, option]));
    });
    return combinations;
  }
  const readings: (ConditionalVariant | undefined)[][] = [first];
  components.forEach((component, position) => {
    for (const variant of (component.variants ?? []).slice(1)) readings.push(first.map((choice, index) => (index === position ? variant : choice)));
  });
  return readings;
}

/** The value with Resource, NotResource and Sid left out of every statement object in it. */
function judgedProjection(value: LocatedValue): LocatedValue {
  switch (value.kind) {
    case 'object': {
      const isStatement = value.entries.some((entry) => entry.key === 'Effect' || entry.key === 'Principal' || entry.key === 'Action' || entry.key === 'NotAction');
      const entries: LocatedEntry[] = value.entries.filter((entry) => !isStatement || !UNJUDGED_MEMBERS.has(entry.key)).map((entry) => ({ ...entry, value: judgedProjection(entry.value) }));
      return { ...value, entries };
    }
    case 'array':
      return { ...value, items: value.items.map(judgedProjection) };
    case 'intrinsic':
      return { ...value, argument: judgedProjection(value.argument) };
    default:
      return value;
  }
}
