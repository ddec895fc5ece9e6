/** Goldens: every fixture and hand-built model, as YAML and JSON, byte for byte. */
import { describe, expect, it } from 'vitest';
import { allCases, emitBothFormats } from './support/cases.js';

describe('emitCfn goldens', () => {
  for (const testCase of allCases()) {
    it(`${testCase.name} matches its goldens`, () => {
      const files = emitBothFormats(testCase.model);
      expect(files.map((file) => file.path)).toEqual([`${testCase.model.baseName}.yaml`, `${testCase.model.baseName}.json`]);
      for (const pair of testCase.goldens(files)) {
        expect(pair.actual, `${pair.path} is no longer emitted`).toBeDefined();
        expect(pair.expected, `${pair.path} has no golden (run with DEPUTY_UPDATE_GOLDENS=1)`).toBeDefined();
        expect(pair.actual, pair.path).toBe(pair.expected);
      }
    });
  }
});
