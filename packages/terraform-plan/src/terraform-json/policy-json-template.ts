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
  const out = new TemplateWriter();
  writeDocument(document, references, out);
  return terraformTemplate(out.pieces(), guard);
}

/** The inside of a JSON string for literal text: JSON's escapes, and `\uXXXX` for every non-ASCII character. */
export function jsonStringContent(value: string): string {
  if (!JSON_ESCAPED.test(value)) return value;
  const quoted = JSON.stringify(value);
  const inner = quoted.slice(1, -1);
  return /[^\x00-\x7f]/.test(inner) ? inner.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`) : inner;
}

/** What JSON or this function escapes: quotes, backslashes and everything outside printable ASCII (most text has none). */
const JSON_ESCAPED = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/** The pieces of a template as it is written: literal text gathers until an interpolation ends it. */
class TemplateWriter {
  private readonly written: TemplatePiece[] = [];
  private literal = '';

  /** Appends literal text. */
  text(value: string): void {
    this.literal += value;
  }

  /** Appends an interpolated expression. */
  expression(path: string): void {
    this.endLiteral();
    this.written.push(expression(path));
  }

  /** The pieces, adjacent literals merged and none empty. */
  pieces(): TemplatePiece[] {
    this.endLiteral();
    return this.written;
  }

  private endLiteral(): void {
    if (this.literal !== '') this.written.push(text(this.literal));
    this.literal = '';
  }
}

function writeDocument(document: PolicyDocument, references: EnvironmentReferences, out: TemplateWriter): void {
  let separator = '{';
  for (let keyIndex = 0; keyIndex < DOCUMENT_KEY_ORDER.length; keyIndex++) {
    const key = DOCUMENT_KEY_ORDER[keyIndex]!;
    if (key === 'Statement') {
      out.text(`${separator}"Statement":`);
      const statements = document.Statement;
      if (isList(statements)) {
        out.text('[');
        for (let index = 0; index < statements.length; index++) {
          if (index > 0) out.text(',');
          writeStatement(statements[index]!, references, out);
        }
        out.text(']');
      } else writeStatement(statements, references, out);
      separator = ',';
      continue;
    }
    const value = document[key];
    if (value === undefined) continue;
    out.text(`${separator}"${key}":"${jsonStringContent(value)}"`);
    separator = ',';
  }
  out.text(separator === '{' ? '{}' : '}');
}

function writeStatement(statement: Statement, references: EnvironmentReferences, out: TemplateWriter): void {
  let separator = '{';
  for (let index = 0; index < STATEMENT_KEY_ORDER.length; index++) {
    const name = STATEMENT_KEY_ORDER[index]!;
    if (statement[name] === undefined) continue;
    switch (name) {
      case 'Sid':
        if (statement.Sid === undefined) break;
        out.text(`${separator}"Sid":"${jsonStringContent(statement.Sid)}"`);
        separator = ',';
        break;
      case 'Effect':
        out.text(`${separator}"Effect":"${jsonStringContent(statement.Effect)}"`);
        separator = ',';
        break;
      case 'Principal':
      case 'NotPrincipal': {
        const principal = statement[name];
        if (principal === undefined) break;
        out.text(`${separator}"${name}":`);
        separator = ',';
        writePrincipal(principal, references, out);
        break;
      }
      case 'Action':
      case 'NotAction':
      case 'Resource':
      case 'NotResource': {
        const value = statement[name];
        if (value === undefined) break;
        out.text(`${separator}"${name}":`);
        separator = ',';
        writeOneOrMany(value, references, out);
        break;
      }
      case 'Condition':
        if (statement.Condition === undefined) break;
        out.text(`${separator}"${name}":`);
        separator = ',';
        writeCondition(statement.Condition, references, out);
        break;
    }
  }
  out.text(separator === '{' ? '{}' : '}');
}

function writePrincipal(principal: Principal, references: EnvironmentReferences, out: TemplateWriter): void {
  if (principal === '*') {
    out.text('"*"');
    return;
  }
  let separator = '{';
  for (const type of Object.keys(principal)) {
    const identifiers = principal[type as keyof typeof principal];
    if (identifiers === undefined) continue;
    out.text(`${separator}"${jsonStringContent(type)}":`);
    separator = ',';
    writeOneOrMany(identifiers, references, out);
  }
  out.text(separator === '{' ? '{}' : '}');
}

function writeCondition(condition: ConditionBlock, references: EnvironmentReferences, out: TemplateWriter): void {
  let separator = '{';
  for (const operator of Object.keys(condition)) {
    const keys = condition[operator]!;
    out.text(`${separator}"${jsonStringContent(operator)}":`);
    separator = ',';
    let keySeparator = '{';
    for (const key of Object.keys(keys)) {
      const values = keys[key]!;
      out.text(`${keySeparator}"${jsonStringContent(key)}":`);
      keySeparator = ',';
      if (isList(values)) {
        out.text('[');
        for (let index = 0; index < values.length; index++) {
          if (index > 0) out.text(',');
          writeConditionValue(values[index]!, references, out);
        }
        out.text(']');
      } else writeConditionValue(values, references, out);
    }
    out.text(keySeparator === '{' ? '{}' : '}');
  }
  out.text(separator === '{' ? '{}' : '}');
}

function writeConditionValue(value: ConditionValue, references: EnvironmentReferences, out: TemplateWriter): void {
  if (typeof value === 'boolean' || typeof value === 'number') out.text(JSON.stringify(value));
  else writeString(value, references, out);
}

function writeOneOrMany(value: OneOrMany<PolicyString>, references: EnvironmentReferences, out: TemplateWriter): void {
  if (!isList(value)) {
    writeString(value, references, out);
    return;
  }
  out.text('[');
  for (let index = 0; index < value.length; index++) {
    if (index > 0) out.text(',');
    writeString(value[index]!, references, out);
  }
  out.text(']');
}

function writeString(value: PolicyString, references: EnvironmentReferences, out: TemplateWriter): void {
  if (typeof value === 'string') {
    out.text(`"${jsonStringContent(value)}"`);
    return;
  }
  out.text('"');
  for (let index = 0; index < value.parts.length; index++) {
    const part = value.parts[index]!;
    const resolved = typeof part === 'string' ? part : references[part.field];
    if (typeof resolved === 'string') out.text(jsonStringContent(resolved));
    else out.expression(resolved.path);
  }
  out.text('"');
}

function isList<T>(value: T | readonly T[]): value is readonly T[] {
  return Array.isArray(value);
}
