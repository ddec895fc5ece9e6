/**
 * Waived confused-deputy conditions become `# deputy:ignore DPT001 <reason>` lines that `deputy lint` reads
 * (the lint package's tests lint this output). Here: the line's shape, and that nothing changes without waivers.
 */
import { describe, expect, it } from 'vitest';
import type { DeputyModel } from '@deputy/policy-model';
import { emitHcl } from '../src/index.js';
import { allCases, STYLES } from './support/cases.js';
import { waivedBlocksModel } from './support/waived-models.js';

function withTrustWaiverReason(reason: string): DeputyModel {
  const model = waivedBlocksModel();
  const [first] = model.roles;
  return { ...model, roles: [{ ...first!, waivers: [{ service: 'batch', reason }], notices: [] }], resourcePolicies: [] };
}

function directiveLines(contents: string): string[] {
  return contents.split('\n').filter((line) => line.includes('deputy:ignore'));
}

describe('waiver suppressions', () => {
  it('stay on one line however long the reason, with line breaks and tabs written as single spaces', () => {
    const reason = `${'A long reason that goes on and on '.repeat(8)}\n\tand continues\r\non further lines.\n`;
    for (const style of STYLES) {
      const [file] = emitHcl(withTrustWaiverReason(reason), { style });
      expect(directiveLines(file!.contents)).toEqual([`# deputy:ignore DPT001 ${reason.replace(/\s+/g, ' ').trim()}`]);
    }
  });

  it('show invisible characters of a reason as escapes, so the comment hides nothing', () => {
    const [file] = emitHcl(withTrustWaiverReason('Reviewed by \u202esecurity\u200b team'));
    expect(directiveLines(file!.contents)).toEqual(['# deputy:ignore DPT001 Reviewed by \\u202Esecurity\\u200B team']);
  });

  it('are written once per distinct reason, in model order', () => {
    const [file] = emitHcl(waivedBlocksModel());
    expect(directiveLines(file!.contents).filter((line) => line.includes('SEC-1)') || line.includes('SEC-2)') || line.includes('SEC-77'))).toEqual([
      '# deputy:ignore DPT001 Legacy batch jobs: no SourceArn yet (SEC-1)',
      '# deputy:ignore DPT001 ECS tasks a partner launches from its own account (SEC-2)',
      '# deputy:ignore DPT001 Notebooks and builds share this role until SEC-77 splits it.',
    ]);
  });

  it('appear in no output of a model without waivers', () => {
    const unwaived = allCases().filter((testCase) => [...testCase.model.roles, ...testCase.model.resourcePolicies].every((entry) => (entry.waivers ?? []).length === 0));
    expect(unwaived.length).toBeGreaterThan(5);
    for (const testCase of unwaived) {
      for (const style of STYLES) expect(directiveLines(emitHcl(testCase.model, { style })[0]!.contents), testCase.name).toEqual([]);
    }
  });
});
