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
  for (const key of DOCUMENT_KEY_ORDER) {
    if (key !== 'Statement') {
      addEntry(entries, key, document[key]);
      continue;
    }
    const statements = document.Statement;
    addEntry(entries, key, isStatementList(statements) ? cfnList(statements.map((statement) => statementValue(statement, bindings))) : statementValue(statements, bindings));
  }
  return { kind: 'map', entries };
}

function statementValue(statement: Statement, bindings: EnvironmentBindings): CfnMap {
  const entries: CfnEntry[] = [];
  for (const key of STATEMENT_KEY_ORDER) {
    switch (key) {
      case 'Sid':
      case 'Effect':
        addEntry(entries, key, statement[key]);
        break;
      case 'Principal':
      case 'NotPrincipal': {
        const principal = statement[key];
        if (principal !== undefined) addEntry(entries, key, principalValue(principal, bindings));
        break;
      }
      case 'Condition': {
        const condition = statement.Condition;
        if (condition !== undefined) addEntry(entries, key, conditionValue(condition, bindings));
        break;
      }
      default: {
        const values = statement[key];
        if (values !== undefined) addEntry(entries, key, oneOrManyValue(values, bindings));
      }
    }
  }
  return { kind: 'map', entries };
}

function principalValue(principal: Principal, bindings: EnvironmentBindings): CfnValue {
  if (principal === '*') return '*';
  const entries: CfnEntry[] = [];
  for (const type of Object.keys(principal) as (keyof typeof principal)[]) {
    const ids = principal[type];
    if (ids !== undefined) addEntry(entries, type, oneOrManyValue(ids, bindings));
  }
  return { kind: 'map', entries };
}

function conditionValue(condition: ConditionBlock, bindings: EnvironmentBindings): CfnMap {
  const operators: CfnEntry[] = [];
  for (const operator of Object.keys(condition)) {
    const keys = condition[operator]!;
    const entries: CfnEntry[] = [];
    for (const key of Object.keys(keys)) {
      const values = keys[key]!;
      addEntry(entries, key, isConditionList(values) ? cfnList(values.map((value) => conditionLeaf(value, bindings))) : conditionLeaf(values, bindings));
    }
    addEntry(operators, operator, { kind: 'map', entries });
  }
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
