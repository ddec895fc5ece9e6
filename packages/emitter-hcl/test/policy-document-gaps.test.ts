/**
 * The named gaps of `aws_iam_policy_document`: each one has a document that runs into it (and into no
 * other meaning-changing gap); a meaning-changing gap makes the emitter write jsonencode under a comment
 * naming it; the data source, as the provider builds it, really does change those documents and really
 * does keep the meaning of the others.
 */
import { describe, expect, it } from 'vitest';
import { environmentReferences } from '@deputy/terraform-plan';
import { POLICY_DOCUMENT_GAPS, emitHcl, meaningChangingGaps, policyDocumentGaps, type PolicyDocumentGapName } from '../src/index.js';
import { policyDocumentDataBlock } from '../src/policy-document-data-source.js';
import { blockHeader, writeBody } from '../src/hcl-writer.js';
import { GAP_DOCUMENTS, LITERAL_ENVIRONMENT } from './support/hand-built-models.js';
import { dataSourceForm, parseHcl, simulatePolicyDocument, traversalDecoder, at, onlyBody } from './support/index.js';
import type { PolicyDocument } from '@deputy/policy-model';

const CONTEXT = { environment: LITERAL_ENVIRONMENT, references: environmentReferences(LITERAL_ENVIRONMENT, 6) };

async function throughDataSource(document: PolicyDocument): Promise<PolicyDocument> {
  const dataBlock = policyDocumentDataBlock('probe', document, CONTEXT);
  const parsed = await parseHcl(`${blockHeader(dataBlock.type, dataBlock.labels)} {\n${writeBody(dataBlock.body, 1)}\n}\n`);
  return simulatePolicyDocument(onlyBody(at(parsed, 'data', 'aws_iam_policy_document', 'probe'), 'probe'), traversalDecoder(new Map()));
}

/** Meaning-changing gaps the simulator cannot show as a changed document, and why. */
const UNDEMONSTRABLE: { readonly [name in PolicyDocumentGapName]?: string } = {
  'empty-string-in-set': 'how the provider SDK treats "" inside a string set is not established, so deputy does not rely on it',
};

describe('POLICY_DOCUMENT_GAPS', () => {
  it('every named gap has a test document, and every test document names a gap', () => {
    expect(Object.keys(GAP_DOCUMENTS).sort()).toEqual(POLICY_DOCUMENT_GAPS.map((gap) => gap.name).sort());
  });

  it('only meaning-changing gaps are listed as undemonstrable', () => {
    for (const name of Object.keys(UNDEMONSTRABLE)) expect(POLICY_DOCUMENT_GAPS.find((gap) => gap.name === name)?.changesMeaning, name).toBe(true);
  });

  for (const gap of POLICY_DOCUMENT_GAPS) {
    describe(gap.name, () => {
      const document = GAP_DOCUMENTS[gap.name] as PolicyDocument;

      it('is found in its document', () => {
        expect(policyDocumentGaps(document, CONTEXT).map((found) => found.name)).toContain(gap.name);
      });

      if (gap.changesMeaning) {
        it('is the only meaning-changing gap of its document, and sends it to jsonencode with a comment', () => {
          expect(meaningChangingGaps(document, CONTEXT).map((found) => found.name)).toEqual([gap.name]);
          const [file] = emitHcl(
            { source: 's.yaml', baseName: 's', environment: LITERAL_ENVIRONMENT, roles: [], resourcePolicies: [{ name: 'p', id: 'p', attachment: { type: 'document' }, document, notices: [] }] },
            { style: 'policy-document' },
          );
          expect(file!.contents).toContain('# Written with jsonencode: aws_iam_policy_document would change this policy.');
          expect(file!.contents).toContain(`# - ${gap.name}: `);
          expect(file!.contents).toContain('p_json = jsonencode({');
          expect(file!.contents).not.toContain('data "aws_iam_policy_document"');
        });

        const unprovable = UNDEMONSTRABLE[gap.name];
        if (gap.name === 'duplicate-sid') {
          it('makes the data source fail when forced through it', async () => {
            await expect(throughDataSource(document)).rejects.toThrow(/duplicate Sid \(Same\)/);
          });
        } else if (unprovable === undefined) {
          it('really changes the document when forced through the data source', async () => {
            expect(await throughDataSource(document)).not.toEqual(dataSourceForm(document));
          });
        }
      } else {
        it('keeps the meaning: the data source gives the document in its data-source form', async () => {
          expect(meaningChangingGaps(document, CONTEXT)).toEqual([]);
          const recovered = await throughDataSource(document);
          expect(recovered).toEqual(dataSourceForm(document));
          expect(JSON.stringify(recovered), 'the gap is visible in the JSON').not.toBe(JSON.stringify(document));
        });
      }
    });
  }

  it('a document without any gap comes back from the data source exactly as written', async () => {
    const exact: PolicyDocument = {
      Version: '2012-10-17',
      Id: 'id',
      Statement: [{ Sid: 'A', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:SourceAccount': ['1', '2'] } } }],
    };
    expect(policyDocumentGaps(exact, CONTEXT)).toEqual([]);
    expect(await throughDataSource(exact)).toEqual(exact);
  });

  it('a Principal "*" and {"AWS": "*"} stay distinct (not a gap)', async () => {
    const star: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }] };
    const awsStar: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }] };
    expect(meaningChangingGaps(star, CONTEXT)).toEqual([]);
    expect(meaningChangingGaps(awsStar, CONTEXT)).toEqual([]);
    expect((await throughDataSource(star)).Statement).toEqual([expect.objectContaining({ Principal: '*' })]);
    expect((await throughDataSource(awsStar)).Statement).toEqual([expect.objectContaining({ Principal: { AWS: '*' } })]);
  });

  it('names gaps in a fixed order', () => {
    const names: PolicyDocumentGapName[] = POLICY_DOCUMENT_GAPS.map((gap) => gap.name);
    const meaning = POLICY_DOCUMENT_GAPS.filter((gap) => gap.changesMeaning).map((gap) => gap.name);
    expect(names.slice(0, meaning.length)).toEqual(meaning);
  });
});
