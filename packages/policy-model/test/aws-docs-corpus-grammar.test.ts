/**
 * Conformance with the policies AWS publishes (../shared/aws-docs-corpus.json): every complete policy is
 * accepted by the grammar unless AWS's own example is grammatically wrong, in which case it is refused with
 * the problem the corpus records. Skips with a notice where ../shared is absent, except in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePolicyDocument } from '../src/policy/validate-policy.js';

const corpusFile = fileURLToPath(new URL('../../../../shared/aws-docs-corpus.json', import.meta.url));
const required = process.env.CI === 'true' || process.env.DEPUTY_REQUIRE_EXTERNAL_VALIDATORS === '1';

interface CorpusEntry {
  id: string;
  fragment: boolean;
  policy: unknown;
  docDefects: string[];
}

/** Corpus defects the grammar must refuse, by the words the corpus uses, with the problem code expected. */
const GRAMMAR_DEFECTS: readonly [RegExp, string][] = [
  [/wildcard inside service principal/, 'wildcard-service-principal'],
  [/invalid condition operator/, 'invalid-operator'],
  [/placeholder AWS principal .* is not a valid ARN/, 'invalid-aws-principal'],
];

const corpus: CorpusEntry[] = existsSync(corpusFile) ? (JSON.parse(readFileSync(corpusFile, 'utf8')) as CorpusEntry[]) : [];

describe('AWS documentation corpus: IAM grammar', () => {
  if (corpus.length === 0) {
    it(required ? 'requires ../shared/aws-docs-corpus.json in CI' : 'is skipped: ../shared/aws-docs-corpus.json is absent', () => {
      if (required) throw new Error(`missing ${corpusFile}`);
      console.warn(`notice: skipping the AWS docs corpus conformance suite: ${corpusFile} not found`);
    });
    return;
  }

  it('holds the 76 published policies', () => {
    expect(corpus.length).toBe(76);
  });

  for (const entry of corpus) {
    const expectedCodes = GRAMMAR_DEFECTS.filter(([pattern]) => entry.docDefects.some((defect) => pattern.test(defect))).map(([, code]) => code);
    const codes = validatePolicyDocument(entry.policy).map((problem) => problem.code);
    if (entry.fragment) {
      it(`${entry.id}: a statement fragment is refused as not a whole policy`, () => {
        expect(codes).toEqual(['statement-not-policy']);
      });
    } else if (expectedCodes.length > 0) {
      it(`${entry.id}: AWS's defect is refused (${expectedCodes.join(', ')})`, () => {
        expect([...new Set(codes)]).toEqual(expectedCodes);
      });
    } else {
      it(`${entry.id}: accepted`, () => {
        expect(codes).toEqual([]);
      });
    }
  }
});
