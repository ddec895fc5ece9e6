/**
 * The catalog data file against its JSON Schema (draft 2020-12, validated with ajv), and the schema against
 * hand-made bad entries so that it is known to reject what it claims to reject.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { SERVICE_CATALOG } from '../src/catalog/service-catalog.js';

const catalogDirectory = fileURLToPath(new URL('../src/catalog/', import.meta.url));
const schema = JSON.parse(readFileSync(`${catalogDirectory}service-catalog.schema.json`, 'utf8')) as object;
const data = JSON.parse(readFileSync(`${catalogDirectory}service-catalog.json`, 'utf8')) as { services: Record<string, unknown>[] };
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

function errorsOf(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

function withEntry(change: (entry: Record<string, unknown>) => void): unknown {
  const entry = structuredClone(data.services.find((service) => service.key === 'personalize')!);
  change(entry);
  return { services: [entry] };
}

describe('service-catalog.json', () => {
  test('is valid against service-catalog.schema.json', () => {
    expect(errorsOf(data)).toEqual([]);
  });

  test('is exactly what SERVICE_CATALOG exposes', () => {
    expect(SERVICE_CATALOG).toEqual(data.services);
  });
});

describe('the schema rejects', () => {
  const cases: [string, (entry: Record<string, unknown>) => void][] = [
    ['a wildcard principal', (entry) => (entry.principal = 'kendra.*.amazonaws.com')],
    ['a principal outside amazonaws.com', (entry) => (entry.principal = 'personalize.example.com')],
    ['a China principal built from a wildcard', (entry) => (entry.partitionPrincipals = { 'aws-cn': '*.amazonaws.com.cn' })],
    ['an unknown partition', (entry) => (entry.partitionPrincipals = { 'aws-iso': 'personalize.c2s.ic.gov' })],
    ['an unknown key', (entry) => (entry.keys = ['aws:SourceOwner'])],
    ['a repeated key', (entry) => (entry.keys = ['aws:SourceAccount', 'aws:SourceAccount'])],
    ['aws:SourceArn without a pattern', (entry) => delete entry.sourceArn],
    ['a pattern without aws:SourceArn', (entry) => (entry.keys = ['aws:SourceAccount'])],
    ['a literal partition in a pattern', (entry) => (entry.sourceArn = { pattern: 'arn:aws:personalize:{region}:{account}:*', operator: 'StringLike' })],
    ['a literal account in a pattern', (entry) => (entry.sourceArn = { pattern: 'arn:{partition}:personalize:{region}:123456789012:*', operator: 'StringLike' })],
    ['an invalid operator (DMS docs: ArnEqual)', (entry) => (entry.sourceArn = { pattern: 'arn:{partition}:personalize:{region}:{account}:*', operator: 'ArnEqual' })],
    ['no keys without a reason', (entry) => ((entry.keys = []), delete entry.sourceArn)],
    ['a reason although keys exist', (entry) => (entry.noKeysReason = 'there are keys, so this must not be here')],
    ['trust actions without sts:AssumeRole', (entry) => (entry.trustActions = ['sts:TagSession'])],
    ['a non-STS trust action', (entry) => (entry.trustActions = ['sts:AssumeRole', 's3:GetObject'])],
    ['documentation outside docs.aws.amazon.com', (entry) => (entry.documentation = 'http://docs.aws.amazon.com/personalize/')],
    ['missing documentation', (entry) => delete entry.documentation],
    ['an unknown usage', (entry) => (entry.usage = ['identity'])],
    ['resource-policy keys on a trust-only principal', (entry) => (entry.resourcePolicyKeys = ['aws:SourceArn'])],
    ['an unknown field', (entry) => (entry.sourceAccount = '123456789012')],
    ['a regional principal without {region}', (entry) => (entry.regionalPrincipal = { pattern: 'personalize.us-east-1.amazonaws.com', required: true })],
  ];
  test.each(cases)('%s', (_, change) => {
    expect(errorsOf(withEntry(change)).length).toBeGreaterThan(0);
  });
});
