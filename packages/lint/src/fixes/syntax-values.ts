/**
 * Writes single values in each syntax a policy can be written in: strings with the right quoting and
 * escaping, the deploying account / Region / partition as the syntax's own references, and values kept
 * from the source (CloudFormation intrinsics, Terraform expressions) as the source wrote them.
 */
import { assertNever, type EnvironmentField, type PolicyString } from '@deputy/policy-model';
import type { LocatedValue, TextPart } from '../located/located-value.js';
import type { PolicySyntax } from '../policy/found-policy.js';
import type { FixValue } from './fix-plan.js';

/** The value families: how strings, lists and references are written. */
export type ValueFamily = 'json' | 'json-terraform' | 'json-cloudformation' | 'cfn-json' | 'yaml' | 'hcl' | 'tf-json';

/** The family a policy syntax writes its values in. */
export function valueFamilyOf(syntax: PolicySyntax): ValueFamily {
  switch (syntax.kind) {
    case 'json':
      return syntax.interpolation === 'terraform' ? 'json-terraform' : syntax.interpolation === 'cloudformation' ? 'json-cloudformation' : 'json';
    case 'cfn-yaml':
      return 'yaml';
    case 'cfn-json':
      return 'cfn-json';
    case 'hcl-object':
    case 'hcl-policy-document':
      return 'hcl';
    case 'tf-json-policy-document':
      return 'tf-json';
    case 'lambda-permission':
      return syntax.format === 'hcl' ? 'hcl' : syntax.format === 'tf-json' ? 'tf-json' : syntax.format === 'cfn-yaml' ? 'yaml' : 'cfn-json';
    default:
      return assertNever(syntax, 'policy syntax');
  }
}

const TERRAFORM_REFERENCES: Record<EnvironmentField, string> = {
  account: 'data.aws_caller_identity.current.account_id',
  region: 'data.aws_region.current.region',
  partition: 'data.aws_partition.current.partition',
};

const CLOUDFORMATION_REFERENCES: Record<EnvironmentField, string> = { account: 'AWS::AccountId', region: 'AWS::Region', partition: 'AWS::Partition' };

const JSON_PLACEHOLDERS: Record<EnvironmentField, string> = { account: '<account-id>', region: '<region>', partition: 'aws' };

/** Writes one new value. */
export function writeNewValue(value: PolicyString, family: ValueFamily): string {
  if (typeof value === 'string') return writeString(value, family);
  const parts = value.parts;
  const whole = parts.length === 1 && typeof parts[0] !== 'string' ? parts[0] : undefined;
  switch (family) {
    case 'json':
      return JSON.stringify(parts.map((part) => (typeof part === 'string' ? part : JSON_PLACEHOLDERS[part.field])).join(''));
    case 'json-terraform':
    case 'tf-json':
      return JSON.stringify(parts.map((part) => (typeof part === 'string' ? escapeTemplate(part) : `\${${TERRAFORM_REFERENCES[part.field]}}`)).join(''));
    case 'json-cloudformation':
      return JSON.stringify(parts.map((part) => (typeof part === 'string' ? escapeSub(part) : `\${${CLOUDFORMATION_REFERENCES[part.field]}}`)).join(''));
    case 'cfn-json':
      if (whole) return `{ "Ref": "${CLOUDFORMATION_REFERENCES[whole.field]}" }`;
      return `{ "Fn::Sub": ${JSON.stringify(parts.map((part) => (typeof part === 'string' ? escapeSub(part) : `\${${CLOUDFORMATION_REFERENCES[part.field]}}`)).join(''))} }`;
    case 'yaml':
      if (whole) return `!Ref ${CLOUDFORMATION_REFERENCES[whole.field]}`;
      return `!Sub ${singleQuoted(parts.map((part) => (typeof part === 'string' ? escapeSub(part) : `\${${CLOUDFORMATION_REFERENCES[part.field]}}`)).join(''))}`;
    case 'hcl':
      if (whole) return TERRAFORM_REFERENCES[whole.field];
      return `"${parts.map((part) => (typeof part === 'string' ? escapeHcl(part) : `\${${TERRAFORM_REFERENCES[part.field]}}`)).join('')}"`;
    default:
      return assertNever(family, 'value family');
  }
}

