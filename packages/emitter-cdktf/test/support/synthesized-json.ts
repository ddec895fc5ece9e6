/**
 * Turns what a cdktf stack synthesizes into the file deputy writes: the Terraform JSON configuration with
 * a header comment, top-level keys in a fixed order, and cdktf's metadata removed.
 *
 * Removed: the root `//` (cdktf's version, the stack name, the list of overridden arguments — noise that
 * changes with every cdktf or cdktn release and means nothing to Terraform) and each element's
 * `//.metadata` (construct paths for the cdktf CLI, which does not manage this file). A block's deputy
 * notices stay, as its `//` comment; the `locals` object's `//` comment (lint suppressions) moves first.
 * Nothing else is touched: synthesizing without `App.synth()` adds no `terraform` block or backend, so the
 * file drops into an existing module.
 */
import { GENERATED_MARKER, type DeputyModel, type EmittedFile } from '@deputy/policy-model';
import { tmpdir } from 'node:os';
import { loadCdkModule, DeputyRoles, type CdkModule } from '../../src/index.js';

/** A JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Top-level keys in print order; any others follow. */
const TOP_LEVEL_ORDER = ['variable', 'data', 'locals', 'resource', 'output'] as const;

/** The header comment lines of a generated file. */
export function headerLines(source: string): string[] {
  return [`This file was ${GENERATED_MARKER} — do not edit.`, `Source: ${source}`];
}

/** The synthesized stack as deputy's Terraform JSON document. */
export function terraformJsonDocument(synthesized: unknown, source: string): JsonObject {
  if (!isObject(synthesized)) throw new Error('invariant: a stack synthesized to something other than a JSON object');
  const document: JsonObject = { '//': headerLines(source) };
  const keys = [...TOP_LEVEL_ORDER.filter((key) => key in synthesized), ...Object.keys(synthesized).filter((key) => key !== '//' && !(TOP_LEVEL_ORDER as readonly string[]).includes(key))];
  for (const key of keys) document[key] = cleanTopLevel(key, synthesized[key] as JsonValue);
  return document;
}

/** Serialises the document: 2-space JSON, invisible characters escaped so a reviewer sees them, a final newline. */
export function serializeTerraformJson(document: JsonObject): string {
  return `${JSON.stringify(document, null, 2).replace(INVISIBLE_OUTSIDE_ASCII, escapeCodeUnits)}\n`;
}

const INVISIBLE_OUTSIDE_ASCII = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/gu;

function escapeCodeUnits(character: string): string {
  let escaped = '';
  for (let index = 0; index < character.length; index++) escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}

function cleanTopLevel(key: string, value: JsonValue): JsonValue {
  if (!isObject(value)) return value;
  switch (key) {
    case 'resource':
    case 'data':
      return mapValues(value, (byLabel) => (isObject(byLabel) ? mapValues(byLabel, cleanBody) : byLabel));
    case 'variable':
    case 'output':
      return mapValues(value, cleanBody);
    case 'locals':
      return commentFirst(value);
    default:
      return value;
  }
}

/** A block body without cdktf's metadata; deputy's notices, if any, become its leading `//` comment. */
function cleanBody(body: JsonValue): JsonValue {
  if (!isObject(body) || !isObject(body['//'] ?? null)) return body;
  const notices = (body['//'] as JsonObject)['notices'];
  const rest = Object.fromEntries(Object.entries(body).filter(([key]) => key !== '//'));
  return notices === undefined ? rest : { '//': notices, ...rest };
}

/** The object with its `//` comment, if any, as the first key. */
function commentFirst(object: JsonObject): JsonObject {
  const comment = object['//'];
  if (comment === undefined) return object;
  return { '//': comment, ...Object.fromEntries(Object.entries(object).filter(([key]) => key !== '//')) };
}

function mapValues(object: JsonObject, map: (value: JsonValue) => JsonValue): JsonObject {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, map(value)]));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A model synthesized through `DeputyRoles` in memory (`toTerraform()`) into one `.tf.json`: how the tests
 * compare the construct with the plan and run Terraform on what the construct builds.
 */
export function synthesizeTerraformJson(model: DeputyModel, options: { readonly cdk?: CdkModule; readonly awsProviderMajorVersion?: 5 | 6 } = {}): EmittedFile[] {
  const cdk = options.cdk ?? loadCdkModule();
  const app = new cdk.App({ outdir: tmpdir(), skipValidation: true, stackTraces: false });
  const stack = new cdk.TerraformStack(app, 'deputy');
  new DeputyRoles(stack, 'model', { model, cdk, ...(options.awsProviderMajorVersion ? { awsProviderMajorVersion: options.awsProviderMajorVersion } : {}) });
  const document = terraformJsonDocument(stack.toTerraform(), model.source);
  return [{ path: `${model.baseName}.tf.json`, contents: serializeTerraformJson(document) }];
}
