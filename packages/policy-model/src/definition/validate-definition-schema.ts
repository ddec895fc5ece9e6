/**
 * Checks a parsed definition against the JSON Schema and turns ajv's errors into problems with paths,
 * did-you-mean hints and one message per place. Policy documents are left to the IAM grammar check,
 * which gives more precise messages.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { suggestionHint } from '../did-you-mean.js';
import type { PathSegment } from '../load/source-document.js';
import type { PathProblem } from '../policy/validate-policy.js';

const require = createRequire(import.meta.url);
let compiledValidator: ValidateFunction | undefined;

/**
 * The schema compiled ahead of time by scripts/generate-validator.mjs (compiling it at run time costs ~400 ms),
 * required on first use: it is ~600 kB of code that commands reading no definition never need.
 */
function validator(): ValidateFunction {
  compiledValidator ??= require('./definition-validator.generated.cjs') as ValidateFunction;
  return compiledValidator;
}

const POLICY_FIELDS = new Set(['document', 'trustPolicy', 'conditions']);

/** Every schema problem of a parsed definition. */
export function validateDefinitionSchema(value: unknown): PathProblem[] {
  const validate = validator();
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).filter((error) => !insidePolicy(pathOf(error)));
  return pickMostSpecific(errors).map(toProblem);
}

function pathOf(error: ErrorObject): PathSegment[] {
  if (error.instancePath === '') return [];
  return error.instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function insidePolicy(path: readonly PathSegment[]): boolean {
  return path.some((segment, index) => typeof segment === 'string' && POLICY_FIELDS.has(segment) && index > 0);
}

/** One error per instance path; `oneOf` summaries give way to what a branch said more precisely. */
function pickMostSpecific(errors: readonly ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const chosen: ErrorObject[] = [];
  for (const [path, list] of byPath) {
    const deeperExists = [...byPath.keys()].some((other) => other !== path && other.startsWith(`${path}/`));
    const specific = list.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
    if (specific.length === 0 && deeperExists) continue;
    const structural = specific.filter((error) => error.keyword === 'additionalProperties' || error.keyword === 'required');
    const pick = structural.length > 0 ? structural : specific.length > 0 ? [specific[specific.length - 1]!] : [list[0]!];
    chosen.push(...pick);
  }
  return chosen;
}

function toProblem(error: ErrorObject): PathProblem {
  const path = pathOf(error);
  const described = (error.parentSchema as { description?: string } | undefined)?.description?.replace(/\.$/, '');
  const description = path.length === 0 ? 'a definition is a mapping with roles: and/or resourcePolicies:' : described;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      return { code: 'unknown-field', message: `unknown field "${field}"`, hint: suggestionHint(field, known, `known fields: ${known.join(', ')}`), path: [...path, field], atKey: true };
    }
    case 'propertyNames':
      return { code: 'invalid-name', message: `invalid name ${JSON.stringify(error.params.propertyName)}`, hint: description ?? 'see the definition schema', path: [...path, String(error.params.propertyName)], atKey: true };
    case 'required':
      return { code: 'missing-field', message: `missing required field "${String(error.params.missingProperty)}"`, hint: `add ${String(error.params.missingProperty)}`, path };
    case 'enum':
      return { code: 'invalid-value', message: `invalid value ${JSON.stringify(error.data)}`, hint: `use one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`, path };
    case 'const':
      return { code: 'invalid-value', message: `invalid value ${JSON.stringify(error.data)}`, hint: `use ${JSON.stringify(error.params.allowedValue)}`, path };
    case 'type':
      return { code: 'wrong-type', message: `expected ${String(error.params.type).replace(',', ' or ')}, not ${describe(error.data)}`, hint: description ?? 'see the definition schema', path };
    case 'pattern':
      return { code: 'invalid-format', message: `invalid value ${JSON.stringify(error.data)}`, hint: `${description ?? 'see the definition schema'}: must match ${String(error.params.pattern)}`, path };
    default:
      return { code: 'invalid-value', message: `invalid value: ${error.message ?? error.keyword}`, hint: description ?? 'see the definition schema', path };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
