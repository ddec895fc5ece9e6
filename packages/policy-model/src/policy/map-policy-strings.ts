/**
 * Rewrites every string leaf of a policy that may hold references (principals, actions, resources, condition
 * values), keeping structure, key order, single-vs-list forms, Sid, Id, Version and condition keys as they are.
 */
import type { ConditionBlock, ConditionValue, OneOrMany, PolicyDocument, Principal, Statement } from './policy-document.js';

/** Maps every string leaf of `document` through `convert`. */
export function mapPolicyStrings<A, B>(document: PolicyDocument<A>, convert: (value: A) => B): PolicyDocument<B> {
  const statements = Array.isArray(document.Statement)
    ? (document.Statement as readonly Statement<A>[]).map((statement) => mapStatement(statement, convert))
    : mapStatement(document.Statement as Statement<A>, convert);
  return { ...document, Statement: statements };
}

function mapStatement<A, B>(statement: Statement<A>, convert: (value: A) => B): Statement<B> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(statement) as [keyof Statement<A>, unknown][]) {
    if (value === undefined) continue;
    switch (key) {
      case 'Sid':
      case 'Effect':
        result[key] = value;
        break;
      case 'Principal':
      case 'NotPrincipal':
        result[key] = mapPrincipal(value as Principal<A>, convert);
        break;
      case 'Condition':
        result[key] = mapCondition(value as ConditionBlock<A>, convert);
        break;
      default:
        result[key] = mapMany(value as OneOrMany<A>, convert);
    }
  }
  return result as unknown as Statement<B>;
}

function mapPrincipal<A, B>(principal: Principal<A>, convert: (value: A) => B): Principal<B> {
  if (principal === '*') return '*';
  return Object.fromEntries(Object.entries(principal).map(([type, ids]) => [type, mapMany(ids as OneOrMany<A>, convert)])) as Principal<B>;
}

function mapCondition<A, B>(condition: ConditionBlock<A>, convert: (value: A) => B): ConditionBlock<B> {
  const convertValue = (value: ConditionValue<A>): ConditionValue<B> => (typeof value === 'boolean' || typeof value === 'number' ? value : convert(value));
  return Object.fromEntries(
    Object.entries(condition).map(([operator, keys]) => [
      operator,
      Object.fromEntries(
        Object.entries(keys).map(([key, values]) => [key, Array.isArray(values) ? (values as ConditionValue<A>[]).map(convertValue) : convertValue(values as ConditionValue<A>)]),
      ),
    ]),
  );
}

function mapMany<A, B>(value: OneOrMany<A>, convert: (value: A) => B): OneOrMany<B> {
  return Array.isArray(value) ? (value as readonly A[]).map(convert) : convert(value as A);
}

/** True when some string leaf of `document` (as {@link mapPolicyStrings} visits them) passes `test`; allocates no copy. */
export function somePolicyString<A>(document: PolicyDocument<A>, test: (value: A) => boolean): boolean {
  const statements = Array.isArray(document.Statement) ? (document.Statement as readonly Statement<A>[]) : [document.Statement as Statement<A>];
  return statements.some((statement) => statementHasString(statement, test));
}

function statementHasString<A>(statement: Statement<A>, test: (value: A) => boolean): boolean {
  for (const [key, value] of Object.entries(statement) as [keyof Statement<A>, unknown][]) {
    if (value === undefined || key === 'Sid' || key === 'Effect') continue;
    const found =
      key === 'Principal' || key === 'NotPrincipal'
        ? value !== '*' && Object.values(value as object).some((ids) => someOfMany(ids as OneOrMany<A>, test))
        : key === 'Condition'
          ? conditionHasString(value as ConditionBlock<A>, test)
          : someOfMany(value as OneOrMany<A>, test);
    if (found) return true;
  }
  return false;
}

function conditionHasString<A>(condition: ConditionBlock<A>, test: (value: A) => boolean): boolean {
  const testValue = (value: ConditionValue<A>): boolean => typeof value !== 'boolean' && typeof value !== 'number' && test(value);
  return Object.values(condition).some((keys) =>
    Object.values(keys).some((values) => (Array.isArray(values) ? (values as ConditionValue<A>[]).some(testValue) : testValue(values as ConditionValue<A>))),
  );
}

function someOfMany<A>(value: OneOrMany<A>, test: (value: A) => boolean): boolean {
  return Array.isArray(value) ? (value as readonly A[]).some(test) : test(value as A);
}
