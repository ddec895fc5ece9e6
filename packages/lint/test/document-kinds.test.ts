/**
 * Documents that are not service exposures: VPC endpoint policies, an Allow for "*" fenced by a Deny on
 * aws:SourceVpce / aws:SourceVpc (private API Gateway), CloudFormation stack policies, and trust statements
 * that only allow sts:TagSession. Their open variants are still found. Fixtures: test/fixtures/document-kinds.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import { expectFixtureFindings } from './support/fixture-findings.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'document-kinds');
const OPEN = 'statement 1 allows any principal in any account ("*") without a condition';

describe('Principal "*" that does not reach every account', () => {
  test('CloudFormation: the endpoint policy and the fenced private API are clean; the API whose Deny does not fence is found', async () => {
    await expectFixtureFindings(join(FIXTURES, 'not-exposures.yaml'), 'yaml', [
      ['DPT009', 42, OPEN],
      ['DPT001', 64, 'statement 2 allows states.amazonaws.com'],
    ]);
  });

  test('Terraform: aws_vpc_endpoint (inline, or through the data source it references) and a policy fenced by StringNotEquals aws:SourceVpc are clean; open queue policies are found', async () => {
    await expectFixtureFindings(join(FIXTURES, 'not-exposures.tf'), 'terraform', [
      ['DPT009', 43, OPEN],
      ['DPT009', 73, OPEN],
    ]);
  });

  test('stack policies (a parameters file with StackPolicy, an Update:* policy) are clean', async () => {
    await expectFixtureFindings(join(FIXTURES, 'stack-policy.json'), 'json', []);
    await expectFixtureFindings(join(FIXTURES, 'update-stack-policy.json'), 'json', []);
  });
});

describe('session-only trust statements', () => {
  test('a statement allowing only sts:TagSession (statement 1, line 60) is not trust; the AssumeRole statement beside it is checked', async () => {
    await expectFixtureFindings(join(FIXTURES, 'not-exposures.yaml'), 'yaml', [
      ['DPT009', 42, OPEN],
      ['DPT001', 64, 'statement 2 allows states.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn'],
    ]);
  });
});
