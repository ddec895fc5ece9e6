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

/** The entries of a mapping as lines indented by `indent` spaces, joined by newlines. An empty mapping yields no text. */
export function yamlMappingText(map: CfnMap, indent: number): string {
  const out: YamlText = { text: '' };
  writeMapping(out, map, indent, padOf(indent));
  return out.text;
}

/** YAML being written, line by line. */
interface YamlText {
  text: string;
}

function writeLine(out: YamlText, line: string): void {
  out.text += out.text === '' ? line : `\n${line}`;
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

/**
 * The writers below print a block value at `indent`; `lead` is written instead of the first line's
 * indentation (it is as wide), so that a sequence item's first line can start with its `- `.
 */
function writeMapping(out: YamlText, map: CfnMap, indent: number, lead: string): void {
  map.entries.forEach((entry, index) => writeEntry(out, entry, indent, index === 0 ? lead : padOf(indent)));
}

function writeEntry(out: YamlText, { key, value }: CfnEntry, indent: number, lead: string): void {
  const keyText = yamlString(key);
  const inline = yamlInline(value);
  const explicit = keyText.length > MAX_IMPLICIT_KEY;
  if (inline !== undefined) {
    writeLine(out, explicit ? `${lead}? ${keyText}\n${padOf(indent)}: ${inline}` : `${lead}${keyText}: ${inline}`);
    return;
  }
  const tag = blockTag(value);
  const opener = tag === undefined ? ':' : `: ${tag}`;
  writeLine(out, explicit ? `${lead}? ${keyText}\n${padOf(indent)}${opener}` : `${lead}${keyText}${opener}`);
  writeBlock(out, value, indent + INDENT, padOf(indent + INDENT));
}

function writeSequence(out: YamlText, list: CfnList, indent: number, lead: string): void {
  list.items.forEach((item, index) => {
    const itemLead = `${index === 0 ? lead : padOf(indent)}- `;
    const inline = yamlInline(item);
    if (inline !== undefined) {
      writeLine(out, `${itemLead}${inline}`);
      return;
    }
    const tag = blockTag(item);
    if (tag !== undefined) {
      writeLine(out, `${itemLead}${tag}`);
      writeBlock(out, item, indent + INDENT, padOf(indent + INDENT));
      return;
    }
    writeBlock(out, item, indent + INDENT, itemLead);
  });
}

/** The tag that goes on the line before a non-inline value's lines (`!Join`), if any. */
function blockTag(value: CfnValue): string | undefined {
  return typeof value === 'object' && value.kind === 'join' ? '!Join' : undefined;
}

/** A non-inline value's lines at `indent` (without its tag), the first one starting with `lead`. */
function writeBlock(out: YamlText, value: CfnValue, indent: number, lead: string): void {
  if (isCfnMap(value)) return writeMapping(out, value, indent, lead);
  if (isCfnList(value)) return writeSequence(out, value, indent, lead);
  if (typeof value === 'object' && value.kind === 'join') return writeSequence(out, cfnList([value.delimiter, cfnList(value.items)]), indent, lead);
  throw new Error(`invariant: ${JSON.stringify(value)} is not a block value`);
}
