/**
 * A policy document as one JSON string inside the template (for `document` attachments, printed as an
 * Output): compact JSON whose account / Region / partition references stay CloudFormation variables, so the
 * stack prints the policy for the account and Region it is deployed in.
 */
import type { PolicyDocument } from '@deputy/policy-model';
import { jsonString } from '../json/json-string.js';
import type { CfnValue } from './cfn-value.js';
import { numberText } from './number-text.js';
import { cfnFromParts } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import { policyDocumentValue } from './policy-document-value.js';
import type { SubPart } from './sub-template.js';
import { parseSubTemplate } from './sub-template.js';

/** The document as a JSON string value: plain text, or a `Fn::Sub` (`Fn::Join`) when it refers to the environment. */
export function policyJsonValue(document: PolicyDocument, bindings: EnvironmentBindings): CfnValue {
  const written: WrittenParts = { parts: [], text: '' };
  writeJsonParts(policyDocumentValue(document, bindings), written);
  if (written.text !== '') written.parts.push(written.text);
  return cfnFromParts(written.parts);
}

/** JSON text being written as Sub parts: the parts before the last variable, and the text written since. */
interface WrittenParts {
  readonly parts: SubPart[];
  text: string;
}

/** Writes the JSON text of a value, with `Ref`s as variables inside the JSON strings they belong to. */
function writeJsonParts(value: CfnValue, out: WrittenParts): void {
  if (typeof value === 'string') {
    out.text += jsonString(value);
    return;
  }
  if (typeof value === 'number') {
    out.text += numberText(value);
    return;
  }
  if (typeof value === 'boolean') {
    out.text += value ? 'true' : 'false';
    return;
  }
  switch (value.kind) {
    case 'map':
      out.text += '{';
      value.entries.forEach((entry, index) => {
        out.text += `${index > 0 ? ',' : ''}${jsonString(entry.key)}:`;
        writeJsonParts(entry.value, out);
      });
      out.text += '}';
      return;
    case 'list':
      out.text += '[';
      value.items.forEach((item, index) => {
        if (index > 0) out.text += ',';
        writeJsonParts(item, out);
      });
      out.text += ']';
      return;
    case 'ref':
      out.text += '"';
      writeVariable(value.target, out);
      out.text += '"';
      return;
    case 'sub':
      out.text += '"';
      for (const part of parseSubTemplate(value.template)) writeStringPart(part, out);
      out.text += '"';
      return;
    case 'join':
      out.text += '"';
      for (const item of value.items) writeStringPart(typeof item === 'string' ? item : referenceOf(item), out);
      out.text += '"';
      return;
    case 'get-att':
      throw new Error('invariant: a policy document holds no Fn::GetAtt');
  }
}

/** Writes text escaped as the inside of a JSON string, or a variable. */
function writeStringPart(part: SubPart, out: WrittenParts): void {
  if (typeof part === 'string') out.text += jsonString(part).slice(1, -1);
  else writeVariable(part.variable, out);
}

function writeVariable(variable: string, out: WrittenParts): void {
  if (out.text !== '') out.parts.push(out.text);
  out.text = '';
  out.parts.push({ variable });
}

function referenceOf(item: CfnValue): SubPart {
  if (typeof item === 'object' && item.kind === 'ref') return { variable: item.target };
  throw new Error(`invariant: a joined policy string holds only text and Refs, not ${JSON.stringify(item)}`);
}
