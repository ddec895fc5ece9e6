/**
 * A large CloudFormation YAML template read part by part gives the same policies, findings and positions as
 * the whole file read at once: checked on a template holding every corpus template's resources (and a
 * PyYAML-lenient `!Sub` policy) among filler resources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintScan } from '../src/lint-scan.js';
import { parseCfnYaml } from '../src/sources/cfn-yaml.js';
import { templatePolicies } from '../src/sources/cloudformation/cfn-template.js';
import { withIntrinsics } from '../src/sources/cloudformation/long-form-intrinsics.js';
import { LARGE_YAML_TEMPLATE_BYTES, readLargeYamlTemplate } from '../src/sources/large-yaml-template.js';
import type { LocatedValue } from '../src/located/located-value.js';

const CORPUS = fileURLToPath(new URL('./corpus/generated/cfn-yaml/', import.meta.url));
const LENIENT = fileURLToPath(new URL('./fixtures/yaml-as-cloudformation/sub-single-quoted-json-closed-at-key-indent.yaml', import.meta.url));

function resourcesOf(text: string, suffix: string): string {
  const body = text.slice(text.indexOf('\nResources:\n') + '\nResources:\n'.length);
  return body.replace(/^ {2}([A-Za-z0-9]+):/gm, `  $1${suffix}:`);
}

function bigTemplate(): string {
  const parts = ["AWSTemplateFormatVersion: '2010-09-09'", 'Mappings:', '  M:', '    a: { b: c }', 'Resources:'];
  const sources = [...readdirSync(CORPUS).filter((name) => name.endsWith('.yaml')).sort().map((name) => join(CORPUS, name)), LENIENT];
  sources.forEach((path, index) => parts.push(resourcesOf(readFileSync(path, 'utf8'), `N${index}`).replace(/\n$/, '')));
  let size = parts.join('\n').length;
  for (let index = 0; size < LARGE_YAML_TEMPLATE_BYTES * 1.1; index++) {
    const filler = `  Queue${index}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: 'q-${index}: "quoted"'\n      Tags:\n        - { Key: k, Value: '[{' }\n      Note: |\n        block text\n        # not a comment\n`;
    parts.push(filler.replace(/\n$/, ''));
    size += filler.length;
  }
  parts.push('Outputs:', '  O:', '    Value: !Ref Queue0', '');
  return parts.join('\n');
}

function findingsOf(root: LocatedValue): unknown {
  const { policies, unreadable } = templatePolicies(withIntrinsics(root), 'big.yaml', 'yaml');
  return JSON.parse(JSON.stringify({ policies, findings: lintScan({ policies, unreadable, suppressions: [] }).findings }));
}

describe('large YAML templates', () => {
  const text = bigTemplate();

  it('read part by part: the same policies, findings and positions as the whole file', () => {
    const fast = readLargeYamlTemplate(text, 'big.yaml');
    expect(fast).toBeDefined();
    const whole = findingsOf(parseCfnYaml(text, 'big.yaml').root!);
    expect((whole as { policies: unknown[] }).policies.length).toBeGreaterThan(20);
    expect(findingsOf(fast!.root)).toEqual(whole);
  });

  it('fall back to reading the whole file for anchors, flow-style resources and other shapes', () => {
    expect(readLargeYamlTemplate("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: &x\n    Type: AWS::SQS::Queue\n  B: *x\n", 'f.yaml')).toBeUndefined();
    expect(readLargeYamlTemplate("AWSTemplateFormatVersion: '2010-09-09'\nResources: {A: {Type: AWS::SQS::Queue}}\n", 'f.yaml')).toBeUndefined();
    expect(readLargeYamlTemplate('- a\n- b\n', 'f.yaml')).toBeUndefined();
    expect(readLargeYamlTemplate('Resources:\n  A:\n    Statement: []\n', 'f.yaml')).toBeUndefined();
  });
});
