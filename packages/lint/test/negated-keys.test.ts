/** DPT011 flags a Deny that negates aws:SourceArn with another key, not the organization guardrail allow-list. */
import { describe, expect, test } from 'vitest';
import { lintText } from '../src/index.js';

const deny = (condition: Record<string, Record<string, string | string[]>>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: condition }] }, null, 2);

describe('DPT011', () => {
  test('SourceAccount and SourceArn negated together are flagged, with one condition block per key', async () => {
    const result = await lintText(deny({ StringNotEquals: { 'aws:SourceAccount': '111122223333' }, ArnNotLike: { 'aws:SourceArn': 'arn:aws:backup:us-east-1:111122223333:backup-vault:*' } }), 'p.json', 'json');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['DPT011']);
    const blocks = result.findings[0]!.fix!.text!.split('\n\n').map((block) => JSON.parse(`{${block}}`) as { Condition: Record<string, unknown> });
    expect(blocks.map((block) => Object.keys(block.Condition))).toEqual([['StringNotEquals'], ['ArnNotLike']]);
  });

  test('the organization guardrail (SourceOrgID or an allow-listed SourceAccount) is not flagged', async () => {
    const result = await lintText(
      deny({ StringNotEqualsIfExists: { 'aws:SourceOrgID': 'o-abc123def4', 'aws:SourceAccount': ['111122223333'] }, Null: { 'aws:SourceAccount': 'false' }, Bool: { 'aws:PrincipalIsAWSService': 'true' } }),
      'p.json',
      'json',
    );
    expect(result.findings).toEqual([]);
  });
});
