/**
 * Builds the policy JSON that `data "aws_iam_policy_document"` produces from its blocks, following the
 * provider's code (terraform-provider-aws internal/service/iam/policy_document_data_source.go and
 * policy_model.go): `version` defaults to 2012-10-17; an empty `sid` or `policy_id` is omitted; `effect`
 * defaults to Allow; actions, resources and principal identifiers are string sets — deduplicated, a single
 * value as a string, several sorted in reverse byte order; `&{` becomes `${` in resources, identifiers and
 * condition values; a lone `principals { type = "*" identifiers = ["*"] }` becomes `"*"`; condition blocks
 * merge into `{ test: { variable: values } }` with one value as a string; a repeated non-empty
 * `sid` is an error; no statement at all leaves `Statement` out.
 *
 * Values are sorted by the text they take at apply time; references are resolved with
 * {@link SAMPLE_ENVIRONMENT} for that purpose only.
 */
import {
  interpolate,
  resolvePolicyString,
  type ConditionBlock,
  type EnvironmentField,
  type PolicyDocument,
  type PolicyString,
  type Principal,
  type PrincipalType,
  type Statement,
} from '@deputy/policy-model';
import { bodies, type HclJsonObject, type HclJsonValue } from './hcl-json.js';
import { decodeLiteral, decodeTemplate, type TraversalDecoder } from './template-decoding.js';

/** Stand-in values for references when the order of a string set must be decided. */
export const SAMPLE_ENVIRONMENT: { readonly [field in EnvironmentField]: string } = {
  account: '123456789012',
  region: 'us-east-1',
  partition: 'aws',
};

/** The policy a data source block (hcl2json's body of `data.aws_iam_policy_document.<label>`) produces. */
export function simulatePolicyDocument(body: HclJsonObject, decodeTraversal: TraversalDecoder): PolicyDocument {
  const decode = (value: HclJsonValue): PolicyString => decodeTemplate(scalarText(value), decodeTraversal);
  const version = body['version'] === undefined ? '2012-10-17' : decodeLiteral(scalarText(body['version']));
  const id = body['policy_id'] === undefined ? '' : decodeLiteral(scalarText(body['policy_id']));
  const statements = bodies(body['statement']).map((statement) => simulateStatement(statement, decode));
  const sids = statements.map((statement) => statement.Sid).filter((sid) => sid !== undefined);
  const duplicate = sids.find((sid, index) => sids.indexOf(sid) !== index);
  if (duplicate !== undefined) throw new Error(`writing IAM Policy Document: duplicate Sid (${duplicate})`);
  return {
    Version: version as PolicyDocument['Version'],
    ...(id !== '' ? { Id: id } : {}),
    ...(statements.length > 0 ? { Statement: statements } : {}),
  } as PolicyDocument;
}

function simulateStatement(body: HclJsonObject, decode: (value: HclJsonValue) => PolicyString): Statement {
  const sid = body['sid'] === undefined ? '' : decodeLiteral(scalarText(body['sid']));
  const effect = body['effect'] === undefined ? 'Allow' : decodeLiteral(scalarText(body['effect']));
  const statement: { -readonly [key in keyof Statement]: Statement[key] } = {
    ...(sid !== '' ? { Sid: sid } : {}),
    Effect: effect as Statement['Effect'],
  };
  const actions = stringSet(body['actions'], decode, false);
  if (actions !== undefined) statement.Action = actions;
  const notActions = stringSet(body['not_actions'], decode, false);
  if (notActions !== undefined) statement.NotAction = notActions;
  const resources = stringSet(body['resources'], decode, true);
  if (resources !== undefined) statement.Resource = resources;
  const notResources = stringSet(body['not_resources'], decode, true);
  if (notResources !== undefined) statement.NotResource = notResources;
  const principal = principalSet(bodies(body['principals']), decode);
  if (principal !== undefined) statement.Principal = principal;
  const notPrincipal = principalSet(bodies(body['not_principals']), decode);
  if (notPrincipal !== undefined) statement.NotPrincipal = notPrincipal;
  const condition = conditionSet(bodies(body['condition']), decode);
  if (condition !== undefined) statement.Condition = condition;
  return statement;
}