/** Writes a literal string. */
export function writeString(text: string, family: ValueFamily): string {
  switch (family) {
    case 'json':
      return JSON.stringify(text);
    case 'json-terraform':
    case 'tf-json':
      return JSON.stringify(escapeTemplate(text));
    case 'json-cloudformation':
      return JSON.stringify(escapeSub(text));
    case 'cfn-json':
      return JSON.stringify(text);
    case 'yaml':
      return yamlScalar(text);
    case 'hcl':
      return `"${escapeHcl(text)}"`;
    default:
      return assertNever(family, 'value family');
  }
}

/** Writes a value kept from the source. */
export function writeLocated(value: LocatedValue, family: ValueFamily): string {
  switch (value.kind) {
    case 'text':
      return writeParts(value.parts, family);
    case 'number':
      return /^0\d/.test(value.raw) ? writeString(value.raw, family) : value.raw;
    case 'boolean':
    case 'null':
      return value.raw;
    case 'opaque':
      return value.raw;
    case 'array':
      return `[${value.items.map((item) => writeLocated(item, family)).join(', ')}]`;
    case 'object':
      if (family === 'hcl') return value.raw;
      return `{ ${value.entries.map((entry) => `${family === 'yaml' ? yamlScalar(entry.key) : JSON.stringify(entry.key)}: ${writeLocated(entry.value, family)}`).join(', ')} }`;
    case 'intrinsic':
      return family === 'yaml' ? writeShortForm(value.name, value.argument) : `{ ${JSON.stringify(value.name)}: ${writeLocated(value.argument, family)} }`;
    default:
      return assertNever(value, 'located value');
  }
}

/** Writes a fix value: one item as a scalar, several as a list. */
export function writeFixValue(value: FixValue, family: ValueFamily): string {
  if (value.kind === 'located') return writeLocated(value.value, family);
  if (value.items.length === 1) return writeNewValue(value.items[0]!, family);
  return `[${value.items.map((item) => writeNewValue(item, family)).join(', ')}]`;
}

/** The items of a fix value written one by one (for block lists), or undefined when it is one value. */
export function writeFixItems(value: FixValue, family: ValueFamily): string[] | undefined {
  if (value.kind === 'new') return value.items.length === 1 ? undefined : value.items.map((item) => writeNewValue(item, family));
  return value.value.kind === 'array' ? value.value.items.map((item) => writeLocated(item, family)) : undefined;
}

function writeParts(parts: readonly TextPart[], family: ValueFamily): string {
  if (parts.every((part) => typeof part === 'string')) return writeString(parts.join(''), family);
  const literal = (part: string): string =>
    family === 'hcl' ? escapeHcl(part) : family === 'json-terraform' || family === 'tf-json' ? escapeTemplate(part) : family === 'json-cloudformation' || family === 'yaml' ? escapeSub(part) : part;
  const text = parts.map((part) => (typeof part === 'string' ? literal(part) : part.opaque)).join('');
  if (family === 'hcl') return `"${text}"`;
  if (family === 'yaml') return `!Sub ${singleQuoted(text)}`;
  return JSON.stringify(text);
}

function writeShortForm(name: string, argument: LocatedValue): string {
  const tag = name === 'Ref' || name === 'Condition' ? name : name.replace(/^Fn::/, '');
  if (name === 'Fn::GetAtt' && argument.kind === 'array' && argument.items.every((item) => item.kind === 'text')) {
    return `!GetAtt ${argument.items.map((item) => (item.kind === 'text' ? item.parts.join('') : '')).join('.')}`;
  }
  return `!${tag} ${writeLocated(argument, 'yaml')}`;
}

/** A YAML scalar: plain when unambiguous for YAML 1.1 and 1.2 readers, single-quoted otherwise. */
export function yamlScalar(text: string): string {
  const plain =
    /^[A-Za-z][A-Za-z0-9_.:/*?@+=,-]*$/.test(text) &&
    !/^(y|n|yes|no|on|off|true|false|null)$/i.test(text) &&
    !text.includes(': ') &&
    !text.endsWith(':');
  return plain ? text : singleQuoted(text);
}

function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The characters (and `${` / `%{` sequences) {@link escapeHcl} rewrites. */
const HCL_ESCAPED = /[\\"\n\r\t]|[$%]\{/;

function escapeHcl(text: string): string {
  if (!HCL_ESCAPED.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function escapeTemplate(text: string): string {
  return text.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

function escapeSub(text: string): string {
  return text.replace(/\$\{/g, '${!');
}
