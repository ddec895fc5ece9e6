/**
 * Prints {@link CfnValue}s as JSON with CloudFormation's long-form intrinsics (`Ref`, `Fn::Sub`,
 * `Fn::GetAtt`, `Fn::Join`), indented by two spaces, keys in the order the map gives them.
 */
import type { CfnValue } from '../template/cfn-value.js';
import { longForm } from '../template/long-form.js';
import { numberText } from '../template/number-text.js';
import { jsonString } from './json-string.js';

const INDENT = 2;

/** The value as JSON text; nested lines are indented relative to `indent` spaces. */
export function jsonText(value: CfnValue, indent = 0): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return numberText(value);
  if (value.kind === 'list') {
    if (value.items.length === 0) return '[]';
    const pad = ' '.repeat(indent + INDENT);
    return `[\n${value.items.map((item) => `${pad}${jsonText(item, indent + INDENT)}`).join(',\n')}\n${' '.repeat(indent)}]`;
  }
  if (value.kind === 'map') {
    if (value.entries.length === 0) return '{}';
    const pad = ' '.repeat(indent + INDENT);
    const entries = value.entries.map((entry) => `${pad}${jsonString(entry.key)}: ${jsonText(entry.value, indent + INDENT)}`);
    return `{\n${entries.join(',\n')}\n${' '.repeat(indent)}}`;
  }
  return jsonText(longForm(value), indent);
}
