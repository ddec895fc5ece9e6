/**
 * Meta-test: every target the CLI can load has a golden for every fixture, so no emitter ships untested
 * against a case. A target that cannot be loaded yet is listed with the reason, not silently skipped.
 */
import { describe, expect, it } from 'vitest';
import { fixtureCases, goldenTargets } from '@deputy/policy-model/testing';
import { DeputyInputError } from '@deputy/policy-model';
import { TARGET_NAMES } from '../src/index.js';
import { loadTarget } from '../src/targets.js';

describe('golden coverage', () => {
  for (const target of TARGET_NAMES) {
    it(`${target}: every fixture has goldens, or the target is not available`, async () => {
      const available = await loadTarget(target).then(
        () => true,
        (error: unknown) => {
          if (error instanceof DeputyInputError && error.problems[0]?.code === 'target-unavailable') return false;
          throw error;
        },
      );
      const missing = fixtureCases().filter((caseName) => !goldenTargets(caseName).includes(target));
      if (available) expect(missing, `fixtures without expected/${target}/`).toEqual([]);
      else console.warn(`notice: target ${target} is not available; it has goldens for ${fixtureCases().length - missing.length} of ${fixtureCases().length} fixtures`);
    });
  }
});
