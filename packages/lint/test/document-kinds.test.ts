/**
 * Documents that are not service exposures: VPC endpoint policies, an Allow for "*" fenced by a Deny on
 * aws:SourceVpce / aws:SourceVpc (private API Gateway), CloudFormation stack policies, and trust statements
 * that only allow sts:TagSession. Their open variants are still found. Fixtures: test/fixtures/document-kinds.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lintText, type FileKind } from '../src/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'document-kinds');

async function findingsOf(name: string, kind: FileKind): Promise<[string, number, string][]> {
  const result = await lintText(readFileSync(join(FIXTURES, name), 'utf8'), name, kind);
  return result.findings.map((finding) => [finding.ruleId, finding.line, finding.message]);
}

const OPEN = 'statement 1 allows any principal in any account ("*") without a condition';

describe('Principal "*" that does not reach every account', () => {
  test('CloudFormation: the endpoint policy and the fenced private API are clean; the API whose Deny does not fence is found', async () => {
    const findings = await findingsOf('not-exposures.yaml', 'yaml');
    expect(findings.filter(([rule]) => rule === 'DPT009')).toEqual([['DPT009', 42, OPEN]]);
  });

  test('Terraform: aws_vpc_endpoint and a policy fenced by StringNotEquals aws:SourceVpc are clean; an open queue policy is found', async () => {
    expect(await findingsOf('not-exposures.tf', 'terraform')).toEqual([['DPT009', 43, OPEN]]);
  });

  test('stack policies (a parameters file with StackPolicy, an Update:* policy) are clean', async () => {
    expect(await findingsOf('stack-policy.json', 'json')).toEqual([]);
    expect(await findingsOf('update-stack-policy.json', 'json')).toEqual([]);
  });
});

describe('session-only trust statements', () => {
  test('a statement allowing only sts:TagSession is not trust; the AssumeRole statement beside it is checked', async () => {
    const findings = await findingsOf('not-exposures.yaml', 'yaml');
    expect(findings.filter(([rule]) => rule === 'DPT001')).toEqual([
      ['DPT001', 64, 'statement 2 allows states.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn: the service can act on behalf of any account (cross-service confused deputy)'],
    ]);
  });
});
