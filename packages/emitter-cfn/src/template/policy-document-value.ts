/**
 * A policy document as a template value: keys in deputy's print order, single values kept single, lists
 * kept in order, and every policy string turned into text, `Ref`, `Fn::Sub` or `Fn::Join`.
 */
import type { ConditionBlock, ConditionValue, OneOrMany, PolicyDocument, PolicyString, Principal, Statement } from '@deputy/policy-model';
import { DOCUMENT_KEY_ORDER, STATEMENT_KEY_ORDER } from '@deputy/policy-model';
import type { CfnMap, CfnValue } from './cfn-value.js';
import { cfnList, cfnMap } from './cfn-value.js';
import { cfnString } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';

/** The document as a template value. */
export function policyDocumentValue(document: PolicyDocument, bindings: EnvironmentBindings): CfnMap {
  return cfnMap(
    DOCUMENT_KEY_ORDER.map((key) => {
      if (key !== 'Statement') return [key, document[key]];
      const statements = document.Statement;
      return [key, isStatementList(statements) ? cfnList(statements.map((statement) => statementValue(statement, bindings))) : statementValue(statements, bindings)];
    }),
  );
}

function statementValue(statement: Statement, bindings: EnvironmentBindings): CfnMap {
  return cfnMap(
    STATEMENT_KEY_ORDER.map((key): [string, CfnValue | undefined] => {
      switch (key) {
        case 'Sid':
        case 'Effect':
          return [key, statement[key]];
        case 'Principal':
        case 'NotPrincipal': {
          const principal = statement[key];
          return [key, principal === undefined ? undefined : principalValue(principal, bindings)];
        }
        case 'Condition': {
          const condition = statement.Condition;
          return [key, condition === undefined ? undefined : conditionValue(condition, bindings)];
        }
        default: {
          const values = statement[key];
          return [key, values === undefined ? undefined : oneOrManyValue(values, bindings)];
        }
      }
    }),
  );
}

function principalValue(principal: Principal, bindings: EnvironmentBindings): CfnValue {
  if (principal === '*') return '*';
  return cfnMap(Object.entries(principal).map(([type, ids]) => [type, ids === undefined ? undefined : oneOrManyValue(ids, bindings)]));
}

function conditionValue(condition: ConditionBlock, bindings: EnvironmentBindings): CfnMap {
  return cfnMap(
    Object.entries(condition).map(([operator, keys]) => [
      operator,
      cfnMap(
        Object.entries(keys).map(([key, values]) => [
          key,
          isConditionList(values) ? cfnList(values.map((value) => conditionLeaf(value, bindings))) : conditionLeaf(values, bindings),
        ]),
      ),
    ]),
  );
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
