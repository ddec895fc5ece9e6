/**
 * Prints {@link CfnValue}s as block YAML with CloudFormation's short-form intrinsics (`!Ref`, `!Sub`,
 * `!GetAtt`, `!Join`). Every scalar goes through {@link yamlString}, so quoting is decided in one place.
 */
import type { CfnEntry, CfnList, CfnMap, CfnValue } from '../template/cfn-value.js';
import { cfnList, isCfnList, isCfnMap } from '../template/cfn-value.js';
import { yamlNumber, yamlString } from './yaml-scalar.js';

const INDENT = 2;
/** Indentation strings by width, made once (a template of 1,000 roles prints ~50,000 lines). */
const PADS: string[] = [];
const padOf = (indent: number): string => (PADS[indent] ??= ' '.repeat(indent));
/** Keys longer than this are written as explicit `? key` entries: YAML limits implicit keys to 1024 characters. */
const MAX_IMPLICIT_KEY = 1000;

/** The entries of a mapping as lines indented by `indent` spaces. An empty mapping yields no lines. */
export function yamlMappingLines(map: CfnMap, indent: number): string[] {
  const lines: string[] = [];
  pushMapping(lines, map, indent);
  return lines;
}

/** A value that fits on its key's line (`key: value`), or undefined for block values. */
export function yamlInline(value: CfnValue): string | undefined {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number') return yamlNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  switch (value.kind) {
    case 'map':
      return value.entries.length === 0 ? '{}' : undefined;
    case 'list':
      return value.items.length === 0 ? '[]' : undefined;
    case 'ref':
      return `!Ref ${yamlString(value.target)}`;
    case 'sub':
      return `!Sub ${yamlString(value.template)}`;
    case 'get-att':
      return `!GetAtt ${yamlString(`${value.resource}.${value.attribute}`)}`;
    case 'join':
      return undefined;
  }
}

function pushMapping(lines: string[], map: CfnMap, indent: number): void {
  for (const entry of map.entries) pushEntry(lines, entry, indent);
}

function pushEntry(lines: string[], { key, value }: CfnEntry, indent: number): void {
  const pad = padOf(indent);
  const keyText = yamlString(key);
  const inline = yamlInline(value);
  const explicit = keyText.length > MAX_IMPLICIT_KEY;
  if (inline !== undefined) {
    if (explicit) lines.push(`${pad}? ${keyText}`, `${pad}: ${inline}`);
    else lines.push(`${pad}${keyText}: ${inline}`);
    return;
  }
  const tag = blockTag(value);
  const opener = tag === undefined ? ':' : `: ${tag}`;
  if (explicit) lines.push(`${pad}? ${keyText}`, `${pad}${opener}`);
  else lines.push(`${pad}${keyText}${opener}`);
  pushBlock(lines, value, indent + INDENT);
}

function pushSequence(lines: string[], list: CfnList, indent: number): void {
  const pad = padOf(indent);
  for (const item of list.items) {
    const inline = yamlInline(item);
    if (inline !== undefined) {
      lines.push(`${pad}- ${inline}`);
      continue;
    }
    const tag = blockTag(item);
    if (tag !== undefined) {
      lines.push(`${pad}- ${tag}`);
      pushBlock(lines, item, indent + INDENT);
      continue;
    }
    const first = lines.length;
    pushBlock(lines, item, indent + INDENT);
    lines[first] = `${pad}- ${lines[first]!.slice(indent + INDENT)}`;
  }
}

/** The tag that goes on the line before a non-inline value's lines (`!Join`), if any. */
function blockTag(value: CfnValue): string | undefined {
  return typeof value === 'object' && value.kind === 'join' ? '!Join' : undefined;
}

/** A non-inline value's lines at `indent` (without its tag). */
function pushBlock(lines: string[], value: CfnValue, indent: number): void {
  if (isCfnMap(value)) return pushMapping(lines, value, indent);
  if (isCfnList(value)) return pushSequence(lines, value, indent);
  if (typeof value === 'object' && value.kind === 'join') return pushSequence(lines, cfnList([value.delimiter, cfnList(value.items)]), indent);
  throw new Error(`invariant: ${JSON.stringify(value)} is not a block value`);
}
