/**
 * Reads statements out of a JSON-shaped policy (raw JSON, CloudFormation YAML/JSON, an HCL object inside
 * `jsonencode`): the same keys in every syntax, with CloudFormation intrinsics and Terraform expressions
 * standing for unknown values.
 */
import { entryOf, itemsOf, memberOf, type LocatedValue } from '../located/located-value.js';
import type { ConditionClause, ConditionView, PrincipalView, StatementView } from './policy-view.js';
import { uniformStatement } from './policy-view.js';
import { literalTextOf, servicePrincipalValue, textPartsOf } from './text-value.js';

/** The statements of a policy document, and whether some could not be read. */
export interface StatementsRead {
  /** The statements that could be read. */
  readonly statements: readonly StatementView[];
  /** True when the Statement element or one of its items cannot be read statically. */
  readonly unknownStatements: boolean;
}

/** True when the value looks like a policy document: an object whose `Statement` is an object or a list. */
export function isPolicyDocumentValue(value: LocatedValue): boolean {
  const statement = memberOf(value, 'Statement');
  return statement !== undefined && (statement.kind === 'object' || statement.kind === 'array' || statement.kind === 'intrinsic' || statement.kind === 'opaque');
}

/**
 * Reads the statements of a JSON-shaped policy document as written. A statement that is not an object (an
 * intrinsic, a reference) makes the statements unknown; CloudFormation `Fn::If` is read branch by branch by
 * `policyReadings` instead.
 */
export function statementsOfDocument(document: LocatedValue, branch?: string): StatementsRead {
  const statement = memberOf(document, 'Statement');
  if (statement === undefined) return { statements: [], unknownStatements: document.kind !== 'object' };
  if (statement.kind !== 'object' && statement.kind !== 'array') return { statements: [], unknownStatements: true };
  const statements: StatementView[] = [];
  let unknownStatements = false;
  itemsOf(statement).forEach((item, index) => {
    if (item.kind === 'object') statements.push(statementOfObject(item, index, branch));
    else unknownStatements = true;
  });
  return { statements, unknownStatements };
}

/** Reads one statement object; `branch` names the `Fn::If` branch this reading of it is. */
export function statementOfObject(statement: LocatedValue & { kind: 'object' }, index: number, branch?: string): StatementView {
  const sid = memberOf(statement, 'Sid');
  const effect = memberOf(statement, 'Effect');
  const effectText = effect === undefined ? undefined : literalTextOf(effect);
  const principal = memberOf(statement, 'Principal');
  const action = memberOf(statement, 'Action');
  const actions = action ?? memberOf(statement, 'NotAction');
  const sidText = sid === undefined ? undefined : literalTextOf(sid);
  return uniformStatement({
    index,
    at: statement.at,
    ...(sidText ? { sid: sidText } : {}),
    ...(branch ? { branch } : {}),
    ...(effectText === 'Allow' || effectText === 'Deny' ? { effect: effectText } : {}),
    ...(principal !== undefined ? { principal: principalOf(principal) } : {}),
    actions: itemsOf(actions),
    ...(action === undefined && actions !== undefined ? { notActions: true } : {}),
    resources: itemsOf(memberOf(statement, 'Resource')),
    condition: conditionOf(statement),
  });
}

function principalOf(principal: LocatedValue): PrincipalView {
  if (principal.kind !== 'object') {
    const text = literalTextOf(principal);
    return { at: principal.at, anyone: text === '*', services: [], aws: [], unknown: text === undefined };
  }
  const aws = itemsOf(memberOf(principal, 'AWS'));
  const service = memberOf(principal, 'Service');
  const serviceItems = service === undefined ? [] : itemsOf(service).map(servicePrincipalValue);
  const readable = service === undefined || service.kind === 'array' || service.kind === 'text' || (serviceItems.length === 1 && (textPartsOf(serviceItems[0]!) ?? []).some((part) => typeof part === 'string'));
  return {
    at: principal.at,
    anyone: aws.some((item) => literalTextOf(item) === '*'),
    services: readable ? serviceItems : [],
    aws,
    ...(memberOf(principal, 'Federated') !== undefined ? { federated: itemsOf(memberOf(principal, 'Federated')) } : {}),
    ...(service !== undefined ? { serviceList: service } : {}),
    unknown: principal.unknownEntries || !readable,
  };
}

function conditionOf(statement: LocatedValue): ConditionView {
  const entry = entryOf(statement, 'Condition');
  if (entry === undefined) return { present: false, clauses: [], unknown: false };
  const condition = entry.value;
  if (condition.kind !== 'object') return { present: true, at: entry.keyAt, clauses: [], unknown: condition.kind !== 'null' };
  const clauses: ConditionClause[] = [];
  let unknown = condition.unknownEntries;
  for (const operator of condition.entries) {
    if (operator.value.kind !== 'object') {
      unknown = true;
      continue;
    }
    if (operator.value.unknownEntries) unknown = true;
    for (const key of operator.value.entries) {
      clauses.push({
        operator: operator.key,
        operatorAt: operator.keyAt,
        key: key.key,
        keyAt: key.keyAt,
        value: key.value,
        items: itemsOf(key.value),
      });
    }
  }
  return { present: true, at: entry.keyAt, clauses, unknown };
}
