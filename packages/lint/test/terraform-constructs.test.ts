/**
 * Terraform constructs whose content is literal: `dynamic "statement"` / `"principals"` / `"condition"`
 * blocks over literal lists, maps and locals; `concat` / `flatten` / `merge` with literal parts (the
 * literal parts are judged, an unknown part is neither safe nor unsafe); locals referenced by name, and a
 * principal whose DNS suffix is `data.aws_partition.*.dns_suffix`. Fixtures: test/fixtures/terraform-constructs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { lintText } from '../src/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'terraform-constructs');
const CONFUSED = 'the service can act on behalf of any account (cross-service confused deputy)';

async function findingsOf(name: string): Promise<[string, number, string][]> {
  const result = await lintText(readFileSync(join(FIXTURES, name), 'utf8'), name, 'terraform');
  return result.findings.map((finding) => [finding.ruleId, finding.line, finding.message]);
}

describe('dynamic blocks with literal for_each', () => {
  test('each generated statement, principal and condition is judged; a local map of protected statements and a for_each over a variable are clean', async () => {
    expect(await findingsOf('dynamic-blocks.tf')).toEqual([
      ['DPT001', 15, `statement "Scheduler" allows scheduler.amazonaws.com (Amazon EventBridge Scheduler) without aws:SourceAccount or aws:SourceArn: ${CONFUSED}`],
      ['DPT002', 25, 'statement "Batch" allows batch.amazonaws.com (AWS Batch) without aws:SourceArn, which AWS documents for this service'],
      ['DPT002', 49, 'statement 1 allows states.amazonaws.com (AWS Step Functions), events.amazonaws.com (Amazon EventBridge) without aws:SourceArn, which AWS documents for these services'],
    ]);
  });
});

describe('concat, flatten, merge and locals', () => {
  test('literal parts are judged; merge with an unknown map claims nothing; jsonencode(local.x) is checked in the local', async () => {
    expect(await findingsOf('combined-values.tf')).toEqual([
      ['DPT001', 9, `statement 1 allows states.amazonaws.com (AWS Step Functions) without aws:SourceAccount or aws:SourceArn: ${CONFUSED}`],
      ['DPT001', 34, `statement 1 allows events.amazonaws.com (Amazon EventBridge), scheduler.amazonaws.com (Amazon EventBridge Scheduler) without aws:SourceAccount or aws:SourceArn: ${CONFUSED}`],
      ['DPT001', 46, `statement 1 allows pipes.amazonaws.com (Amazon EventBridge Pipes) without aws:SourceAccount or aws:SourceArn: ${CONFUSED}`],
    ]);
  });
});
