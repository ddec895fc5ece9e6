/**
 * Every fixture and hand-built model, in both formats, parsed back with a YAML loader that knows the
 * CloudFormation tags (or JSON.parse): the recovered roles, policies and parameters equal the model, with
 * `Ref` / `Fn::Sub` / `Fn::Join` mapped back to references. Notices survive as comments or Metadata.
 */
import { describe, expect, it } from 'vitest';
import { commentLines } from '../src/yaml/yaml-scalar.js';
import { loadCfnTemplate } from '../src/testing.js';
import { allCases, emitBothFormats } from './support/cases.js';
import { expectRoundTrip } from './support/round-trip.js';

describe('round trip of every case', () => {
  for (const testCase of allCases()) {
    it(`${testCase.name} parses back to the model`, () => {
      for (const file of emitBothFormats(testCase.model)) expectRoundTrip(testCase.model, file);
    });

    it(`${testCase.name} keeps every notice`, () => {
      const [yaml, json] = emitBothFormats(testCase.model);
      const notices = [...testCase.model.roles, ...testCase.model.resourcePolicies].flatMap((entry) => entry.notices);
      for (const notice of notices) {
        for (const line of commentLines(notice)) expect(yaml!.contents).toContain(line === '' ? '\n  #\n' : `# ${line}\n`);
      }
      const metadata = (loadCfnTemplate(json!.contents, 'json') as { Metadata?: { DeputyNotices?: Record<string, string[]> } }).Metadata?.DeputyNotices ?? {};
      const noticed = Object.values(metadata).flat();
      for (const notice of notices) expect(noticed).toContain(notice);
    });
  }
});
