/**
 * One judgement across every target (issue 13): one definition holds a role for every catalog service with
 * a role-trust integration and a resource policy with a grant for every integration deputy can attach (S3
 * bucket, SNS topic, SQS queue, Lambda function). `emit --target all` writes it, `lint` finds nothing in
 * any target's output, and `verify` proves every policy: deputy never writes what it would flag.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SERVICE_CATALOG, type IntegrationKind } from '@deputy/policy-model';
import { deputy } from './support/run-cli.js';

const ATTACHABLE: Partial<Record<IntegrationKind, { attach: (name: string) => string; action: string }>> = {
  's3-bucket': { attach: (name) => `{ s3Bucket: "${name}-{{account}}" }`, action: 's3:PutObject' },
  'sns-topic': { attach: (name) => `{ snsTopic: "arn:{{partition}}:sns:{{region}}:{{account}}:${name}" }`, action: 'sns:Publish' },
  'sqs-queue': { attach: (name) => `{ sqsQueue: "https://sqs.{{region}}.amazonaws.com/{{account}}/${name}" }`, action: 'sqs:SendMessage' },
  'lambda-permission': { attach: (name) => `{ lambdaFunction: ${name} }`, action: 'lambda:InvokeFunction' },
};

function definition(): { text: string; roles: number; policies: number } {
  const roles: string[] = [];
  const policies: string[] = [];
  for (const entry of SERVICE_CATALOG) {
    if (entry.integrations.some((integration) => integration.kind === 'role-trust')) {
      roles.push(`  - name: ${entry.key}-role\n    trustedServices:\n      - service: ${entry.key}\n`);
    }
    const kinds = new Set(entry.integrations.map((integration) => integration.kind));
    for (const kind of kinds) {
      const attachable = ATTACHABLE[kind];
      if (!attachable) continue;
      const name = `${entry.key}-${kind}`;
      policies.push(`  - name: ${name}\n    attachTo: ${attachable.attach(name)}\n    grants:\n      - service: ${entry.key}\n        actions: ${attachable.action}\n`);
    }
  }
  const text = `version: 1\naccount: "111122223333"\nregion: eu-west-1\npartition: aws\nroles:\n${roles.join('')}resourcePolicies:\n${policies.join('')}`;
  return { text, roles: roles.length, policies: policies.length };
}

describe('every catalog integration deputy can write, in every target', () => {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-every-integration-'));
  const { text, roles, policies } = definition();
  const file = join(directory, 'everything.yaml');
  writeFileSync(file, text);

  test('covers the catalog', () => {
    expect(roles).toBeGreaterThan(120);
    expect(policies).toBeGreaterThan(60);
  });

  test('emit writes every target; lint finds nothing in any of them; verify proves every policy', async () => {
    const out = join(directory, 'out');
    const emitted = await deputy(['emit', file, '--out-dir', out, '--target', 'all']);
    expect(emitted.stderr.split('\n').filter((line) => line.startsWith('error'))).toEqual([]);
    expect(emitted.code).toBe(0);
    const linted = await deputy(['lint', out, '--format', 'json']);
    const report = JSON.parse(linted.stdout || '{"findings":[]}') as { findings: { file: string; line: number; ruleId: string; message: string }[] };
    expect(report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId} ${finding.message}`)).toEqual([]);
    expect(linted.code).toBe(0);
    const verified = await deputy(['verify', file]);
    expect(verified.code, verified.stdout.split('\n').filter((line) => /FAIL/.test(line)).slice(0, 20).join('\n')).toBe(0);
  }, 300_000);
});
