/**
 * Real policies: the 76 AWS documentation policies of /work/shared/aws-docs-corpus.json and the shared
 * round-trip set (packages/policy-model/fixtures/policies, through `convertPolicyText` as `deputy convert`
 * does) go through both styles and parse back to the identical policy; terraform fmt accepts the files and
 * terraform evaluates every jsonencode policy to the original.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPolicyText, type DeputyModel, type LiteralPolicyDocument, type Statement } from '@deputy/policy-model';
import { roundTripPolicies } from '@deputy/policy-model/testing';
import { emitHcl } from '../src/index.js';
import { STYLES } from './support/cases.js';
import { differencesFromModel, recoverTerraform, requireTerraform, terraformFmtCheck, jsonencodePoliciesEvaluatedByTerraform } from './support/index.js';

const CORPUS_FILE = '/work/shared/aws-docs-corpus.json';

interface CorpusEntry {
  readonly id: string;
  readonly kind: 'trust' | 'resource';
  readonly policy: LiteralPolicyDocument | Statement<string>;
}

/** The corpus as one model: trust policies as roles, resource policies as documents; a lone statement stays a lone statement. */
function corpusModel(entries: readonly CorpusEntry[]): DeputyModel {
  const documentOf = (entry: CorpusEntry): LiteralPolicyDocument =>
    'Statement' in entry.policy ? entry.policy : { Statement: entry.policy as Statement<string> };
  return {
    source: CORPUS_FILE,
    baseName: 'aws-docs-corpus',
    environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
    roles: entries
      .filter((entry) => entry.kind === 'trust')
      .map((entry) => ({ name: entry.id, id: entry.id, trustPolicy: documentOf(entry), inlinePolicies: [], managedPolicyArns: [], tags: [], notices: [] })),
    resourcePolicies: entries
      .filter((entry) => entry.kind === 'resource')
      .map((entry) => ({ name: entry.id, id: entry.id, attachment: { type: 'document' as const }, document: documentOf(entry), notices: [] })),
  };
}

const corpus: CorpusEntry[] = existsSync(CORPUS_FILE) ? (JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as CorpusEntry[]) : [];
const models: [string, DeputyModel][] = [
  ...(corpus.length > 0 ? [['aws-docs-corpus', corpusModel(corpus)] as [string, DeputyModel]] : []),
  ...roundTripPolicies().map(({ name, text }): [string, DeputyModel] => [name, convertPolicyText(text, `fixtures/policies/${name}`).model]),
];

describe('real policies', () => {
  it('the AWS documentation corpus is present with its 76 policies', () => {
    if (corpus.length === 0 && process.env['DEPUTY_REQUIRE_EXTERNAL_VALIDATORS'] !== '1') {
      console.warn(`notice: ${CORPUS_FILE} is absent; only the shared round-trip set is checked`);
      return;
    }
    expect(corpus).toHaveLength(76);
  });

  for (const [name, model] of models) {
    for (const style of STYLES) {
      it(`${name} parses back identically (${style})`, async () => {
        const [file] = emitHcl(model, { style });
        expect(await differencesFromModel(await recoverTerraform(file!.contents), model)).toEqual([]);
      });
    }
  }

  it('terraform fmt accepts every file and evaluates every jsonencode policy to the original', async () => {
    if (!requireTerraform('terraform checks on real policies')) return;
    const files = new Map(models.flatMap(([name, model]) => STYLES.map((style) => [`${name}.${style}.tf`, emitHcl(model, { style })[0]!.contents] as const)));
    const result = terraformFmtCheck(files);
    expect(result.unformatted, result.diff).toEqual([]);
    for (const [name, model] of models) {
      const { evaluated, expected } = await jsonencodePoliciesEvaluatedByTerraform(emitHcl(model, { style: 'jsonencode' })[0]!.contents, model);
      expect(evaluated, name).toEqual(expected);
    }
  });
});
