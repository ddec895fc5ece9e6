/**
 * A policy document as a template value: keys in deputy's print order, single values kept single, lists
 * kept in order, and every policy string turned into text, `Ref`, `Fn::Sub` or `Fn::Join`.
 */
import type { ConditionBlock, ConditionValue, OneOrMany, PolicyDocument, PolicyString, Principal, Statement } from '@deputy/policy-model';
import { DOCUMENT_KEY_ORDER, STATEMENT_KEY_ORDER } from '@deputy/policy-model';
import type { CfnEntry, CfnMap, CfnValue } from './cfn-value.js';
import { cfnList } from './cfn-value.js';
import { cfnString } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';

/** The document as a template value. */
export function policyDocumentValue(document: PolicyDocument, bindings: EnvironmentBindings): CfnMap {
  const entries: CfnEntry[] = [];
  DOCUMENT_KEY_ORDER.forEach((key) => {
    if (key !== 'Statement') return addEntry(entries, key, document[key]);
    const statements = document.Statement;
    addEntry(entries, key, isStatementList(statements) ? cfnList(statements.map((statement) => statementValue(statement, bindings))) : statementValue(statements, bindings));
  });
  return { kind: 'map', entries };
}

function statementValue(statement: Statement, bindings: EnvironmentBindings): CfnMap {
  const entries: CfnEntry[] = [];
  STATEMENT_KEY_ORDER.forEach((key) => addEntry(entries, key, statementField(statement, key, bindings)));
  return { kind: 'map', entries };
}

function statementField(statement: Statement, key: (typeof STATEMENT_KEY_ORDER)[number], bindings: EnvironmentBindings): CfnValue | undefined {
  switch (key) {
    case 'Sid':
    case 'Effect':
      return statement[key];
    case 'Principal':
    case 'NotPrincipal': {
      const principal = statement[key];
      return principal === undefined ? undefined : principalValue(principal, bindings);
    }
    case 'Condition': {
      const condition = statement.Condition;
      return condition === undefined ? undefined : conditionValue(condition, bindings);
    }
    default: {
      const values = statement[key];
      return values === undefined ? undefined : oneOrManyValue(values, bindings);
    }
  }
}

function principalValue(principal: Principal, bindings: EnvironmentBindings): CfnValue {
  if (principal === '*') return '*';
  const entries: CfnEntry[] = [];
  (Object.keys(principal) as (keyof typeof principal)[]).forEach((type) => {
    const ids = principal[type];
    if (ids !== undefined) addEntry(entries, type, oneOrManyValue(ids, bindings));
  });
  return { kind: 'map', entries };
}

function conditionValue(condition: ConditionBlock, bindings: EnvironmentBindings): CfnMap {
  const operators: CfnEntry[] = [];
  Object.keys(condition).forEach((operator) => {
    const keys = condition[operator]!;
    const entries: CfnEntry[] = [];
    Object.keys(keys).forEach((key) => {
      const values = keys[key]!;
      addEntry(entries, key, isConditionList(values) ? cfnList(values.map((value) => conditionLeaf(value, bindings))) : conditionLeaf(values, bindings));
    });
    addEntry(operators, operator, { kind: 'map', entries });
  });
  return { kind: 'map', entries: operators };
}

/** Adds an entry to a map being built, unless its value is undefined (as {@link cfnMap} drops it). */
function addEntry(entries: CfnEntry[], key: string, value: CfnValue | undefined): void {
  if (value !== undefined) entries.push({ key, value });
}

function conditionLeaf(value: ConditionValue, bindings: EnvironmentBindings): CfnValue {
  return typeof value === 'boolean' || typeof value === 'number' ? value : cfnString(value, bindings);
}

function oneOrManyValue(values: OneOrMany<PolicyString>, bindings: EnvironmentBindings): CfnValue {
  return isStringList(values) ? cfnList(values.map((value) => cfnString(value, bindings))) : cfnString(values, bindings);
}

function isStatementList(value: Statement | readonly Statement[]): value is readonly Statement[] {
  return Array.isArray(value);
}

function isStringList(value: OneOrMany<PolicyString>): value is readonly PolicyString[] {
  return Array.isArray(value);
}

function isConditionList(value: ConditionValue | readonly ConditionValue[]): value is readonly ConditionValue[] {
  return Array.isArray(value);
}
