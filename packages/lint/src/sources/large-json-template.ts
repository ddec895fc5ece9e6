/**
 * Large CloudFormation JSON templates (CDK and SAM output reach tens of megabytes) read member by member:
 * a quick scan finds the byte range of every top-level section and every resource, and only resources whose
 * text can hold a policy ({@link mayHoldPolicy}) become located values. Everything `templatePolicies` reads
 * (a resource's Type, Properties and Metadata, the Mappings) is kept, so the policies found are the same as
 * with the whole tree; the rest (functions, tables, queues, Outputs) is never built. Any text the scan does
 * not understand falls back to the full parser, which reports the syntax error.
 */
import { fileText, type EmbeddedText } from '../located/embedded-text.js';
import { parseLocatedJson } from '../located/located-json.js';
import type { LocatedEntry, LocatedValue } from '../located/located-value.js';
import type { LineIndex } from '../located/position.js';
import { mayHoldPolicy } from './policy-text.js';

/** Templates from this size up are read member by member. */
export const LARGE_TEMPLATE_BYTES = 1_000_000;

/** One member of a JSON object: its key and the ranges of the key and the value. */
interface MemberRange {
  readonly key: string;
  readonly keyStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/**
 * The template with only policy-bearing resources, or undefined when the text is not a CloudFormation
 * template (a JSON object with a format version or `AWS::`-typed resources) or the quick scan meets something
 * it does not understand. Syntax errors inside resources that cannot hold a policy are not looked for.
 */
export function readLargeJsonTemplate(text: string, lines: LineIndex): LocatedValue | undefined {
  const rootStart = skipWhitespace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  const root = objectMembers(text, rootStart);
  if (root === undefined || skipWhitespace(text, root.end) !== text.length) return undefined;
  const resourcesMember = root.members.find((member) => member.key === 'Resources');
  if (resourcesMember === undefined) return undefined;
  const resources = objectMembers(text, resourcesMember.valueStart);
  if (resources === undefined) return undefined;
  const versioned = root.members.some((member) => member.key === 'AWSTemplateFormatVersion');
  if (!versioned && !/"Type"\s*:\s*"(?:AWS|Custom)::/.test(text.slice(resourcesMember.valueStart, resourcesMember.valueEnd))) return undefined;
  const entries: LocatedEntry[] = [];
  for (const member of root.members) {
    if (member === resourcesMember) {
      const kept = resources.members.filter((resource) => mayHoldPolicy(text.slice(resource.valueStart, resource.valueEnd)));
      entries.push({
        key: member.key,
        keyAt: lines.position(member.keyStart),
        value: { kind: 'object', entries: kept.map((resource) => entryOf(text, lines, resource)), unknownEntries: false, at: lines.position(member.valueStart), raw: text.slice(member.valueStart, member.valueEnd) },
      });
    } else if (member.key === 'Outputs') {
      entries.push({ key: member.key, keyAt: lines.position(member.keyStart), value: { kind: 'opaque', at: lines.position(member.valueStart), raw: text.slice(member.valueStart, member.valueEnd) } });
    } else {
      entries.push(entryOf(text, lines, member));
    }
  }
  return { kind: 'object', entries, unknownEntries: false, at: lines.position(rootStart), raw: text.slice(rootStart, root.end) };
}

function entryOf(text: string, lines: LineIndex, member: MemberRange): LocatedEntry {
  return { key: member.key, keyAt: lines.position(member.keyStart), value: parseLocatedJson(rangeText(text, lines, member.valueStart, member.valueEnd)) };
}

/** The text between two offsets, positioned in the file. */
function rangeText(text: string, lines: LineIndex, start: number, end: number): EmbeddedText {
  const whole = fileText(text, lines, start);
  return { ...whole, text: text.slice(start, end) };
}

/** The members of the object whose `{` is at `start`, and the offset after its `}`. */
function objectMembers(text: string, start: number): { members: MemberRange[]; end: number } | undefined {
  if (text.charCodeAt(start) !== 0x7b) return undefined;
  const members: MemberRange[] = [];
  let index = skipWhitespace(text, start + 1);
  if (text.charCodeAt(index) === 0x7d) return { members, end: index + 1 };
  for (;;) {
    if (text.charCodeAt(index) !== 0x22) return undefined;
    const keyStart = index;
    const keyEnd = skipString(text, index);
    if (keyEnd < 0) return undefined;
    const rawKey = text.slice(keyStart, keyEnd);
    let key: string;
    try {
      key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
    } catch {
      return undefined;
    }
    index = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(index) !== 0x3a) return undefined;
    const valueStart = skipWhitespace(text, index + 1);
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd < 0) return undefined;
    members.push({ key, keyStart, valueStart, valueEnd });
    index = skipWhitespace(text, valueEnd);
    const next = text.charCodeAt(index);
    if (next === 0x7d) return { members, end: index + 1 };
    if (next !== 0x2c) return undefined;
    index = skipWhitespace(text, index + 1);
  }
}

/** The offset after the JSON value at `start`, or -1. Containers are skipped by bracket depth, strings by their escapes. */
function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 0x22) return skipString(text, start);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    for (let index = start; index < text.length; index++) {
      const char = text.charCodeAt(index);
      if (char === 0x22) {
        index = skipString(text, index) - 1;
        if (index < 0) return -1;
      } else if (char === 0x7b || char === 0x5b) {
        depth++;
      } else if (char === 0x7d || char === 0x5d) {
        depth--;
        if (depth === 0) return index + 1;
      }
    }
    return -1;
  }
  let index = start;
  while (index < text.length && !isDelimiter(text.charCodeAt(index))) index++;
  return index === start ? -1 : index;
}

/** The offset after the string whose opening quote is at `start`, or -1. */
function skipString(text: string, start: number): number {
  let index = start + 1;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    index = quote + 1;
  }
}

function isDelimiter(char: number): boolean {
  return char === 0x2c || char === 0x7d || char === 0x5d || char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09;
}

function skipWhitespace(text: string, start: number): number {
  let index = start;
  for (;;) {
    const char = text.charCodeAt(index);
    if (char === 0x20 || char === 0x0a || char === 0x0d || char === 0x09) index++;
    else return index;
  }
}
