/**
 * A policy document as a Terraform JSON template that evaluates to the policy's JSON text: compact JSON
 * with deputy's key order, references to the environment interpolated inside the JSON strings.
 *
 * Why not `jsonencode(…)` (cdktf's `Fn.jsonencode`)? cdktf writes the HCL expression inside the JSON string
 * escaping only newlines and `${`, so quotes, backslashes, `%{` and odd keys in a hostile policy would break
 * it; a JSON template leaves every byte under deputy's control. It also closes a gap of the HCL target:
 * Terraform stores every string normalised (Unicode NFC, plus a U+034F joiner after 30 non-starters,
 * measured with terraform 1.11), so non-ASCII policy text could reach AWS altered. Here every non-ASCII
 * character of a policy is written as a JSON `\uXXXX` escape: the policy text Terraform holds is ASCII,
 * which normalisation leaves alone, and AWS decodes the escapes to the exact text. Interpolated values
 * (account IDs, Regions, partitions) are ASCII too: variables are validated and data sources return plain
 * identifiers.
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
import { environmentPiece, type ReferenceContext } from './environment-references.js';
import { terraformTemplate, text, type TemplatePiece } from './terraform-template.js';

/** The policy document as a finished Terraform JSON template. */
export function policyJsonTemplate(document: PolicyDocument, context: ReferenceContext): string {
  return terraformTemplate(documentPieces(document, context));
}

/** The inside of a JSON string for literal text: JSON's escapes, and `\uXXXX` for every non-ASCII character. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function documentPieces(document: PolicyDocument, context: ReferenceContext): TemplatePiece[] {
  const entries: [string, TemplatePiece[]][] = [];
  for (const key of DOCUMENT_KEY_ORDER) {
    if (key === 'Statement') {
      const statements = document.Statement;
      entries.push([
        key,
        isList(statements) ? listPieces(statements.map((statement) => statementPieces(statement, context))) : statementPieces(statements, context),
      ]);
      continue;
    }
    const value = document[key];
    if (value !== undefined) entries.push([key, literalString(value)]);
  }
  return objectPieces(entries);
}

function statementPieces(statement: Statement, context: ReferenceContext): TemplatePiece[] {
  const entries: [string, TemplatePiece[]][] = [];
  for (const key of STATEMENT_KEY_ORDER) {
    switch (key) {
      case 'Sid':
        if (statement.Sid !== undefined) entries.push([key, literalString(statement.Sid)]);
        break;
      case 'Effect':
        entries.push([key, literalString(statement.Effect)]);
        break;
      case 'Principal':
      case 'NotPrincipal': {
        const principal = statement[key];
        if (principal !== undefined) entries.push([key, principalPieces(principal, context)]);
        break;
      }
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource': {
        const value = statement[key];
        if (value !== undefined) entries.push([key, oneOrManyPieces(value, context)]);
        break;
      }
      case 'Condition':
        if (statement.Condition !== undefined) entries.push([key, conditionPieces(statement.Condition, context)]);
        break;
    }
  }
  return objectPieces(entries);
}

function principalPieces(principal: Principal, context: ReferenceContext): TemplatePiece[] {
  if (principal === '*') return literalString('*');
  return objectPieces(
    Object.entries(principal).flatMap(([type, identifiers]): [string, TemplatePiece[]][] =>
      identifiers === undefined ? [] : [[type, oneOrManyPieces(identifiers, context)]],
    ),
  );
}

function conditionPieces(condition: ConditionBlock, context: ReferenceContext): TemplatePiece[] {
  return objectPieces(
    Object.entries(condition).map(([operator, keys]): [string, TemplatePiece[]] => [
      operator,
      objectPieces(
        Object.entries(keys).map(([conditionKey, values]): [string, TemplatePiece[]] => [
          conditionKey,
          isList(values) ? listPieces(values.map((value) => conditionValuePieces(value, context))) : conditionValuePieces(values, context),
        ]),
      ),
    ]),
  );
}

function conditionValuePieces(value: ConditionValue, context: ReferenceContext): TemplatePiece[] {
  if (typeof value === 'boolean' || typeof value === 'number') return [text(JSON.stringify(value))];
  return stringPieces(value, context);
}

function oneOrManyPieces(value: OneOrMany<PolicyString>, context: ReferenceContext): TemplatePiece[] {
  return isList(value) ? listPieces(value.map((item) => stringPieces(item, context))) : stringPieces(value, context);
}

function stringPieces(value: PolicyString, context: ReferenceContext): TemplatePiece[] {
  if (typeof value === 'string') return literalString(value);
  const inner = value.parts.map((part) => {
    if (typeof part === 'string') return text(jsonStringContent(part));
    const piece = environmentPiece(part.field, context);
    return 'text' in piece ? text(jsonStringContent(piece.text)) : piece;
  });
  return [text('"'), ...inner, text('"')];
}

function literalString(value: string): TemplatePiece[] {
  return [text(`"${jsonStringContent(value)}"`)];
}

function objectPieces(entries: readonly [string, TemplatePiece[]][]): TemplatePiece[] {
  const pieces: TemplatePiece[] = [text('{')];
  entries.forEach(([key, value], index) => {
    pieces.push(text(`${index === 0 ? '' : ','}"${jsonStringContent(key)}":`), ...value);
  });
  pieces.push(text('}'));
  return pieces;
}

function listPieces(items: readonly TemplatePiece[][]): TemplatePiece[] {
  return [text('['), ...items.flatMap((item, index) => (index === 0 ? item : [text(','), ...item])), text(']')];
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
