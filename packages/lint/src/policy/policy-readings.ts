/**
 * A CloudFormation policy document holding `Fn::If`, read once per combination of its conditions: each
 * reading is a whole document (the rules that judge a policy as a whole must never see two exclusive branches
 * side by side). Only `Fn::If` in what the rules judge (Effect, Principal, Action, Condition, the statement
 * list) makes readings; one in Resource alone stays as written (an unknown value). A statement that differs
 * between readings names its branch (`statement 1 (when condition IsProd is false)`); a statement the same in
 * every reading does not, so its findings are the same in every reading.
 */
import { itemsOf, memberOf, type LocatedEntry, type LocatedValue } from '../located/located-value.js';
import { conditionalVariants, hasConditional, resolveConditionals, shapeKeyOf, type DocumentBranch } from './conditional-variants.js';
import { statementOfObject, statementsOfDocument, type StatementsRead } from './json-policy-view.js';
import type { StatementView } from './policy-view.js';

/** One reading of a document. */
export interface PolicyReading extends StatementsRead {
  /** Which branch this reading is, when the document holds `Fn::If`. */
  readonly branch?: string;
}

/** Members whose `Fn::If` branches do not change what the rules judge. */
const UNJUDGED_MEMBERS = new Set(['Resource', 'NotResource', 'Sid']);

/** The readings of a document; `documentBranch` is the `Fn::If` branch the whole document is written in. */
export function policyReadings(document: LocatedValue, documentBranch?: DocumentBranch): PolicyReading[] {
  const statement = memberOf(document, 'Statement');
  const fixed = documentBranch?.choices ?? new Map<string, boolean>();
  const outer = documentBranch?.description;
  if (statement === undefined || !hasConditional(statement)) return [{ ...statementsOfDocument(document, outer), ...(outer ? { branch: outer } : {}) }];
  const variants = conditionalVariants(judgedProjection(statement), fixed);
  if (variants === undefined) return [{ statements: [], unknownStatements: true }];
  const lists = variants.map((variant) => ({ branch: variant.branch, items: statementItems(resolveConditionals(statement, variant.choices)) }));
  const shapesPerReading = lists.map((list) => new Set(list.items.objects.map(({ item }) => shapeKeyOf(judgedProjection(item)))));
  const common = [...(shapesPerReading[0] ?? [])].filter((shape) => shapesPerReading.every((shapes) => shapes.has(shape)));
  return lists.map(({ branch, items }) => {
    const statements: StatementView[] = items.objects.map(({ item, index }) => {
      const own = common.includes(shapeKeyOf(judgedProjection(item))) ? undefined : branch;
      const name = [outer, own].filter((part): part is string => part !== undefined).join(', ');
      return statementOfObject(item, index, name || undefined);
    });
    const description = [outer, branch].filter((part): part is string => part !== undefined).join(', ');
    return { statements, unknownStatements: items.unknown, ...(description ? { branch: description } : {}) };
  });
}

/** The statement objects of a resolved Statement element, and whether some item is not an object. */
function statementItems(statement: LocatedValue | undefined): { objects: { item: LocatedValue & { kind: 'object' }; index: number }[]; unknown: boolean } {
  if (statement === undefined) return { objects: [], unknown: false };
  if (statement.kind !== 'object' && statement.kind !== 'array') return { objects: [], unknown: true };
  const objects: { item: LocatedValue & { kind: 'object' }; index: number }[] = [];
  let unknown = false;
  itemsOf(statement).forEach((item, index) => {
    if (item.kind === 'object') objects.push({ item, index });
    else unknown = true;
  });
  return { objects, unknown };
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
