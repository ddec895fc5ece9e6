/**
 * Lets real Terraform evaluate every template a `.tf.json` holds, offline. `current` environment fields
 * become parameters (data sources need the AWS provider; a variable does not), and each emitted file
 * becomes a local module whose `variable` blocks are copied verbatim — so Terraform also checks their
 * validation rules against the sample values — and whose every argument value becomes a local, copied
 * verbatim, collected in one output. The root module passes sample values and exposes each module's output.
 */
import {
  ENVIRONMENT_FIELDS,
  mapPolicyStrings,
  resolvePolicyString,
  type DeputyModel,
  type Environment,
  type EnvironmentField,
  type PolicyDocument,
  type PolicyString,
} from '@deputy/policy-model';
import { emitTerraformJson } from '../../src/index.js';
import { variableName } from '@deputy/terraform-plan';
import type { JsonValue } from './hcl-reading.js';
import { variableFields } from './model-fields.js';
import { decodePolicyTemplate } from './policy-json-decoding.js';
import { decodeLiteral, decodeTemplate, expressionDecoder, soleExpression } from './template-decoding.js';

/** The values the root module gives each environment field (distinct, so a swap shows). */
export const SAMPLE_VALUES: { readonly [field in EnvironmentField]: string } = { account: '123456789012', region: 'eu-west-3', partition: 'aws-us-gov' };

/** The model with every `current` field turned into a parameter, so it can be evaluated without the AWS provider. */
export function withParameters(model: DeputyModel): DeputyModel {
  const environment = Object.fromEntries(
    ENVIRONMENT_FIELDS.map((field) => {
      const value = model.environment[field];
      return [field, value.kind === 'current' ? { kind: 'parameter', name: `deputy_current_${field}`, description: `The current ${field}` } : value];
    }),
  ) as unknown as Environment;
  return { ...model, environment };
}

/** One argument value to evaluate, and what Terraform must make of it. */
export interface Evaluated {
  /** Where it came from, e.g. `aws_iam_role.x.assume_role_policy`. */
  readonly where: string;
  /**
   * The value as Terraform must evaluate it: policy JSON parsed and exact; other strings as Terraform
   * stores them — in NFC, and compared without U+034F, which Terraform inserts after 30 non-starters.
   */
  readonly expected: unknown;
  /** Turns Terraform's value into the comparable form. */
  readonly read: (value: unknown) => unknown;
}

/** A module built from one model: its files and the expected values of its output, in order. */
export interface EvaluationModule {
  readonly mainTfJson: string;
  readonly variableValues: { readonly [name: string]: string };
  readonly evaluated: readonly Evaluated[];
}

const POLICY_ARGUMENTS = new Set(['assume_role_policy', 'policy']);

/** Builds the module for a model (after {@link withParameters}). */
export function evaluationModule(model: DeputyModel): EvaluationModule {
  const [file] = emitTerraformJson(model);
  const json = JSON.parse(file?.contents ?? 'null') as { [key: string]: { [key: string]: JsonValue } };
  const decode = expressionDecoder(variableFields(model));
  const resolve = (value: PolicyString): string => resolvePolicyString(value, (field) => SAMPLE_VALUES[field]) as string;
  const values: JsonValue[] = [];
  const evaluated: Evaluated[] = [];
  const collect = (where: string, value: JsonValue, policy: boolean): void => {
    if (typeof value === 'number' || (typeof value === 'string' && soleExpression(value)?.match(/^(aws_|local\.)/))) return;
    values.push(value);
    if (typeof value === 'string' && policy) {
      const document = mapPolicyStrings<PolicyString, string>(decodePolicyTemplate(value, decode) as PolicyDocument, resolve);
      evaluated.push({ where, expected: document, read: (text) => JSON.parse(String(text)) as unknown });
    } else if (typeof value === 'string') {
      evaluated.push({ where, expected: asStored(resolve(decodeTemplate(value, decode))), read: (text) => withoutJoiners(String(text)) });
    } else {
      const entries = Object.entries(value as { [key: string]: JsonValue }).map(([key, item]) => [asStored(decodeLiteral(key)), asStored(decodeLiteral(String(item)))]);
      const read = (map: unknown) => Object.fromEntries(Object.entries(map as { [key: string]: string }).map(([key, item]) => [withoutJoiners(key), withoutJoiners(item)]));
      evaluated.push({ where, expected: Object.fromEntries(entries), read });
    }
  };
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byLabel] of Object.entries(json[kind] ?? {})) {
      for (const [label, body] of Object.entries(byLabel as { [label: string]: { [argument: string]: JsonValue } })) {
        for (const [argument, value] of Object.entries(body)) {
          if (argument !== '//') collect(`${type}.${label}.${argument}`, value, POLICY_ARGUMENTS.has(argument));
        }
      }
    }
  }
  for (const [name, value] of Object.entries(json['locals'] ?? {})) if (name !== '//') collect(`local.${name}`, value, true);
  const locals = Object.fromEntries(values.map((value, index) => [`v${index}`, value]));
  const module = {
    ...(json['variable'] ? { variable: json['variable'] } : {}),
    ...(values.length > 0 ? { locals } : {}),
    output: { all: { value: `\${[${values.map((_, index) => `local.v${index}`).join(', ')}]}` } },
  };
  const variableValues = Object.fromEntries(
    ENVIRONMENT_FIELDS.flatMap((field) => {
      const setting = model.environment[field];
      return setting.kind === 'parameter' && json['variable']?.[variableName(setting.name)] !== undefined ? [[variableName(setting.name), SAMPLE_VALUES[field]]] : [];
    }),
  );
  return { mainTfJson: JSON.stringify(module, null, 2), variableValues, evaluated };
}

/** Text as Terraform stores it, up to the U+034F joiners it inserts (removed on both sides). */
function asStored(text: string): string {
  return withoutJoiners(text.normalize('NFC'));
}

function withoutJoiners(text: string): string {
  return text.replace(/\u034f/g, '');
}

/** The files of a root module calling one module per model, and the module names. */
export function rootConfiguration(modules: readonly EvaluationModule[]): Map<string, string> {
  const files = new Map<string, string>();
  const root = {
    module: Object.fromEntries(modules.map((module, index) => [`m${index}`, { source: `./m${index}`, ...module.variableValues }])),
    output: Object.fromEntries(modules.map((_, index) => [`m${index}`, { value: `\${module.m${index}.all}` }])),
  };
  files.set('main.tf.json', JSON.stringify(root, null, 2));
  modules.forEach((module, index) => files.set(`m${index}/main.tf.json`, module.mainTfJson));
  return files;
}
