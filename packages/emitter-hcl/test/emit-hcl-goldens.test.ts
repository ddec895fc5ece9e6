/** Goldens: every fixture and hand-built model, in both policy styles, byte for byte. */
import { describe, expect, it } from 'vitest';
import { emitHcl } from '../src/index.js';
import { allCases, GOLDEN_TARGETS, STYLES } from './support/cases.js';

describe('emitHcl goldens', () => {
  for (const testCase of allCases()) {
    for (const style of STYLES) {
      it(`${testCase.name} (${GOLDEN_TARGETS[style]}) matches its golden`, () => {
        const files = emitHcl(testCase.model, { style });
        expect(files.map((file) => file.path)).toEqual([`${testCase.model.baseName}.tf`]);
        for (const pair of testCase.goldens(style, files)) {
          expect(pair.actual, `${pair.path} is no longer emitted`).toBeDefined();
          expect(pair.expected, `${pair.path} has no golden (run with DEPUTY_UPDATE_GOLDENS=1)`).toBeDefined();
          expect(pair.actual, pair.path).toBe(pair.expected);
        }
      });
    }
  }
});
