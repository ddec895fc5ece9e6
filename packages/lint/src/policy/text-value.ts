/**
 * The text a value will have once deployed, as far as it can be known statically: literal parts, and
 * opaque parts for references. CloudFormation `Fn::Sub` and `Fn::Join` are evaluated over what is known.
 */
import { isLiteralParts, memberOf, mergeParts, type LocatedValue, type TextPart } from '../located/located-value.js';

/** The text parts of a scalar-like value; undefined for lists, objects and null. */
export function textPartsOf(value: LocatedValue): readonly TextPart[] | undefined {
  switch (value.kind) {
    case 'text':
      return value.parts;
    case 'number':
      return [String(value.value)];
    case 'boolean':
      return [String(value.value)];
    case 'opaque':
      return [{ opaque: value.raw }];
    case 'intrinsic':
      return intrinsicText(value.name, value.argument) ?? [{ opaque: value.raw }];
    default:
      return undefined;
  }
}

/** The literal text of a value, or undefined when any part is unknown or it is not a scalar. */
export function literalTextOf(value: LocatedValue): string | undefined {
  const parts = textPartsOf(value);
  if (parts === undefined || !isLiteralParts(parts)) return undefined;
  return parts.join('');
}

/** True when the value is a scalar whose text is entirely unknown (a reference rather than a string). */
export function isUnknownText(value: LocatedValue): boolean {
  const parts = textPartsOf(value);
  return parts !== undefined && parts.length > 0 && parts.every((part) => typeof part !== 'string');
}

/** How the deploying account is written: `${AWS::AccountId}` (any CloudFormation form), Terraform's caller identity. */
const THIS_ACCOUNT_SOURCES = [/^\$\{AWS::AccountId\}$/, /^\$\{\s*data\.aws_caller_identity\.[A-Za-z0-9_-]+(\[0\])?\.account_id\s*\}$/, /^data\.aws_caller_identity\.[A-Za-z0-9_-]+(\[0\])?\.account_id$/];

/**
 * True for an opaque part that is the deploying account: `!Ref AWS::AccountId`, `{"Ref": "AWS::AccountId"}`
 * and `${AWS::AccountId}` in `Fn::Sub` all read as the part `${AWS::AccountId}`; Terraform's
 * `data.aws_caller_identity.<name>.account_id`. Such a value pins the account as a literal one does.
 */
export function isThisAccountPart(part: TextPart): boolean {
  return typeof part !== 'string' && THIS_ACCOUNT_SOURCES.some((source) => source.test(part.opaque.trim()));
}

/** What a service principal's DNS suffix reads as, whatever syntax names it. */
const DNS_SUFFIX_SOURCES = [/^\$\{AWS::URLSuffix\}$/, /^\$\{\s*data\.aws_partition\.[A-Za-z0-9_-]+(\[0\])?\.dns_suffix\s*\}$/];

/**
 * A service principal value with its DNS suffix resolved: `!Sub 'states.${AWS::URLSuffix}'`,
 * `!Join ['', ['states.', !Ref AWS::URLSuffix]]` and `"states.${data.aws_partition.current.dns_suffix}"` read
 * as the text `states.amazonaws.com` (the suffix of the commercial partition, where the catalog's principal
 * names live). Anything else is returned unchanged.
 */
export function servicePrincipalValue(value: LocatedValue): LocatedValue {
  const parts = textPartsOf(value);
  if (parts === undefined || (value.kind === 'text' && isLiteralParts(parts))) return value;
  const resolved = mergeParts(parts.map((part) => (typeof part !== 'string' && DNS_SUFFIX_SOURCES.some((source) => source.test(part.opaque)) ? 'amazonaws.com' : part)));
  if (!isLiteralParts(resolved)) return value;
  return { kind: 'text', parts: resolved, at: value.at, raw: value.raw };
}

/**
 * The global principal of a regional service principal whose Region is not known statically:
 * `!Sub 'states.${AWS::Region}.amazonaws.com'`, `"logs.${var.region}.amazonaws.com"` → `states.amazonaws.com`,
 * `logs.amazonaws.com` (the service it names; which Region is unknown). Undefined for anything else.
 */
export function regionalPrincipalService(value: LocatedValue): string | undefined {
  const parts = textPartsOf(servicePrincipalValue(value));
  if (parts === undefined || parts.length !== 3) return undefined;
  const [service, region, suffix] = parts;
  if (typeof service !== 'string' || typeof region === 'string' || typeof suffix !== 'string') return undefined;
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.$/.test(service) || !/^\.amazonaws\.com(\.cn)?$/.test(suffix)) return undefined;
  return `${service.slice(0, -1)}${suffix}`;
}

function intrinsicText(name: string, argument: LocatedValue): readonly TextPart[] | undefined {
  if (name === 'Ref') {
    const target = argument.kind === 'text' && isLiteralParts(argument.parts) ? argument.parts.join('') : undefined;
    return target?.startsWith('AWS::') ? [{ opaque: `\${${target}}` }] : undefined;
  }
  if (name === 'Fn::Sub') {
    if (argument.kind === 'text' && isLiteralParts(argument.parts)) return substitutionParts(argument.parts.join(''), () => undefined);
    if (argument.kind === 'array' && argument.items[0]?.kind === 'text' && isLiteralParts(argument.items[0].parts)) {
      const variables = argument.items[1];
      return substitutionParts(argument.items[0].parts.join(''), (variable) => {
        const bound = memberOf(variables, variable);
        return bound === undefined ? undefined : textPartsOf(bound);
      });
    }
    return undefined;
  }
  if (name === 'Fn::Join' && argument.kind === 'array' && argument.items.length === 2) {
    const [delimiter, list] = argument.items as [LocatedValue, LocatedValue];
    const separator = delimiter.kind === 'text' && isLiteralParts(delimiter.parts) ? delimiter.parts.join('') : undefined;
    if (separator === undefined || list.kind !== 'array') return undefined;
    const joined: TextPart[] = [];
    for (const [index, item] of list.items.entries()) {
      const parts = textPartsOf(item);
      if (parts === undefined) return undefined;
      if (index > 0) joined.push(separator);
      joined.push(...parts);
    }
    return mergeParts(joined);
  }
  return undefined;
}

/** Splits an `Fn::Sub` template into literal text and `${…}` parts; `${!Literal}` is the literal `${Literal}`. */
export function substitutionParts(template: string, bound: (variable: string) => readonly TextPart[] | undefined): TextPart[] {
  const parts: TextPart[] = [];
  let cursor = 0;
  for (const match of template.matchAll(/\$\{([^}]*)\}/g)) {
    parts.push(template.slice(cursor, match.index));
    const variable = match[1]!;
    if (variable.startsWith('!')) parts.push(`\${${variable.slice(1)}}`);
    else parts.push(...(bound(variable.trim()) ?? [{ opaque: match[0] }]));
    cursor = match.index + match[0].length;
  }
  parts.push(template.slice(cursor));
  return mergeParts(parts);
}
