/**
 * A plan as a Terraform JSON configuration object (`.tf.json`): a `//` header, then `terraform`, `variable`,
 * `data`, `locals`, `resource` and `output` in that order. A block's notices, its Unicode-normalisation
 * notice and the lint suppressions of the documents it holds become its `//` comment (the `locals` object's
 * for local values).
 */
import { GENERATED_MARKER, terraformChangesText } from '@deputy/policy-model';
import type { EnvironmentReferences } from '../environment-references.js';
import type { PlanBlock, PlanResource, PlanVariable } from '../plan-blocks.js';
import { literalTexts, type PlanValue } from '../plan-values.js';
import { UNICODE_NFC_NOTICE } from '../unicode-normalization.js';
import { policyJsonTemplate } from './policy-json-template.js';
import { expression, expressionTemplate, literalTemplate, terraformTemplate, text, type TemplateTextGuard } from './terraform-template.js';

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** The header comment lines of a generated file. */
export function headerLines(source: string): string[] {
  return [`This file was ${GENERATED_MARKER} — do not edit.`, `Source: ${source}`];
}

/** One block's Terraform JSON body, and the comment lines for its `//`. */
export interface JsonBlockBody {
  /** The body, without the `//` comment. */
  readonly body: JsonObject;
  /** Notices then lint suppressions; empty when none. */
  readonly comments: readonly string[];
}

/** A resource or data source body: every argument as Terraform JSON, notices and suppressions gathered. */
export function resourceJsonBody(block: PlanResource, references: EnvironmentReferences, guard?: TemplateTextGuard): JsonBlockBody {
  const body: JsonObject = {};
  const directives: string[] = [...block.directives];
  let changesText = false;
  for (let index = 0; index < block.body.length; index++) {
    const argument = block.body[index]!;
    body[argument.name] = jsonValue(argument.value, references, directives, guard);
    changesText ||= literalTexts(argument.value).some(terraformChangesText);
  }
  const notices = changesText ? [...block.notices, UNICODE_NFC_NOTICE] : block.notices;
  return { body, comments: notices.length === 0 && directives.length === 0 ? directives : [...notices, ...directives] };
}

/** A variable's Terraform JSON body. */
export function variableJsonBody(block: PlanVariable, guard?: TemplateTextGuard): JsonObject {
  return {
    type: block.type,
    description: block.description,
    validation: [
      {
        condition: terraformTemplate([expression(`can(regex(${JSON.stringify(block.validation.pattern)}, var.${block.label}))`)], guard),
        error_message: literalTemplate(block.validation.errorMessage, guard),
      },
    ],
  };
}

/** A plan value as Terraform JSON; the lint suppressions of a policy document are added to `directives`. */
export function jsonValue(value: PlanValue, references: EnvironmentReferences, directives: string[], guard?: TemplateTextGuard): JsonValue {
  switch (value.kind) {
    case 'text':
      return value.parts.length === 1 && typeof value.parts[0] === 'string'
        ? literalTemplate(value.parts[0], guard)
        : terraformTemplate(value.parts.map((part) => (typeof part === 'string' ? text(part) : expression(part.path))), guard);
    case 'reference':
      return expressionTemplate(value.path, guard);
    case 'number':
      return value.value;
    case 'map':
      return Object.fromEntries(value.entries.map((entry) => [literalTemplate(entry.key, guard), jsonValue(entry.value, references, directives, guard)]));
    case 'policy':
      directives.push(...value.directives);
      return policyJsonTemplate(value.document, references, guard);
  }
}

/** The top-level sections of a Terraform JSON configuration, in the order deputy writes them. */
const SECTION_ORDER = ['terraform', 'variable', 'data', 'locals', 'resource', 'output'] as const;

type Section = (typeof SECTION_ORDER)[number];

/** Blocks as one Terraform JSON configuration object, headed by `header` comment lines; `guard` for strings that pass through cdktf. */
export function terraformJsonDocument(
  blocks: readonly PlanBlock[],
  references: EnvironmentReferences,
  header: readonly string[],
  guard?: TemplateTextGuard,
): JsonObject {
  const sections: { [key in Section]: JsonObject } = {
    terraform: {},
    variable: labelKeyed(),
    data: {},
    locals: labelKeyed(),
    resource: {},
    output: labelKeyed(),
  };
  const localsComments: string[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    switch (block.kind) {
      case 'terraform':
        sections.terraform['required_providers'] = Object.fromEntries(
          block.requiredProviders.map((provider) => [provider.name, { source: provider.source, version: provider.version }]),
        );
        break;
      case 'variable':
        sections.variable[block.label] = variableJsonBody(block, guard);
        break;
      case 'resource':
      case 'data': {
        const { body, comments } = resourceJsonBody(block, references, guard);
        const byType = (sections[block.kind === 'data' ? 'data' : 'resource'][block.type] ??= labelKeyed()) as JsonObject;
        byType[block.label] = comments.length > 0 ? { '//': [...comments], ...body } : body;
        break;
      }
      case 'local': {
        const directives: string[] = [];
        sections.locals[block.label] = jsonValue(block.value, references, directives, guard);
        localsComments.push(...block.notices, ...directives);
        break;
      }
      case 'output':
        sections.output[block.label] = { description: block.description, value: jsonValue(block.value, references, [], guard) };
        break;
    }
  }
  const document: JsonObject = { '//': [...header] };
  for (const key of SECTION_ORDER) {
    const section = sections[key];
    if (Object.keys(section).length === 0) continue;
    document[key] = key === 'locals' && localsComments.length > 0 ? Object.assign(labelKeyed(), { '//': localsComments }, section) : section;
  }
  return document;
}

/**
 * An empty object whose keys will be labels. Without a prototype, V8 keeps it as a dictionary; a `{}` would
 * get a new hidden class for every label added to it, thousands in one run. Keys keep insertion order either way.
 */
function labelKeyed(): JsonObject {
  return Object.create(null) as JsonObject;
}

const INVISIBLE_OUTSIDE_ASCII = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu;

/** The characters past U+007E, where every character {@link INVISIBLE_OUTSIDE_ASCII} matches lies. */
const BEYOND_PRINTABLE_ASCII = /[^\x00-\x7e]/g;

/** Serialises a document: 2-space JSON, invisible characters escaped so a reviewer sees them, a final newline. */
export function serializeTerraformJson(document: JsonObject): string {
  const json = JSON.stringify(document, null, 2);
  return `${holdsInvisible(json) ? json.replace(INVISIBLE_OUTSIDE_ASCII, escapeCodeUnits) : json}\n`;
}

/**
 * True when the JSON text holds a character {@link INVISIBLE_OUTSIDE_ASCII} matches. Most files hold no
 * character past ASCII but the header's dash (U+2014, visible); otherwise the Unicode pattern runs over the
 * characters past ASCII alone, gathered in order (JSON.stringify escapes lone surrogates, so every surrogate
 * pair stays a pair).
 */
function holdsInvisible(json: string): boolean {
  if (!BEYOND_ASCII_AND_DASH.test(json)) return false;
  const beyond = json.match(BEYOND_PRINTABLE_ASCII);
  return beyond !== null && INVISIBLE_CHARACTER.test(beyond.join(''));
}

const BEYOND_ASCII_AND_DASH = /[^\x00-\x7e\u2014]/;

const INVISIBLE_CHARACTER = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

function escapeCodeUnits(character: string): string {
  let escaped = '';
  for (let index = 0; index < character.length; index++) escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}
