/**
 * deputy's evaluator for one trust or resource policy: every statement is matched against the request;
 * an applying Deny wins, else an applying Allow allows, else the request is implicitly denied. Keys are
 * case-insensitive; values are case-sensitive except where the operator says otherwise.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
import type { LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { listOf, statementsOf } from '@deputy/policy-model';
import { evaluateCondition } from './evaluate-condition.js';
import type { ConditionTrace, EvaluationResult, StatementTrace } from './evaluation-result.js';
import { actionNames, resourceNames } from './match-action-resource.js';
import { principalBlockNames } from './match-principal.js';
import type { EvaluationRequest } from './request.js';

/** Evaluates `document` for `request`. */
export function evaluatePolicy(document: LiteralPolicyDocument, request: EvaluationRequest): EvaluationResult {
  const variables = document.Version === '2012-10-17';
  const problems: string[] = [];
  const statements = statementsOf(document).map((statement, index) => evaluateStatement(statement, index, request, variables, problems));
  const deny = statements.find((trace) => trace.effect === 'Deny' && trace.applies);
  if (deny) {
    const condition = deny.conditions[0];
    return {
      decision: 'ExplicitDeny',
      statement: decidingStatement(deny),
      ...(condition ? { condition } : {}),
      explanation: `denied by ${label(deny)}${condition ? ` (${describeCondition(condition)})` : ''}`,
      statements,
      problems,
    };
  }
  const allow = statements.find((trace) => trace.effect === 'Allow' && trace.applies);
  if (allow) {
    return { decision: 'Allow', statement: decidingStatement(allow), explanation: `allowed by ${label(allow)}`, statements, problems };
  }
  const closest = statements.find((trace) => trace.effect === 'Allow' && trace.principalMatched && trace.actionMatched && trace.resourceMatched);
  if (closest) {
    const failed = closest.conditions.find((condition) => !condition.matched)!;
    return {
      decision: 'ImplicitDeny',
      statement: decidingStatement(closest),
      condition: failed,
      explanation: `no Allow applies: ${label(closest)} fails ${describeCondition(failed)}`,
      statements,
      problems,
    };
  }
  return { decision: 'ImplicitDeny', explanation: noAllowExplanation(statements, request), statements, problems };
}

/** A condition in one line: `StringEquals aws:SourceAccount [111122223333] vs 444455556666`. */
export function describeCondition(condition: ConditionTrace): string {
  const request = condition.contextValue === null ? 'absent' : typeof condition.contextValue === 'string' ? condition.contextValue : `[${condition.contextValue.join(', ')}]`;
  const note = condition.note ? `; ${condition.note}` : '';
  return `${condition.operator} ${condition.key} [${condition.values.join(', ')}] vs ${request}${note}`;
}

function evaluateStatement(statement: Statement<string>, index: number, request: EvaluationRequest, variables: boolean, problems: string[]): StatementTrace {
  const where = `Statement[${index}]`;
  let principalMatched = false;
  if (statement.Principal !== undefined) principalMatched = principalBlockNames(statement.Principal, request.principal);
  else if (statement.NotPrincipal !== undefined) principalMatched = !principalBlockNames(statement.NotPrincipal, request.principal);
  else problems.push(`${where} has neither Principal nor NotPrincipal, so it applies to no caller of a trust or resource policy`);
  let actionMatched = false;
  if (statement.Action !== undefined) actionMatched = listOf(statement.Action).some((action) => actionNames(action, request.action));
  else if (statement.NotAction !== undefined) actionMatched = !listOf(statement.NotAction).some((action) => actionNames(action, request.action));
  else problems.push(`${where} has neither Action nor NotAction, so it applies to no action`);
  let resourceMatched = true;
  if (statement.Resource !== undefined) resourceMatched = listOf(statement.Resource).some((resource) => resourceNames(resource, request.resource, request.context, variables));
  else if (statement.NotResource !== undefined) resourceMatched = !listOf(statement.NotResource).some((resource) => resourceNames(resource, request.resource, request.context, variables));
  const conditions = Object.entries(statement.Condition ?? {}).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => evaluateCondition(operator, key, values, { context: request.context, variables })),
  );
  for (const condition of conditions) {
    if (condition.note?.startsWith('unknown condition operator')) problems.push(`${where}: ${condition.note} (IAM rejects it; the condition never holds here)`);
  }
  return {
    index,
    ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}),
    effect: statement.Effect,
    principalMatched,
    actionMatched,
    resourceMatched,
    conditions,
    applies: principalMatched && actionMatched && resourceMatched && conditions.every((condition) => condition.matched),
  };
}

function decidingStatement(trace: StatementTrace): { index: number; sid?: string } {
  return trace.sid !== undefined ? { index: trace.index, sid: trace.sid } : { index: trace.index };
}

function label(trace: StatementTrace): string {
  return trace.sid ? `Statement[${trace.index}] (${trace.sid})` : `Statement[${trace.index}]`;
}

function noAllowExplanation(statements: readonly StatementTrace[], request: EvaluationRequest): string {
  const allows = statements.filter((trace) => trace.effect === 'Allow');
  if (!allows.some((trace) => trace.principalMatched)) return `no Allow statement names ${request.principal.id}`;
  if (!allows.some((trace) => trace.principalMatched && trace.actionMatched)) return `no Allow statement for ${request.principal.id} covers ${request.action}`;
  return `no Allow statement for ${request.principal.id} covers ${request.resource ?? 'the request'}`;
}
