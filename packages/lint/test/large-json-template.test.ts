/**
 * A large CloudFormation JSON template read member by member gives the same policies and findings as the
 * whole tree: checked on a template that holds every corpus template's resources among filler resources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileText } from '../src/located/embedded-text.js';
import { parseLocatedJson } from '../src/located/located-json.js';
import { lineIndexOf } from '../src/located/position.js';
import { lintScan } from '../src/lint-scan.js';
import { templatePolicies } from '../src/sources/cloudformation/cfn-template.js';
import { withIntrinsics } from '../src/sources/cloudformation/long-form-intrinsics.js';
import { LARGE_TEMPLATE_BYTES, readLargeJsonTemplate } from '../src/sources/large-json-template.js';

const CORPUS = fileURLToPath(new URL('./corpus/generated/cfn-json/', import.meta.url));

function bigTemplate(): string {
  const resources: Record<string, unknown> = {};
  readdirSync(CORPUS)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .forEach((name, index) => {
      const template = JSON.parse(readFileSync(join(CORPUS, name), 'utf8')) as { Resources: Record<string, unknown> };
      for (const [key, resource] of Object.entries(template.Resources)) resources[`${key}${index}`] = resource;
    });
  for (let index = 0; JSON.stringify(resources).length < LARGE_TEMPLATE_BYTES * 1.2; index++) {
    resources[`Queue${index}`] = { Type: 'AWS::SQS::Queue', Properties: { QueueName: `q-"${index}"\\`, Tags: [{ Key: 'k', Value: '[{' }] } };
  }
  return JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Mappings: { M: { a: { b: 'c' } } }, Resources: resources, Outputs: { O: { Value: 'x' } } }, null, 2);
}

function findingsOf(root: Parameters<typeof withIntrinsics>[0]): unknown {
  const { policies, unreadable } = templatePolicies(withIntrinsics(root), 'big.json', 'json');
  return JSON.parse(JSON.stringify({ policies, findings: lintScan({ policies, unreadable, suppressions: [] }).findings }));
}

describe('large JSON templates', () => {
  const text = bigTemplate();
  const lines = lineIndexOf(text);

  it('read member by member: the same policies and findings as the whole tree', () => {
    const fast = readLargeJsonTemplate(text, lines);
    expect(fast).toBeDefined();
    const whole = findingsOf(parseLocatedJson(fileText(text, lines)));
    expect((whole as { policies: unknown[] }).policies.length).toBeGreaterThan(20);
    expect(findingsOf(fast!)).toEqual(whole);
  });

  it('fall back to the full parser for what is not a CloudFormation template or not understood', () => {
    expect(readLargeJsonTemplate('{"Resources": {"a": {"Statement": []}}}', lineIndexOf('{}'))).toBeUndefined();
    expect(readLargeJsonTemplate('[1, 2]', lineIndexOf('[1, 2]'))).toBeUndefined();
    const broken = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"a": {"Type": "AWS::SQS::Queue"}';
    expect(readLargeJsonTemplate(broken, lineIndexOf(broken))).toBeUndefined();
  });
});
