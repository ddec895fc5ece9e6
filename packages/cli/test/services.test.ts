import { describe, expect, it } from 'vitest';
import { SERVICE_CATALOG } from '@deputy/policy-model';
import { deputy } from './support/run-cli.js';

describe('deputy services', () => {
  it('lists every catalog entry with its documentation source', async () => {
    const result = await deputy(['services']);
    expect(result.code).toBe(0);
    for (const entry of SERVICE_CATALOG) {
      expect(result.stdout).toContain(entry.key);
      expect(result.stdout).toContain(entry.documentation);
    }
  });

  it('prints the catalog as JSON', async () => {
    const result = await deputy(['services', '--json']);
    const parsed = JSON.parse(result.stdout) as { count: number; services: { key: string; principal: string }[] };
    expect(parsed.count).toBe(SERVICE_CATALOG.length);
    expect(parsed.services.map((service) => service.key)).toEqual(SERVICE_CATALOG.map((entry) => entry.key));
  });

  it('has at least 45 services', () => {
    expect(SERVICE_CATALOG.length).toBeGreaterThanOrEqual(45);
  });
});
