/**
 * Prints {@link CfnValue}s as block YAML with CloudFormation's short-form intrinsics (`!Ref`, `!Sub`,
 * `!GetAtt`, `!Join`). Every scalar goes through {@link yamlString}, so quoting is decided in one place.
 */
import type { CfnEntry, CfnList, CfnMap, CfnValue } from '../template/cfn-value.js';
import { cfnList, isCfnList, isCfnMap } from '../template/cfn-value.js';
import { yamlNumber, yamlString } from './yaml-scalar.js';

const INDENT = 2;
/** Keys longer than this are written as explicit `? key` entries: YAML limits implicit keys to 1024 characters. */
const MAX_IMPLICIT_KEY = 1000;

/** The entries of a mapping as lines indented by `indent` spaces. An empty mapping yields no lines. */
export function yamlMappingLines(map: CfnMap, indent: number): string[] {
  return map.entries.flatMap((entry) => entryLines(entry, indent));
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

function entryLines({ key, value }: CfnEntry, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const keyText = yamlString(key);
  const inline = yamlInline(value);
  const explicit = keyText.length > MAX_IMPLICIT_KEY;
  if (inline !== undefined) return explicit ? [`${pad}? ${keyText}`, `${pad}: ${inline}`] : [`${pad}${keyText}: ${inline}`];
  const { tag, lines } = blockLines(value, indent + INDENT);
  const opener = tag === undefined ? ':' : `: ${tag}`;
  return explicit ? [`${pad}? ${keyText}`, `${pad}${opener}`, ...lines] : [`${pad}${keyText}${opener}`, ...lines];
}

function sequenceLines(list: CfnList, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return list.items.flatMap((item) => {
    const inline = yamlInline(item);
    if (inline !== undefined) return [`${pad}- ${inline}`];
    const { tag, lines } = blockLines(item, indent + INDENT);
    if (tag !== undefined) return [`${pad}- ${tag}`, ...lines];
    const [first, ...rest] = lines;
    return [`${pad}- ${first!.slice(indent + INDENT)}`, ...rest];
  });
}

/** A non-inline value as lines at `indent`, with the tag (if any) that goes on the line before them. */
function blockLines(value: CfnValue, indent: number): { tag?: string; lines: string[] } {
  if (isCfnMap(value)) return { lines: yamlMappingLines(value, indent) };
  if (isCfnList(value)) return { lines: sequenceLines(value, indent) };
  if (typeof value === 'object' && value.kind === 'join') {
    return { tag: '!Join', lines: sequenceLines(cfnList([value.delimiter, cfnList(value.items)]), indent) };
  }
  throw new Error(`invariant: ${JSON.stringify(value)} is not a block value`);
}
