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
  return cfnFromParts(jsonParts(policyDocumentValue(document, bindings)));
}

/** JSON text of a value, with `Ref`s as variables inside the JSON strings they belong to. */
function jsonParts(value: CfnValue): SubPart[] {
  if (typeof value === 'string') return [jsonString(value)];
  if (typeof value === 'number') return [numberText(value)];
  if (typeof value === 'boolean') return [JSON.stringify(value)];
  switch (value.kind) {
    case 'map':
      return ['{', ...value.entries.flatMap((entry, index) => [index > 0 ? ',' : '', jsonString(entry.key), ':', ...jsonParts(entry.value)]), '}'];
    case 'list':
      return ['[', ...value.items.flatMap((item, index) => [index > 0 ? ',' : '', ...jsonParts(item)]), ']'];
    case 'ref':
      return ['"', { variable: value.target }, '"'];
    case 'sub':
      return ['"', ...parseSubTemplate(value.template).map(escapeText), '"'];
    case 'join':
      return ['"', ...value.items.map((item) => (typeof item === 'string' ? escapeText(item) : referenceOf(item))), '"'];
    case 'get-att':
      throw new Error('invariant: a policy document holds no Fn::GetAtt');
  }
}

function escapeText(part: SubPart): SubPart {
  return typeof part === 'string' ? jsonString(part).slice(1, -1) : part;
}

function referenceOf(item: CfnValue): SubPart {
  if (typeof item === 'object' && item.kind === 'ref') return { variable: item.target };
  throw new Error(`invariant: a joined policy string holds only text and Refs, not ${JSON.stringify(item)}`);
}
