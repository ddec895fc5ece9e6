/**
 * Serialises a literal policy document with deputy's fixed key order (Version, Id, Statement; Sid, Effect,
 * Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition) and 2-space indentation.
 * Principal types, condition operators and keys, and every list keep the order the model gives them.
 */
import { DOCUMENT_KEY_ORDER, STATEMENT_KEY_ORDER, type LiteralPolicyDocument, type Statement } from '@deputy/policy-model';

/** The document as JSON text, without a trailing newline. */
export function serializePolicyJson(document: LiteralPolicyDocument): string {
  return JSON.stringify(orderDocument(document), null, 2);
}

/** A copy of the document whose keys are in deputy's print order. */
export function orderDocument(document: LiteralPolicyDocument): Record<string, unknown> {
  const ordered = pick(document as unknown as Record<string, unknown>, DOCUMENT_KEY_ORDER);
  const statements = document.Statement;
  ordered.Statement = Array.isArray(statements) ? statements.map(orderStatement) : orderStatement(statements as Statement<string>);
  return ordered;
}

function orderStatement(statement: Statement<string>): Record<string, unknown> {
  return pick(statement as unknown as Record<string, unknown>, STATEMENT_KEY_ORDER);
}

function pick(source: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) if (source[key] !== undefined) result[key] = source[key];
  return result;
}
