/**
 * fast-check arbitraries for property tests: hostile strings (every character and sequence some target
 * treats specially), valid literal policies, and models whose strings refer to the environment.
 */
import fc from 'fast-check';
import type { DeputyModel, ResourcePolicyModel, RoleModel } from '../model/model.js';
import type { Environment, EnvironmentValue, PolicyString } from '../model/value.js';
import { interpolate, reference } from '../model/value.js';
import { BASE_CONDITION_OPERATORS } from '../policy/condition-operators.js';
import { hasLoneSurrogate } from '../load/well-formed-text.js';
import type { ConditionBlock, ConditionValue, OneOrMany, PolicyDocument, Principal, Statement } from '../policy/policy-document.js';

/** Sequences that HCL, YAML, CloudFormation `!Sub`, JSON or Handlebars treat specially. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '"', "'", '\\', '\\\\', '\n', '\r\n', '\t', '\u0000', '\u001b', '\u2028', '\u0085', '\ufeff',
  '${', '}', '${aws:username}', '$${', '%{', '%%{', '${!', '${!Literal}', '${AWS::Region}', '{{', '}}', '{{account}}', '&quot;',
  'yes', 'no', 'on', 'off', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '0123', '012345678901', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan',
  '2012-10-17', '12:30:45', '- ', ': ', ' #', '#', '? ', '!', '&anchor', '*alias', '@', '`', '%', '|', '>', '[', ']', '{', ',',
  ' ', '  ', 'é', 'ü', '日本', '🔐', 'Ω', 'ß', '\u200b', '<', '>', '&', '=', '*', '?', 'arn:aws:s3:::b/*',
];

/** A string built from hostile fragments and arbitrary unicode, sometimes very long. */
export function hostileString(options: { minLength?: number } = {}): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  );
  const text = fc.oneof(
    { weight: 20, arbitrary: fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join('')) },
    { weight: 1, arbitrary: fc.tuple(piece, fc.integer({ min: 200, max: 3000 })).map(([p, n]) => (p === '' ? 'x' : p).repeat(Math.ceil(n / Math.max(1, p.length)))) },
  );
  return text.filter((value) => value.length >= (options.minLength ?? 1) && isWellFormed(value));
}

/** A non-empty string without leading or trailing white space (condition keys). */
export function hostileKey(): fc.Arbitrary<string> {
  return hostileString()
    .map((value) => truncate(value, 512))
    .filter((value) => value.trim() === value && value !== '' && isWellFormed(value));
}

/** A valid AWS principal: `*`, an account ID (leading zeros included) or an IAM ARN with a hostile name. */
export function awsPrincipalArbitrary(): fc.Arbitrary<string> {
  const account = fc.stringMatching(/^\d{12}$/);
  return fc.oneof(
    fc.constant('*'),
    account,
    fc.tuple(account, hostileString()).map(([id, name]) => `arn:aws:iam::${id}:role/${name}`),
  );
}

const ACTIONS = ['sts:AssumeRole', 's3:GetObject', 's3:*', 'sns:Publish', 'kms:Decrypt', '*', 'iam:Get*', 'ec2:Describe?nstances', 'sts:TagSession'];
const SERVICES = ['personalize.amazonaws.com', 'logs.us-east-1.amazonaws.com', 'ec2.amazonaws.com.cn', 'sns.amazonaws.com'];

/** A valid action (the grammar allows no arbitrary text here). */
export const actionArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ACTIONS),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), fc.stringMatching(/^[A-Za-z*?][A-Za-z0-9*?]{0,15}$/)).map(([service, action]) => `${service}:${action}`),
);

function oneOrMany<T>(item: fc.Arbitrary<T>): fc.Arbitrary<OneOrMany<T>> {
  return fc.oneof(item, fc.array(item, { minLength: 1, maxLength: 3 }));
}

/** Condition values: strings, booleans and numbers that every target can carry exactly. */
function conditionValue<S>(text: fc.Arbitrary<S>): fc.Arbitrary<ConditionValue<S>> {
  return fc.oneof({ weight: 6, arbitrary: text }, fc.boolean(), fc.integer({ min: -1_000_000, max: 1_000_000_000 }), fc.constantFrom(0.5, 1.25, 3600));
}

function principal<S>(text: fc.Arbitrary<S>, service: fc.Arbitrary<S>, aws: fc.Arbitrary<S>): fc.Arbitrary<Principal<S>> {
  return fc.oneof(
    fc.constant('*' as const),
    fc.record(
      { AWS: oneOrMany(aws), Service: oneOrMany(service), Federated: oneOrMany(text), CanonicalUser: oneOrMany(text) },
      { requiredKeys: [] },
    ).filter((value) => Object.keys(value).length > 0),
  );
}

