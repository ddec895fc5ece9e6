/**
 * Plain YAML scalars resolved as CloudFormation's YAML readers resolve them: PyYAML's YAML 1.1 implicit
 * resolvers (the `SafeLoader` that cfn-lint builds on). `yes`/`on` are booleans, `0123` is octal, `1:20` is
 * base 60, `012345678901` (an 8 or 9 after a leading zero) stays text, `1e3` (no dot) stays text. Dates and
 * timestamps stay text as written: CloudFormation hands them to services as strings.
 */

/** What a plain scalar resolves to. */
export type ResolvedScalar =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;

/** Resolves the text of a plain (unquoted, untagged) scalar as PyYAML's SafeLoader does. */
export function resolvePlainScalar(text: string): ResolvedScalar {
  const first = text.charAt(0);
  if (NULL.test(text)) return { kind: 'null' };
  if ('yYnNtTfFoO'.includes(first) && BOOL.test(text)) return { kind: 'boolean', value: TRUE.test(text) };
  if ('-+0123456789.'.includes(first)) {
    if (FLOAT.test(text)) return { kind: 'number', value: floatValue(text) };
    if (INT.test(text)) return { kind: 'number', value: intValue(text) };
  }
  return { kind: 'text', value: text };
}

function floatValue(text: string): number {
  let value = text.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (value.startsWith('-') || value.startsWith('+')) {
    if (value.startsWith('-')) sign = -1;
    value = value.slice(1);
  }
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map(Number));
  return sign * Number(value);
}

function intValue(text: string): number {
  let value = text.replace(/_/g, '');
  let sign = 1;
  if (value.startsWith('-') || value.startsWith('+')) {
    if (value.startsWith('-')) sign = -1;
    value = value.slice(1);
  }
  if (value === '0') return 0;
  if (value.startsWith('0b')) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * parseInt(value.slice(2), 16);
  if (value.startsWith('0')) return sign * parseInt(value, 8);
  if (value.includes(':')) return sign * sexagesimal(value.split(':').map(Number));
  return sign * Number(value);
}

function sexagesimal(digits: readonly number[]): number {
  return digits.reduce((total, digit) => total * 60 + digit, 0);
}