/** policyDecodeConfigStringList + dataSourcePolicyDocumentReplaceVarsInList. */
function stringSet(
  value: HclJsonValue | undefined,
  decode: (value: HclJsonValue) => PolicyString,
  replaceVariables: boolean,
): PolicyString | PolicyString[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new Error('expected a list of strings');
  const unique = new Map<string, PolicyString>();
  for (const item of value.map(decode)) unique.set(applyTimeText(item), item);
  if (unique.size === 0) return undefined;
  const sorted = [...unique.entries()].sort(([left], [right]) => compareBytes(right, left)).map(([, item]) => item);
  const replaced = replaceVariables ? sorted.map(replaceAmpersandBraces) : sorted;
  return replaced.length === 1 ? (replaced[0] as PolicyString) : replaced;
}

/** iamPolicyStatementPrincipalSet.MarshalJSON. */
function principalSet(blocks: readonly HclJsonObject[], decode: (value: HclJsonValue) => PolicyString): Principal | undefined {
  if (blocks.length === 0) return undefined;
  const entries = blocks.map((block) => ({
    type: decodeLiteral(scalarText(block['type'] ?? null)),
    identifiers: stringSet(block['identifiers'], decode, true) ?? [],
  }));
  const [first] = entries;
  if (entries.length === 1 && first !== undefined && first.type === '*' && isOnlyStar(first.identifiers)) return '*';
  const principal: { [type: string]: PolicyString | PolicyString[] } = {};
  for (const { type, identifiers } of entries) {
    const existing = principal[type];
    if (existing === undefined) principal[type] = identifiers;
    else principal[type] = [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(identifiers) ? identifiers : [identifiers])];
  }
  return sortKeys(principal) as { [type in PrincipalType]?: PolicyString | PolicyString[] };
}

function isOnlyStar(identifiers: PolicyString | PolicyString[]): boolean {
  return identifiers === '*' || (Array.isArray(identifiers) && identifiers.length === 1 && identifiers[0] === '*');
}

/** dataSourcePolicyDocumentMakeConditions + iamPolicyStatementConditionSet.MarshalJSON. */
function conditionSet(blocks: readonly HclJsonObject[], decode: (value: HclJsonValue) => PolicyString): ConditionBlock | undefined {
  if (blocks.length === 0) return undefined;
  const merged: { [test: string]: { [variable: string]: PolicyString[] } } = {};
  for (const block of blocks) {
    const test = decodeLiteral(scalarText(block['test'] ?? null));
    const variable = decodeLiteral(scalarText(block['variable'] ?? null));
    const values = block['values'];
    if (!Array.isArray(values)) throw new Error('condition values must be a list');
    const keys = (merged[test] ??= {});
    keys[variable] = [...(keys[variable] ?? []), ...values.map(decode).map(replaceAmpersandBraces)];
  }
  const condition: { [test: string]: { [variable: string]: PolicyString | PolicyString[] } } = {};
  for (const [test, keys] of Object.entries(sortKeys(merged))) {
    condition[test] = Object.fromEntries(
      Object.entries(sortKeys(keys)).map(([variable, values]) => [variable, values.length === 1 ? (values[0] as PolicyString) : values]),
    );
  }
  return condition;
}

/** A list(string) element: Terraform converts booleans and numbers to their text. */
function scalarText(value: HclJsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  throw new Error(`expected a string, got ${JSON.stringify(value)}`);
}

/** The text a policy string takes at apply time, with {@link SAMPLE_ENVIRONMENT}. */
export function applyTimeText(value: PolicyString): string {
  return resolvePolicyString(value, (field) => SAMPLE_ENVIRONMENT[field]) as string;
}

/** `&{` → `${` on the literal text (references never hold `&` or `{`). */
function replaceAmpersandBraces(value: PolicyString): PolicyString {
  if (typeof value === 'string') return value.replaceAll('&{', '${');
  return interpolate(value.parts.map((part) => (typeof part === 'string' ? part.replaceAll('&{', '${') : part)));
}

/** Go's string order: by UTF-8 bytes. */
export function compareBytes(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

/** An object with its keys in Go's encoding/json map order. */
function sortKeys<T>(record: { readonly [key: string]: T }): { [key: string]: T } {
  return Object.fromEntries(Object.entries(record).sort(([left], [right]) => compareBytes(left, right)));
}
