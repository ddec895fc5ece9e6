/**
 * Large CloudFormation YAML templates read section by section and resource by resource: top-level keys start
 * at column 0 and resources at the first indentation under `Resources:`, so the text splits by lines; only
 * resources whose text can hold a policy ({@link mayHoldPolicy}) are parsed (each on its own, positioned in
 * the file), the `Outputs` are left out, every other section is parsed whole. Anything the split does not
 * fit (a flow-style `Resources: {…}`, a part that does not parse alone, anchors shared across resources)
 * falls back to reading the whole file.
 */
import type { LocatedEntry, LocatedValue } from '../located/located-value.js';
import { parseCfnYaml } from './cfn-yaml.js';
import { mayHoldPolicy } from './policy-text.js';
import { continuationLines } from './yaml/relaxed-indent.js';
import type { ScanNotice } from './source-scan.js';

/** Templates from this size up are read part by part. */
export const LARGE_YAML_TEMPLATE_BYTES = 1_000_000;

/** Something that may be an anchor or an alias (they can tie parts together): such files are read whole. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][A-Za-z0-9_-]+/m;

/** A run of lines: `start` and `end` are 0-based line indexes, end exclusive. */
interface LineRun {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** The template with only policy-bearing resources, or undefined to read the whole file instead. */
export function readLargeYamlTemplate(text: string, file: string): { root: LocatedValue; notices: ScanNotice[] } | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  const lines = text.split('\n');
  const offsets = lineOffsets(lines);
  const continued = continuationLines(lines);
  const sections = runsAt(lines, continued, 0, lines.length, 0);
  if (sections === undefined) return undefined;
  const resources = sections.find((section) => section.key === 'Resources');
  if (resources === undefined || !/^Resources\s*:\s*(?:#.*)?$/.test(lines[resources.start]!)) return undefined;
  const versioned = sections.some((section) => section.key === 'AWSTemplateFormatVersion');
  const resourcesText = slice(text, offsets, resources.start + 1, resources.end);
  if (!versioned && !/^\s+Type\s*:\s*['"]?(?:AWS|Custom)::/m.test(resourcesText)) return undefined;
  const indent = firstIndent(lines, resources.start + 1, resources.end);
  if (indent === undefined) return undefined;
  const members = runsAt(lines, continued, resources.start + 1, resources.end, indent);
  if (members === undefined) return undefined;
  const notices: ScanNotice[] = [];
  const entries: LocatedEntry[] = [];
  try {
    for (const section of sections) {
      const at = { line: section.start + 1, column: 1 };
      if (section === resources) {
        const kept: LocatedEntry[] = [];
        for (const member of members) {
          const memberText = slice(text, offsets, member.start, member.end);
          if (!mayHoldPolicy(memberText)) continue;
          const entry = onlyEntry(parseCfnYaml(memberText, file, member.start + 1), notices);
          if (entry === undefined) return undefined;
          kept.push(entry);
        }
        entries.push({ key: 'Resources', keyAt: at, value: { kind: 'object', entries: kept, unknownEntries: false, at: { line: section.start + 2, column: indent + 1 }, raw: resourcesText } });
      } else if (section.key === 'Outputs') {
        entries.push({ key: 'Outputs', keyAt: at, value: { kind: 'opaque', at, raw: '' } });
      } else {
        const entry = onlyEntry(parseCfnYaml(slice(text, offsets, section.start, section.end), file, section.start + 1), notices);
        if (entry === undefined) return undefined;
        entries.push(entry);
      }
    }
  } catch {
    return undefined;
  }
  return { root: { kind: 'object', entries, unknownEntries: false, at: { line: 1, column: 1 }, raw: text }, notices };
}

function onlyEntry(read: ReturnType<typeof parseCfnYaml>, notices: ScanNotice[]): LocatedEntry | undefined {
  if (read.multiDocument || read.root?.kind !== 'object' || read.root.entries.length !== 1) return undefined;
  notices.push(...read.notices);
  return read.root.entries[0];
}

/** The keys starting at exactly `indent` spaces between two lines, each with its run of lines; undefined when a line there is not a key. */
function runsAt(lines: readonly string[], continued: readonly boolean[], from: number, to: number, indent: number): LineRun[] | undefined {
  const runs: LineRun[] = [];
  const prefix = ' '.repeat(indent);
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (continued[index] || line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (index === from && (line.startsWith('---') || line.startsWith('%'))) return undefined;
    const current = line.length - line.trimStart().length;
    if (current > indent || (current < indent && runs.length > 0)) continue;
    if (current < indent || !line.startsWith(prefix)) return undefined;
    const match = /^([A-Za-z0-9_.:-]+|"[^"]*"|'[^']*')\s*:(?:\s|$)/.exec(line.slice(indent));
    if (match === null) return undefined;
    if (runs.length > 0) runs[runs.length - 1] = { ...runs[runs.length - 1]!, end: index };
    runs.push({ key: match[1]!.replace(/^["']|["']$/g, ''), start: index, end: to });
  }
  return runs;
}

function firstIndent(lines: readonly string[], from: number, to: number): number | undefined {
  for (let index = from; index < to; index++) {
    const line = lines[index]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    return indent > 0 ? indent : undefined;
  }
  return undefined;
}

function lineOffsets(lines: readonly string[]): number[] {
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1]! + line.length + 1);
  return offsets;
}

function slice(text: string, offsets: readonly number[], start: number, end: number): string {
  return text.slice(offsets[start]!, Math.min(offsets[end]!, text.length));
}
