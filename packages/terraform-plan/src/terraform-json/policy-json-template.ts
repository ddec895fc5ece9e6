/**
 * A policy document as a Terraform JSON template that evaluates to the policy's JSON text: compact JSON
 * with deputy's key order, references to the environment interpolated inside the JSON strings.
 *
 * Why not `jsonencode(…)`? A JSON template leaves every byte under deputy's control, and it closes a gap of
 * the HCL target: Terraform stores every string normalised (Unicode NFC, plus a U+034F joiner after 30
 * non-starters, measured with terraform 1.11), so non-ASCII policy text could reach AWS altered. Here every
 * non-ASCII character of a policy is written as a JSON `\uXXXX` escape: the policy text Terraform holds is
 * ASCII, which normalisation leaves alone, and AWS decodes the escapes to the exact text. Interpolated
 * values (account IDs, Regions, partitions) are ASCII too: variables are validated and data sources return
 * plain identifiers.
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
import type { EnvironmentReferences } from '../environment-references.js';
import { expression, terraformTemplate, text, type TemplatePiece, type TemplateTextGuard } from './terraform-template.js';

/** The policy document as a finished Terraform JSON template. */
export function policyJsonTemplate(document: PolicyDocument, references: EnvironmentReferences, guard?: TemplateTextGuard): string {
  const pieces: TemplatePiece[] = [];
  writeDocument(document, references, pieces);
  return terraformTemplate(pieces, guard);
}

/** The inside of a JSON string for literal text: JSON's escapes, and `\uXXXX` for every non-ASCII character. */
export function jsonStringContent(value: string): string {
  const quoted = JSON.stringify(value);
  const inner = quoted.slice(1, -1);
  return /[^\x00-\x7f]/.test(inner) ? inner.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`) : inner;
}

type Out = TemplatePiece[];

function writeDocument(document: PolicyDocument, references: EnvironmentReferences, out: Out): void {
  let first = true;
  out.push(text('{'));
  for (const key of DOCUMENT_KEY_ORDER) {
    if (key === 'Statement') {
      out.push(text(`${first ? '' : ','}"Statement":`));
      const statements = document.Statement;
      if (isList(statements)) writeList(statements, out, (statement) => writeStatement(statement, references, out));
      else writeStatement(statements, references, out);
      first = false;
      continue;
    }
    const value = document[key];
    if (value === undefined) continue;
    out.push(text(`${first ? '' : ','}"${key}":"${jsonStringContent(value)}"`));
    first = false;
  }
  out.push(text('}'));
}

function writeStatement(statement: Statement, references: EnvironmentReferences, out: Out): void {
  let first = true;
  const key = (name: string): void => {
    out.push(text(`${first ? '' : ','}"${name}":`));
    first = false;
  };
  out.push(text('{'));
  for (const name of STATEMENT_KEY_ORDER) {
    switch (name) {
      case 'Sid':
        if (statement.Sid !== undefined) {
          key(name);
          out.push(text(`"${jsonStringContent(statement.Sid)}"`));
        }
        break;
      case 'Effect':
        key(name);
        out.push(text(`"${jsonStringContent(statement.Effect)}"`));
        break;
      case 'Principal':
      case 'NotPrincipal': {
        const principal = statement[name];
        if (principal !== undefined) {
          key(name);
          writePrincipal(principal, references, out);
        }
        break;
      }
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource': {
        const value = statement[name];
        if (value !== undefined) {
          key(name);
          writeOneOrMany(value, references, out);
        }
        break;
      }
      case 'Condition':
        if (statement.Condition !== undefined) {
          key(name);
          writeCondition(statement.Condition, references, out);
        }
        break;
    }
  }
  out.push(text('}'));
}

function writePrincipal(principal: Principal, references: EnvironmentReferences, out: Out): void {
  if (principal === '*') {
    out.push(text('"*"'));
    return;
  }
  writeObject(Object.entries(principal).filter(([, identifiers]) => identifiers !== undefined), out, (identifiers) => writeOneOrMany(identifiers!, references, out));
}

function writeCondition(condition: ConditionBlock, references: EnvironmentReferences, out: Out): void {
  writeObject(Object.entries(condition), out, (keys) =>
    writeObject(Object.entries(keys), out, (values) => {
      if (isList(values)) writeList(values, out, (value) => writeConditionValue(value, references, out));
      else writeConditionValue(values, references, out);
    }),
  );
}

function writeConditionValue(value: ConditionValue, references: EnvironmentReferences, out: Out): void {
  if (typeof value === 'boolean' || typeof value === 'number') out.push(text(JSON.stringify(value)));
  else writeString(value, references, out);
}

function writeOneOrMany(value: OneOrMany<PolicyString>, references: EnvironmentReferences, out: Out): void {
  if (isList(value)) writeList(value, out, (item) => writeString(item, references, out));
  else writeString(value, references, out);
}

function writeString(value: PolicyString, references: EnvironmentReferences, out: Out): void {
  if (typeof value === 'string') {
    out.push(text(`"${jsonStringContent(value)}"`));
    return;
  }
  out.push(text('"'));
  for (const part of value.parts) {
    const resolved = typeof part === 'string' ? part : references[part.field];
    out.push(typeof resolved === 'string' ? text(jsonStringContent(resolved)) : expression(resolved.path));
  }
  out.push(text('"'));
}

function writeObject<T>(entries: readonly [string, T][], out: Out, writeValue: (value: T) => void): void {
  out.push(text('{'));
  entries.forEach(([key, value], index) => {
    out.push(text(`${index === 0 ? '' : ','}"${jsonStringContent(key)}":`));
    writeValue(value);
  });
  out.push(text('}'));
}

function writeList<T>(items: readonly T[], out: Out, writeItem: (item: T) => void): void {
  out.push(text('['));
  items.forEach((item, index) => {
    if (index > 0) out.push(text(','));
    writeItem(item);
  });
  out.push(text(']'));
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
