/**
 * A policy document as `jsonencode({ … })` in HCL object syntax. Every field is kept exactly as the model
 * holds it: single strings stay strings, lists keep their order and duplicates, a single Statement object
 * stays an object, booleans and numbers stay booleans and numbers. Terraform's `jsonencode` sorts object
 * keys, which IAM ignores.
 */
import {
  DOCUMENT_KEY_ORDER,
  STATEMENT_KEY_ORDER,
  type ConditionBlock,
  type ConditionValue,
  type OneOrMany,
  type PolicyDocument,
  type PolicyString,
  type Principal,
  type Statement,
} from '@deputy/policy-model';
import { policyStringExpression, type ReferenceContext } from './environment-references.js';
import {
  boolLiteral,
  call,
  numberLiteral,
  object,
  text,
  tuple,
  type HclCall,
  type HclExpression,
  type HclObject,
  type HclObjectEntry,
} from './hcl-syntax.js';

/** `jsonencode({ … })` for a document. */
export function jsonencodeExpression(document: PolicyDocument, context: ReferenceContext): HclCall {
  return call('jsonencode', [documentObject(document, context)]);
}

function documentObject(document: PolicyDocument, context: ReferenceContext): HclObject {
  const entries: HclObjectEntry[] = [];
  for (const key of DOCUMENT_KEY_ORDER) {
    if (key === 'Statement') {
      const statements = document.Statement;
      const value = Array.isArray(statements) ? statementTuple(statements as readonly Statement[], context) : statementObject(statements as Statement, context);
      entries.push({ key, value });
      continue;
    }
    const value = document[key];
    if (value !== undefined) entries.push({ key, value: text(value) });
  }
  return object(entries);
}

function statementTuple(statements: readonly Statement[], context: ReferenceContext): HclExpression {
  const items: HclExpression[] = [];
  for (let index = 0; index < statements.length; index++) items.push(statementObject(statements[index]!, context));
  return tuple(items);
}

function statementObject(statement: Statement, context: ReferenceContext): HclObject {
  const entries: HclObjectEntry[] = [];
  for (let index = 0; index < STATEMENT_KEY_ORDER.length; index++) {
    const key = STATEMENT_KEY_ORDER[index]!;
    if (statement[key] === undefined) continue;
    const value = statementValue(statement, key, context);
    if (value !== undefined) entries.push({ key, value });
  }
  return object(entries);
}

function statementValue(
  statement: Statement,
  key: (typeof STATEMENT_KEY_ORDER)[number],
  context: ReferenceContext,
): HclExpression | undefined {
  switch (key) {
    case 'Sid':
      return statement.Sid === undefined ? undefined : text(statement.Sid);
    case 'Effect':
      return text(statement.Effect);
    case 'Principal':
    case 'NotPrincipal': {
      const principal = statement[key];
      return principal === undefined ? undefined : principalExpression(principal, context);
    }
    case 'Action':
    case 'NotAction':
    case 'Resource':
    case 'NotResource': {
      const value = statement[key];
      return value === undefined ? undefined : oneOrManyExpression(value, context);
    }
    case 'Condition':
      return statement.Condition === undefined ? undefined : conditionExpression(statement.Condition, context);
  }
}

function principalExpression(principal: Principal, context: ReferenceContext): HclExpression {
  if (principal === '*') return text('*');
  const entries: HclObjectEntry[] = [];
  for (const type of Object.keys(principal)) {
    const identifiers = principal[type as keyof typeof principal];
    if (identifiers !== undefined) entries.push({ key: type, value: oneOrManyExpression(identifiers, context) });
  }
  return object(entries);
}

function oneOrManyExpression(value: OneOrMany<PolicyString>, context: ReferenceContext): HclExpression {
  if (!isList(value)) return policyStringExpression(value, context);
  const items: HclExpression[] = [];
  for (let index = 0; index < value.length; index++) items.push(policyStringExpression(value[index]!, context));
  return tuple(items);
}

function conditionExpression(condition: ConditionBlock, context: ReferenceContext): HclObject {
  const operators: HclObjectEntry[] = [];
  for (const operator of Object.keys(condition)) {
    const keys = condition[operator]!;
    const entries: HclObjectEntry[] = [];
    for (const conditionKey of Object.keys(keys)) {
      const values = keys[conditionKey]!;
      entries.push({ key: conditionKey, value: isList(values) ? conditionValuesExpression(values, context) : conditionValueExpression(values, context) });
    }
    operators.push({ key: operator, value: object(entries) });
  }
  return object(operators);
}

function conditionValuesExpression(values: readonly ConditionValue[], context: ReferenceContext): HclExpression {
  const items: HclExpression[] = [];
  for (let index = 0; index < values.length; index++) items.push(conditionValueExpression(values[index]!, context));
  return tuple(items);
}

function conditionValueExpression(value: ConditionValue, context: ReferenceContext): HclExpression {
  if (typeof value === 'boolean') return boolLiteral(value);
  if (typeof value === 'number') return numberLiteral(value);
  return policyStringExpression(value, context);
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