function condition<S>(text: fc.Arbitrary<S>): fc.Arbitrary<ConditionBlock<S>> {
  const operator = fc.tuple(fc.constantFrom(...BASE_CONDITION_OPERATORS), fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'), fc.boolean()).map(
    ([base, prefix, ifExists]) => `${prefix}${base}${ifExists && base !== 'Null' ? 'IfExists' : ''}`,
  );
  const keys = fc.dictionary(hostileKey(), fc.oneof(conditionValue(text), fc.array(conditionValue(text), { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 3 });
  return fc.dictionary(operator, keys, { minKeys: 1, maxKeys: 3 });
}

/** A grammar-valid statement whose string leaves come from `text`. */
export function statementArbitrary<S>(text: fc.Arbitrary<S>, service: fc.Arbitrary<S>, action: fc.Arbitrary<S>, aws: fc.Arbitrary<S> = text): fc.Arbitrary<Statement<S>> {
  return fc
    .record(
      {
        Sid: hostileString().map((value) => value as string),
        Effect: fc.constantFrom('Allow' as const, 'Deny' as const),
        principal: fc.option(fc.tuple(fc.boolean(), principal(text, service, aws)), { nil: undefined }),
        action: fc.tuple(fc.boolean(), oneOrMany(action)),
        resource: fc.option(fc.tuple(fc.boolean(), oneOrMany(text)), { nil: undefined }),
        Condition: condition(text),
      },
      { requiredKeys: ['Effect', 'action'] },
    )
    .map(({ Sid, Effect, principal: p, action: a, resource: r, Condition }) => ({
      ...(Sid !== undefined ? { Sid } : {}),
      Effect,
      ...(p ? { [p[0] ? 'Principal' : 'NotPrincipal']: p[1] } : {}),
      ...{ [a[0] ? 'Action' : 'NotAction']: a[1] },
      ...(r ? { [r[0] ? 'Resource' : 'NotResource']: r[1] } : {}),
      ...(Condition !== undefined ? { Condition } : {}),
    }) as Statement<S>);
}

/** A grammar-valid document whose string leaves come from `text`. */
export function documentArbitrary<S>(text: fc.Arbitrary<S>, service: fc.Arbitrary<S>, action: fc.Arbitrary<S>, aws: fc.Arbitrary<S> = text): fc.Arbitrary<PolicyDocument<S>> {
  const statement = statementArbitrary(text, service, action, aws);
  return fc
    .record(
      {
        Version: fc.constantFrom('2012-10-17' as const, '2008-10-17' as const),
        Id: hostileString(),
        Statement: fc.oneof({ weight: 1, arbitrary: statement }, { weight: 4, arbitrary: fc.array(statement, { minLength: 1, maxLength: 4 }) }),
      },
      { requiredKeys: ['Statement'] },
    )
    .map((document) => document as PolicyDocument<S>);
}

/** A valid literal policy with hostile strings everywhere the grammar allows free text. */
export function literalPolicyArbitrary(): fc.Arbitrary<PolicyDocument<string>> {
  return documentArbitrary(hostileString(), fc.constantFrom(...SERVICES), actionArbitrary, awsPrincipalArbitrary());
}

const ENVIRONMENT_VALUE: fc.Arbitrary<EnvironmentValue> = fc.oneof(
  fc.constant({ kind: 'current' } as const),
  fc.tuple(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/), hostileString()).map(([name, description]) => ({ kind: 'parameter' as const, name, description })),
);

/** An environment of current and parameter fields with distinct parameter names. */
export const environmentArbitrary: fc.Arbitrary<Environment> = fc
  .record({ account: ENVIRONMENT_VALUE, region: ENVIRONMENT_VALUE, partition: ENVIRONMENT_VALUE })
  .map(({ account, region, partition }) => ({
    account: account.kind === 'parameter' ? { ...account, name: `${account.name}Account` } : account,
    region: region.kind === 'parameter' ? { ...region, name: `${region.name}Region` } : region,
    partition: partition.kind === 'parameter' ? { ...partition, name: `${partition.name}Partition` } : partition,
  }));

/** A policy string: hostile literal text, or text interleaved with references. */
export function policyStringArbitrary(): fc.Arbitrary<PolicyString> {
  const part = fc.oneof(hostileString(), fc.constantFrom('account', 'region', 'partition').map((field) => reference(field as 'account')));
  return fc.oneof(
    { weight: 2, arbitrary: hostileString() },
    { weight: 1, arbitrary: fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => interpolate(parts)).filter((value) => value !== '') },
  );
}

