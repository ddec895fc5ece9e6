/** `deputy services` data: the plain-data description, the text table and did-you-mean suggestions. */
import { describe, expect, test } from 'vitest';
import { SERVICE_CATALOG, describeCatalog, filterServices, formatCatalogTable, formatServiceDetail, formatTextTable, principalFor, requiredKeys, serviceByKey, trustIntegration } from '../src/catalog/service-catalog.js';
import { suggestServices } from '../src/catalog/suggest-services.js';
import { PARTITIONS } from '../src/catalog/service-catalog-entry.js';

describe('describeCatalog', () => {
  const description = describeCatalog();

  test('is plain JSON data that survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });

  test('has one description per entry, with defaults filled in and principals per partition', () => {
    expect(description.count).toBe(SERVICE_CATALOG.length);
    expect(description.services.map((service) => service.key)).toEqual(SERVICE_CATALOG.map((entry) => entry.key));
    for (const [index, service] of description.services.entries()) {
      const entry = SERVICE_CATALOG[index]!;
      for (const partition of PARTITIONS) expect(service.principalByPartition[partition]).toBe(principalFor(entry, partition));
      expect(service.trustKeys).toEqual(requiredKeys(trustIntegration(entry)));
      expect(service.integrations.map((integration) => integration.kind)).toEqual(entry.integrations.map((integration) => integration.kind));
      for (const [at, integration] of service.integrations.entries()) {
        const source = entry.integrations[at]!;
        expect(integration.keys).toEqual(requiredKeys(source));
        expect(integration.sourceArn).toEqual(source.sourceArn ?? null);
        expect(integration.organizationKeys).toBe(source.organizationKeys ?? 'unknown');
        expect(integration.evidence).toEqual(source.evidence);
      }
      expect(Object.values(service).some((value) => value === undefined)).toBe(false);
    }
  });

  test('describes a subset when given one', () => {
    expect(describeCatalog(SERVICE_CATALOG.slice(0, 2)).count).toBe(2);
  });
});

describe('formatCatalogTable', () => {
  const text = formatCatalogTable();
  const lines = text.split('\n');

  test('prints a header, a rule, one row per service, and a count', () => {
    expect(lines[0]).toMatch(/^KEY\s+PRINCIPAL\s+ROLE TRUST\s+RESOURCE POLICIES$/);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    for (const [index, entry] of SERVICE_CATALOG.entries()) expect(lines[index + 2]!.startsWith(`${entry.key} `)).toBe(true);
    expect(text).toContain(`${SERVICE_CATALOG.length} services.`);
  });

  test('stays readable: no line is wider than 160 columns', () => {
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(160);
  });

  test('shows what a role trust requires, and services without keys', () => {
    expect(text).toMatch(/^personalize +personalize\.amazonaws\.com +SourceAccount\+SourceArn +-$/m);
    expect(text).toMatch(/^pods-eks +pods\.eks\.amazonaws\.com +none (documented|applies) /m);
  });

  test('filters by key, name or principal, and shows one service with its evidence', () => {
    const filtered = filterServices(describeCatalog(), 'PERSONALIZE');
    expect(filtered.services.map((service) => service.key)).toEqual(['personalize']);
    const detail = formatServiceDetail(filtered.services[0]!);
    expect(detail).toContain('principal: personalize.amazonaws.com');
    expect(detail).toContain('requires: aws:SourceAccount + aws:SourceArn');
    expect(detail).toContain(`source: ${serviceByKey('personalize')!.integrations[0]!.evidence[0]!.url}`);
  });

  test('never leaves trailing spaces', () => {
    for (const line of lines) expect(line).toBe(line.trimEnd());
  });
});

describe('formatTextTable', () => {
  test('pads every column but the last to its widest cell', () => {
    expect(formatTextTable(['A', 'BB'], [['xyz', '1'], ['q', '']])).toBe('A    BB\n---  --\nxyz  1\nq\n');
  });
});

describe('suggestServices', () => {
  const cases: [string, string][] = [
    ['sagemakr', 'sagemaker'],
    ['personalise', 'personalize'],
    ['cloudtrial', 'cloudtrail'],
    ['sagemaker.amazonaws.co', 'sagemaker.amazonaws.com'],
    ['ec2.amazonaws.com.cm', 'ec2.amazonaws.com.cn'],
    ['opensearch', 'es'],
    ['stepfunctions', 'states'],
    ['pod', 'pods-eks'],
    ['Forcast', 'forecast'],
  ];
  test.each(cases)('%s suggests %s first', (input, expected) => {
    expect(suggestServices(input)[0]).toBe(expected);
  });

  test('suggests nothing for input far from every service', () => {
    expect(suggestServices('xyzzy')).toEqual([]);
    expect(suggestServices('')).toEqual([]);
  });

  test('returns at most the limit, best first', () => {
    expect(suggestServices('cloud').length).toBeLessThanOrEqual(3);
    expect(suggestServices('cloud', 1)).toHaveLength(1);
  });
});
