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
  type Entry = Record<string, unknown>;
  type IntegrationRecord = Record<string, unknown>;
  const trust = (entry: Entry): IntegrationRecord => (entry.integrations as IntegrationRecord[])[0]!;
  const cases: [string, (entry: Entry) => void][] = [
    ['a wildcard principal', (entry) => (entry.principal = 'kendra.*.amazonaws.com')],
    ['a principal outside amazonaws.com', (entry) => (entry.principal = 'personalize.example.com')],
    ['a China principal built from a wildcard', (entry) => (entry.partitionPrincipals = { 'aws-cn': '*.amazonaws.com.cn' })],
    ['an unknown partition', (entry) => (entry.partitionPrincipals = { 'aws-iso': 'personalize.c2s.ic.gov' })],
    ['no integrations', (entry) => (entry.integrations = [])],
    ['an unknown integration kind', (entry) => (trust(entry).kind = 'iam-user')],
    ['an unknown key', (entry) => (trust(entry).keys = ['aws:SourceOwner'])],
    ['a repeated key', (entry) => (trust(entry).keys = ['aws:SourceAccount', 'aws:SourceAccount'])],
    ['aws:SourceArn without a pattern', (entry) => delete trust(entry).sourceArn],
    ['a pattern without aws:SourceArn', (entry) => (trust(entry).keys = ['aws:SourceAccount'])],
    ['a literal partition in a pattern', (entry) => (trust(entry).sourceArn = { pattern: 'arn:aws:personalize:{region}:{account}:*', operator: 'StringLike' })],
    ['a literal account in a pattern', (entry) => (trust(entry).sourceArn = { pattern: 'arn:{partition}:personalize:{region}:123456789012:*', operator: 'StringLike' })],
    ['an invalid operator (DMS docs: ArnEqual)', (entry) => (trust(entry).sourceArn = { pattern: 'arn:{partition}:personalize:{region}:{account}:*', operator: 'ArnEqual' })],
    ['documented without keys', (entry) => (delete trust(entry).keys, delete trust(entry).sourceArn)],
    ['undocumented without a reason', (entry) => ((trust(entry).status = 'undocumented'), delete trust(entry).keys, delete trust(entry).sourceArn)],
    ['undocumented with keys', (entry) => ((trust(entry).status = 'undocumented'), (trust(entry).reason = 'AWS shows no condition here'))],
    ['a reason although keys are documented', (entry) => (trust(entry).reason = 'there are keys, so this must not be here')],
    ['trust actions without sts:AssumeRole', (entry) => (trust(entry).trustActions = ['sts:TagSession'])],
    ['a non-STS trust action', (entry) => (trust(entry).trustActions = ['sts:AssumeRole', 's3:GetObject'])],
    ['trust actions on a resource integration', (entry) => (trust(entry).kind = 's3-bucket')],
    ['a role trust without trust actions', (entry) => delete trust(entry).trustActions],
    ['an other-resource without its resource', (entry) => ((trust(entry).kind = 'other-resource'), delete trust(entry).trustActions)],
    ['no evidence', (entry) => (trust(entry).evidence = [])],
    ['evidence without a quote', (entry) => (trust(entry).evidence = [{ url: 'https://docs.aws.amazon.com/x.html', checked: '2026-12-03' }])],
    ['evidence with a quote too long to be a quote', (entry) => (trust(entry).evidence = [{ url: 'https://docs.aws.amazon.com/x.html', quote: 'x'.repeat(301), checked: '2026-12-03' }])],
    ['evidence without a date', (entry) => (trust(entry).evidence = [{ url: 'https://docs.aws.amazon.com/x.html', quote: 'a quote long enough' }])],
    ['evidence with a malformed date', (entry) => (trust(entry).evidence = [{ url: 'https://docs.aws.amazon.com/x.html', quote: 'a quote long enough', checked: '03/12/2026' }])],
    ['evidence off docs.aws.amazon.com', (entry) => (trust(entry).evidence = [{ url: 'https://example.com/x.html', quote: 'a quote long enough', checked: '2026-12-03' }])],
    ['documentation outside docs.aws.amazon.com', (entry) => (entry.documentation = 'http://docs.aws.amazon.com/personalize/')],
    ['missing documentation', (entry) => delete entry.documentation],
    ['an unknown field', (entry) => (entry.sourceAccount = '123456789012')],
    ['an unknown integration field', (entry) => (trust(entry).ignoresOrganizationKeys = true)],
    ['an unknown organisation-key state', (entry) => (trust(entry).organizationKeys = 'ignored')],
    ['a regional principal without {region}', (entry) => (entry.regionalPrincipal = { pattern: 'personalize.us-east-1.amazonaws.com', required: true })],
  ];
  test.each(cases)('%s', (_, change) => {
    expect(errorsOf(withEntry(change)).length).toBeGreaterThan(0);
  });
});
