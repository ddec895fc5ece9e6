/**
 * Waived confused-deputy conditions become `Metadata.deputy.ignore` entries that `deputy lint` reads (the
 * lint package's tests lint this output). Here: the template reads back with them, the round trip notices a
 * changed one, and nothing changes without waivers.
 */
import { describe, expect, it } from 'vitest';
import { expectedRecovery, loadCfnTemplate, recoverTemplate, templateFormatOf } from '../src/testing.js';
import { allCases, emitBothFormats } from './support/cases.js';
import { waivedResources } from './support/waived-models.js';

function recovered(contents: string, path: string) {
  return recoverTemplate(loadCfnTemplate(contents, templateFormatOf(path)));
}

describe('waiver Metadata', () => {
  it('reads back from both formats on exactly the resources holding waived statements', () => {
    for (const file of emitBothFormats(waivedResources)) {
      const template = recovered(file.contents, file.path);
      expect(template.roles.map((role) => role.suppressions)).toEqual([
        [{ rule: 'DPT001', reason: 'Batch compute environments here predate SourceArn support; tracked in SEC-1234' }],
        [
          { rule: 'DPT001', reason: 'Legacy batch jobs: no SourceArn yet # SEC-1' },
          { rule: 'DPT001', reason: "'quoted' and split over lines" },
        ],
      ]);
      expect(template.resourcePolicies.map((policy) => ('suppressions' in policy ? policy.suppressions?.map((entry) => entry.reason) : undefined))).toEqual([
        ['The organization trail writes here; SourceArn lands with SEC-9'],
        ['Rules in many accounts target this queue (SEC-12)'],
        undefined,
        ['Scheduled rules are created by a partner account (SEC-15)'],
        undefined,
      ]);
    }
  });

  it('is checked by the round trip: a changed reason or rule is a difference', () => {
    const [yaml, json] = emitBothFormats(waivedResources);
    const mutations: readonly [string, string][] = [
      [yaml!.contents.replace('reason: Rules in many accounts', 'reason: Rules in some accounts'), yaml!.path],
      [yaml!.contents.replace('- rule: DPT001\n            reason: The organization', '- rule: DPT002\n            reason: The organization'), yaml!.path],
      [json!.contents.replace('"reason": "Scheduled rules', '"reason": "Scheduled jobs'), json!.path],
    ];
    for (const [contents, path] of mutations) {
      expect(contents).not.toBe(path.endsWith('.json') ? json!.contents : yaml!.contents);
      expect(recovered(contents, path)).not.toStrictEqual(expectedRecovery(waivedResources));
    }
  });

  it('refuses Metadata deputy does not write', () => {
    const [, json] = emitBothFormats(waivedResources);
    const withExtra = json!.contents.replace('"Metadata": {\n        "deputy": {', '"Metadata": {\n        "other": 1,\n        "deputy": {');
    expect(withExtra).not.toBe(json!.contents);
    expect(() => recovered(withExtra, json!.path)).toThrow(/Metadata: deputy writes only deputy/);
  });

  it('appears in no template of a model without waivers', () => {
    const unwaived = allCases().filter((testCase) => [...testCase.model.roles, ...testCase.model.resourcePolicies].every((entry) => (entry.waivers ?? []).length === 0));
    expect(unwaived.length).toBeGreaterThan(5);
    for (const testCase of unwaived) {
      for (const file of emitBothFormats(testCase.model)) expect(file.contents, `${testCase.name} ${file.path}`).not.toMatch(/deputy:|"deputy"|ignore/);
    }
  });
});
