import { describe, expect, it } from 'vitest';
import { SERVICE_CATALOG } from '@deputy/policy-model';
import { deputy } from './support/run-cli.js';

describe('deputy services', () => {
  it('lists every catalog entry in a readable table', async () => {
    const result = await deputy(['services']);
    expect(result.code).toBe(0);
    for (const entry of SERVICE_CATALOG) expect(result.stdout).toMatch(new RegExp(`^${entry.key} `, 'm'));
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(160);
  });

  it('prints the catalog as JSON', async () => {
    const result = await deputy(['services', '--json']);
    const parsed = JSON.parse(result.stdout) as { count: number; services: { key: string; principal: string }[] };
    expect(parsed.count).toBe(SERVICE_CATALOG.length);
    expect(parsed.services.map((service) => service.key)).toEqual(SERVICE_CATALOG.map((entry) => entry.key));
  });

  it('shows one service in full, with its integrations and AWS sources, by key or principal', async () => {
    for (const name of ['cloudtrail', 'cloudtrail.amazonaws.com']) {
      const result = await deputy(['services', name]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('AWS CloudTrail (cloudtrail)');
      expect(result.stdout).toContain('S3 bucket policy:');
      expect(result.stdout).toContain('role trust:');
      expect(result.stdout).toMatch(/source: https:\/\/docs\.aws\.amazon\.com\/\S+ \(checked \d{4}-\d{2}-\d{2}\)/);
    }
  });

  it('filters by text in keys, names and principals', async () => {
    const result = await deputy(['services', 'sagemaker']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sagemaker.amazonaws.com');
  });

  it('answers a filter that matches nothing with exit 2 and a suggestion', async () => {
    const result = await deputy(['services', 'personalise']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: filter: no service matches "personalise" \(did you mean "personalize"\?\)\n$/);
  });

  it('has well over 100 services', () => {
    expect(SERVICE_CATALOG.length).toBeGreaterThan(150);
  });
});
