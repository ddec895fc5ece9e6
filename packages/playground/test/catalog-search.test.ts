import { SERVICE_CATALOG } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { searchCatalog } from '../src/catalog-search.js';

describe('catalog search', () => {
  it('puts an exact key first', () => {
    expect(searchCatalog('personalize')[0]?.key).toBe('personalize');
  });

  it('finds a service by principal and by name, case-insensitively', () => {
    expect(searchCatalog('personalize.amazonaws.com').map((entry) => entry.key)).toContain('personalize');
    expect(searchCatalog('AMAZON PERSONALIZE').map((entry) => entry.key)).toContain('personalize');
  });

  it('ranks exact, then prefix, then substring matches', () => {
    const keys = searchCatalog('logs', 50).map((entry) => entry.key);
    expect(keys[0]).toBe('logs');
    const ranks = searchCatalog('logs', 50).map((entry) => {
      const terms = [entry.key, entry.name, ...(entry.aliases ?? []), entry.principal].map((term) => term.toLowerCase());
      return terms.includes('logs') ? 0 : terms.some((term) => term.startsWith('logs')) ? 1 : 2;
    });
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('lists the catalog in key order for an empty query, up to the limit', () => {
    const keys = SERVICE_CATALOG.map((entry) => entry.key).sort((a, b) => a.localeCompare(b));
    expect(searchCatalog('', 5).map((entry) => entry.key)).toEqual(keys.slice(0, 5));
  });

  it('finds nothing for a word no entry holds', () => {
    expect(searchCatalog('zzzz-no-such-service')).toEqual([]);
  });
});
