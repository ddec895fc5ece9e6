/** Goldens: every fixture's `.tf.json`, byte for byte (rewrite with DEPUTY_UPDATE_GOLDENS=1). */
import { fixtureCases, goldenPairs, loadFixture } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { emitTerraformJson, TF_JSON_TARGET } from '../src/index.js';

describe('tf-json goldens', () => {
  it('has fixtures to check', () => {
    expect(fixtureCases().length).toBeGreaterThan(0);
  });

  it.each(fixtureCases())('%s', (caseName) => {
    const pairs = goldenPairs(caseName, TF_JSON_TARGET, emitTerraformJson(loadFixture(caseName)));
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      expect(pair.actual, `${pair.path} is no longer emitted`).toBeDefined();
      expect(pair.expected, `${pair.path} has no golden (run with DEPUTY_UPDATE_GOLDENS=1)`).toBeDefined();
      expect(pair.actual, pair.path).toBe(pair.expected);
    }
  });
});