/** A role description IAM accepts (tab, newline, U+0020–U+007E, U+00A1–U+00FF), built from hostile fragments. */
export function descriptionArbitrary(): fc.Arbitrary<string> {
  return hostileString().map((value) => truncate(value.replace(/[^\t\n\r\x20-\x7E\xA1-\xFF]/g, '?'), 1000));
}

/** Tag text IAM accepts (letters, digits, spaces and `_ . : / = + - @`), with YAML specials among it. */
export function tagTextArbitrary(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom('yes', 'no', 'on', 'off', 'null', 'true', '0123', '012345678901', '1e3', '2012-10-17', ' ', ': ', ' - ', '/', '=', '+', '-', '@', '_', '.', 'é', '日本', 'Ω'),
    fc.stringMatching(/^[\p{L}\p{N}]{0,6}$/u),
  );
  return fc
    .array(piece, { maxLength: 6 })
    .map((pieces) => truncate(pieces.join(''), maxLength))
    .filter((text) => text.length >= minLength && /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(text));
}

const NAME = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,64}$/);

/** A model with hostile strings and references, in the shape normalisation produces. */
export function modelArbitrary(): fc.Arbitrary<DeputyModel> {
  const text = policyStringArbitrary();
  const document = documentArbitrary<PolicyString>(text, fc.constantFrom(...SERVICES), actionArbitrary);
  const role: fc.Arbitrary<Omit<RoleModel, 'id' | 'name'>> = fc.record(
    {
      description: descriptionArbitrary(),
      path: fc.constantFrom('/', '/service-role/', '/team/app/'),
      maxSessionDuration: fc.integer({ min: 3600, max: 43200 }),
      permissionsBoundary: text,
      trustPolicy: document,
      inlinePolicies: fc.array(fc.record({ name: NAME, document }), { maxLength: 2 }).map((list) => uniqueByName(list).map((policy, index) => ({ ...policy, id: `p${index}_${policy.name.replace(/[^A-Za-z0-9_-]/g, '_')}` }))),
      managedPolicyArns: fc.array(text, { maxLength: 2 }),
      tags: fc.array(fc.record({ key: tagTextArbitrary(1, 128), value: tagTextArbitrary(0, 256) }), { maxLength: 2 }).map(uniqueByKey),
      notices: fc.array(hostileString(), { maxLength: 1 }),
    },
    { requiredKeys: ['trustPolicy', 'inlinePolicies', 'managedPolicyArns', 'tags', 'notices'] },
  );
  const resourcePolicy: fc.Arbitrary<Omit<ResourcePolicyModel, 'id' | 'name'>> = fc.record({
    attachment: fc.oneof(
      fc.constant({ type: 'document' as const }),
      text.map((bucket) => ({ type: 's3-bucket' as const, bucket })),
      text.map((topicArn) => ({ type: 'sns-topic' as const, topicArn })),
      text.map((queueUrl) => ({ type: 'sqs-queue' as const, queueUrl })),
    ),
    document,
    notices: fc.array(hostileString(), { maxLength: 1 }),
  });
  return fc
    .record({
      environment: environmentArbitrary,
      roles: fc.array(fc.tuple(NAME, role), { maxLength: 2 }),
      resourcePolicies: fc.array(fc.tuple(NAME, resourcePolicy), { maxLength: 2 }),
    })
    .map(({ environment, roles, resourcePolicies }) => ({
      source: 'property-test.yaml',
      baseName: 'property-test',
      environment,
      roles: uniqueByFirst(roles).map(([name, rest], index) => ({ ...rest, name, id: `r${index}_${name.replace(/[^A-Za-z0-9_-]/g, '_')}` })),
      resourcePolicies: uniqueByFirst(resourcePolicies).map(([name, rest], index) => ({ ...rest, name, id: `rp${index}_${name.replace(/[^A-Za-z0-9_-]/g, '_')}` })),
    }));
}

function uniqueByName<T extends { name: string }>(list: T[]): T[] {
  return list.filter((item, index) => list.findIndex((other) => other.name === item.name) === index);
}

function uniqueByKey<T extends { key: string }>(list: T[]): T[] {
  return list.filter((item, index) => list.findIndex((other) => other.key === item.key) === index);
}

function uniqueByFirst<T>(list: [string, T][]): [string, T][] {
  return list.filter((item, index) => list.findIndex((other) => other[0] === item[0]) === index);
}

/** At most `length` UTF-16 units, never splitting a surrogate pair. */
function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

function isWellFormed(text: string): boolean {
  return !hasLoneSurrogate(text);
}
