/**
 * One reading of a Terraform configuration in JSON syntax, whether it came from a `.tf.json` (the
 * `tf-json` dialect) or from hcl2json over a `.tf` (the `hcl` dialect: block bodies wrapped in lists,
 * policies as `jsonencode(…)`, literal-only fields written as templates). Both become the same plain
 * structure, so the targets can be compared with `toEqual`.
 */
import type { EnvironmentField, PolicyDocument, PolicyString } from '@deputy/policy-model';
import { decodeJsonencodeDocument, isJsonencode, type JsonValue } from './hcl-reading.js';
import { decodePolicyTemplate } from './policy-json-decoding.js';
import { decodeLiteral, decodeTemplate, expressionDecoder, soleExpression, type ExpressionDecoder } from './template-decoding.js';

/** Which syntax the JSON came from. */
export type Dialect = 'tf-json' | 'hcl';

/** An argument's value, decoded. */
export type ReadValue =
  | { readonly kind: 'text'; readonly value: PolicyString }
  | { readonly kind: 'policy'; readonly document: PolicyDocument }
  | { readonly kind: 'reference'; readonly address: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'map'; readonly entries: { readonly [key: string]: string } };

/** A resource or data source. */
export interface ReadBlock {
  /** `resource` or `data`. */
  readonly kind: 'resource' | 'data';
  /** Its arguments. */
  readonly arguments: { readonly [name: string]: ReadValue };
}

/** A variable. */
export interface ReadVariable {
  readonly type: string;
  readonly description: string | undefined;
  readonly condition: string;
  readonly errorMessage: string;
}

/** An output. */
export interface ReadOutput {
  readonly description: string | undefined;
  readonly value: ReadValue;
}

/** A configuration, decoded. */
export interface ReadConfiguration {
  /** Resources and data sources by address (`aws_iam_role.x`, `data.aws_region.current`). */
  readonly blocks: { readonly [address: string]: ReadBlock };
  /** Variables by name. */
  readonly variables: { readonly [name: string]: ReadVariable };
  /** Local values by name. */
  readonly locals: { readonly [name: string]: ReadValue };
  /** Outputs by name. */
  readonly outputs: { readonly [name: string]: ReadOutput };
}

/** Arguments that hold a policy document. */
const POLICY_ARGUMENTS = new Set(['assume_role_policy', 'policy']);

/**
 * Reads a configuration. `fields` maps each variable to the environment field it stands for; references
 * to the current Region must use the attribute of `awsProviderMajorVersion`.
 */
export async function readConfiguration(
  json: { readonly [key: string]: JsonValue },
  dialect: Dialect,
  fields: ReadonlyMap<string, EnvironmentField>,
  awsProviderMajorVersion: 5 | 6 = 6,
): Promise<ReadConfiguration> {
  const decodeExpression = expressionDecoder(fields, awsProviderMajorVersion);
  const blocks: { [address: string]: ReadBlock } = {};
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byLabel] of entries(json[kind])) {
      for (const [label, body] of entries(byLabel)) {
        const address = kind === 'resource' ? `${type}.${label}` : `data.${type}.${label}`;
        const argumentsRead: { [name: string]: ReadValue } = {};
        for (const [name, value] of entries(only(body, dialect))) {
          if (name === '//') continue;
          argumentsRead[name] = await readValue(value, POLICY_ARGUMENTS.has(name), dialect, decodeExpression);
        }
        blocks[address] = { kind, arguments: argumentsRead };
      }
    }
  }
  const variables: { [name: string]: ReadVariable } = {};
  for (const [name, body] of entries(json['variable'])) {
    const variable = asObject(only(body, dialect));
    const [validation] = list(variable['validation']).map(asObject);
    variables[name] = {
      type: String(variable['type']).replace(/^\$\{(.*)\}$/, '$1'),
      description: literalOnly(variable['description'], dialect),
      condition: String(validation?.['condition']),
      errorMessage: decodeLiteral(String(validation?.['error_message'])),
    };
  }
  const locals: { [name: string]: ReadValue } = {};
  for (const localsBlock of dialect === 'hcl' ? list(json['locals']) : [json['locals'] ?? {}]) {
    for (const [name, value] of entries(localsBlock)) if (name !== '//') locals[name] = await readValue(value, true, dialect, decodeExpression);
  }
  const outputs: { [name: string]: ReadOutput } = {};
  for (const [name, body] of entries(json['output'])) {
    const output = asObject(only(body, dialect));
    outputs[name] = {
      description: literalOnly(output['description'], dialect),
      value: await readValue(output['value'] ?? null, false, dialect, decodeExpression),
    };
  }
  return { blocks, variables, locals, outputs };
}

async function readValue(value: JsonValue, policy: boolean, dialect: Dialect, decodeExpression: ExpressionDecoder): Promise<ReadValue> {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { kind: 'map', entries: Object.fromEntries(Object.entries(value).map(([key, item]) => [decodeLiteral(key), decodeLiteral(String(item))])) };
  }
  if (typeof value !== 'string') throw new Error(`unexpected argument value ${JSON.stringify(value)}`);
  if (policy && dialect === 'hcl') {
    if (!isJsonencode(value)) throw new Error(`expected jsonencode(…), got ${String(value).slice(0, 80)}`);
    return { kind: 'policy', document: await decodeJsonencodeDocument(value, decodeExpression) };
  }
  if (policy) return { kind: 'policy', document: decodePolicyTemplate(value, decodeExpression) };
  const sole = soleExpression(value);
  if (sole !== undefined && !isEnvironmentExpression(sole, decodeExpression)) return { kind: 'reference', address: sole };
  return { kind: 'text', value: decodeTemplate(value, decodeExpression) };
}

function isEnvironmentExpression(expression: string, decodeExpression: ExpressionDecoder): boolean {
  try {
    decodeExpression(expression);
    return true;
  } catch {
    return false;
  }
}

/** A literal-only field: read as written in `.tf.json`, as a template in hcl2json's rendering of a `.tf`. */
function literalOnly(value: JsonValue | undefined, dialect: Dialect): string | undefined {
  if (value === undefined) return undefined;
  return dialect === 'hcl' ? decodeLiteral(String(value)) : String(value);
}

/** The body of a block: hcl2json wraps each in a one-element list. */
function only(body: JsonValue, dialect: Dialect): JsonValue {
  if (dialect === 'tf-json') return body;
  const bodies = list(body);
  if (bodies.length !== 1) throw new Error(`expected one block body, got ${bodies.length}`);
  return bodies[0] as JsonValue;
}

function entries(value: JsonValue | undefined): [string, JsonValue][] {
  return value === undefined ? [] : Object.entries(asObject(value));
}

function asObject(value: JsonValue): { [key: string]: JsonValue } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value;
}

function list(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
  return value;
}
