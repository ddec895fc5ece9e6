/**
 * The playground's output functions under Node, against the CLI and the packages: the same comparisons the
 * browser test makes, without a browser, over more services and options.
 */
import { DeputyInputError, formatProblem } from '@deputy/policy-model';
import { lintText } from '@deputy/lint';
import { describe, expect, it } from 'vitest';
import { definitionOutputs } from '../src/definition-outputs.js';
import { lintKindOfFile } from '../src/lint-kind.js';
import { lintReport } from '../src/lint-report.js';
import { DEFAULT_STATE, STARTER_DEFINITION, STARTER_POLICY, type PlaygroundState } from '../src/playground-state.js';
import { snippetOutputs } from '../src/snippet-outputs.js';
import { TARGET_NAMES } from '../src/targets.js';
import { deputy, deputyOutput } from './support/cli.js';

const CASES: { name: string; state: Partial<PlaygroundState>; flags: string[] }[] = [
  { name: 'personalize, defaults', state: {}, flags: [] },
  { name: 'logs in eu-west-1, policy-document, provider 5, CFN JSON', state: { service: 'logs', region: 'eu-west-1', style: 'policy-document', awsProviderMajorVersion: 5, format: 'json' }, flags: ['--hcl-style', 'policy-document', '--aws-provider-version', '5', '--cfn-format', 'json'] },
  { name: 'a principal, current account and Region, a role name', state: { service: 'sagemaker.amazonaws.com', account: 'current', region: 'current', roleName: 'trainer' }, flags: ['--role-name', 'trainer'] },
  { name: 'aws-cn partition', state: { service: 'personalize', partition: 'aws-cn', region: 'cn-north-1' }, flags: ['--partition', 'aws-cn'] },
  { name: 'CloudTrail to a bucket (a resource policy)', state: { service: 'cloudtrail', integration: 's3-bucket', resource: 'trail-logs' }, flags: ['--integration', 's3-bucket', '--resource', 'trail-logs'] },
  { name: 'EventBridge to a queue given by ARN', state: { service: 'events', integration: 'sqs-queue', resource: 'arn:aws:sqs:us-east-1:111122223333:events' }, flags: ['--integration', 'sqs-queue', '--resource', 'arn:aws:sqs:us-east-1:111122223333:events'] },
];

describe('snippet outputs equal deputy snippet', () => {
  it.each(CASES)('$name', ({ state, flags }) => {
    const full = { ...DEFAULT_STATE, ...state };
    const outputs = snippetOutputs(full);
    expect(outputs.problems).toEqual([]);
    expect(outputs.targets.map((result) => result.target)).toEqual([...TARGET_NAMES]);
    for (const result of outputs.targets) {
      const cli = deputyOutput(['snippet', '--service', full.service, '--account', full.account, '--region', full.region, '--partition', full.partition, ...flags, '--target', result.target]);
      if (cli.status === 0) {
        expect(result.ok, `${result.target}: ${JSON.stringify(result)}`).toBe(true);
        expect(result.ok && result.files.map((file) => file.contents)).toEqual([cli.stdout]);
      } else {
        expect(result.ok, result.target).toBe(false);
        expect(!result.ok && result.problems.map(formatProblem).join('\n')).toBe(cli.stderr.trim());
      }
    }
  });

  it('reports the notices deputy snippet prints on stderr', () => {
    const outputs = snippetOutputs({ ...DEFAULT_STATE, service: 'guardduty-malware' });
    const stderr = deputyOutput(['snippet', '--service', 'guardduty-malware', '--account', '111122223333', '--region', 'us-east-1']).stderr;
    expect(outputs.notices.map((notice) => `notice: ${notice}\n`).join('')).toBe(stderr);
    expect(outputs.notices.length).toBeGreaterThan(0);
  });

  it('an invalid account or Region gives the CLI errors, each against its field', () => {
    for (const [field, value] of [['account', '12345'], ['region', 'moon-1'], ['partition', 'aws-mars']] as const) {
      const state = { ...DEFAULT_STATE, [field]: value };
      const outputs = snippetOutputs(state);
      expect(outputs.targets, field).toEqual([]);
      const cli = deputyOutput(['snippet', '--service', 'personalize', '--account', state.account, '--region', state.region, '--partition', state.partition]);
      expect(cli.status, field).toBe(2);
      expect(outputs.problems.map(formatProblem).join('\n'), field).toBe(cli.stderr.trim());
    }
  });

  it('an unknown service gives the CLI error and no output', () => {
    const outputs = snippetOutputs({ ...DEFAULT_STATE, service: 'personalise' });
    expect(outputs.targets).toEqual([]);
    const cli = deputyOutput(['snippet', '--service', 'personalise', '--account', '111122223333', '--region', 'us-east-1']);
    expect(cli.status).toBe(2);
    expect(outputs.problems.map(formatProblem).join('\n')).toBe(cli.stderr.trim());
  });
});

describe('definition outputs', () => {
  it('the starter definition loads, emits all four targets and is proven', () => {
    const outputs = definitionOutputs(DEFAULT_STATE);
    expect(outputs.problems).toEqual([]);
    expect(outputs.targets.every((result) => result.ok)).toBe(true);
    expect(outputs.verification).toContain('1 of 1 policies proven');
    const hcl = outputs.targets.find((result) => result.target === 'hcl');
    expect(hcl?.ok && hcl.files[0]?.contents).toContain('resource "aws_iam_role" "personalize_s3_access"');
  });

  it('schema errors come back located, all of them', () => {
    const text = STARTER_DEFINITION.replace('account: "111122223333"', 'account: "12345"').replace('    description:', '    descripton:');
    const outputs = definitionOutputs({ ...DEFAULT_STATE, definition: text });
    expect(outputs.targets).toEqual([]);
    expect(outputs.problems.length).toBeGreaterThanOrEqual(1);
    for (const problem of outputs.problems) expect(problem.location?.file).toBe('definition.yaml');
    expect(outputs.problems.map((problem) => problem.message).join('\n')).toMatch(/descripton/);
  });

  it('a misspelt action is refused with a did-you-mean, as under the CLI', () => {
    const text = STARTER_DEFINITION.replace('Action: s3:GetObject', 'Action: s3:GetObjct');
    const outputs = definitionOutputs({ ...DEFAULT_STATE, definition: text });
    expect(outputs.problems.map((problem) => `${problem.message} ${problem.hint}`).join('\n')).toContain('s3:GetObject');
  });

  it('reads JSON text as definition.json', () => {
    const outputs = definitionOutputs({ ...DEFAULT_STATE, definition: '{ "version": 1, "roles": [ { "name": "x", "trustedServices": [ { "service": "personalize" } ] } ], "account": "111122223333", "region": "us-east-1" }' });
    expect(outputs.file).toBe('definition.json');
    expect(outputs.problems).toEqual([]);
  });
});

describe('lint report', () => {
  it('has the findings of lintText and the verify table for a policy', async () => {
    const report = await lintReport(DEFAULT_STATE);
    const expected = await lintText(STARTER_POLICY, 'policy.json', 'json');
    expect(report.result).toEqual(expected);
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(expected.findings.map((finding) => finding.ruleId));
    expect(report.findings.every((finding) => finding.explanation.length > 0)).toBe(true);
    expect(report.verification).toContain('SCENARIO');
  });

  it('a syntax error is a located problem, not an exception', async () => {
    const report = await lintReport({ ...DEFAULT_STATE, lintText: '{ "Statement": [ }' });
    const expected = await lintText('{ "Statement": [ }', 'policy.json', 'json').then(() => undefined, (error: unknown) => error);
    expect(expected).toBeInstanceOf(DeputyInputError);
    expect(report.problems).toEqual((expected as DeputyInputError).problems);
    expect(report.problems[0]?.location?.line).toBe(1);
  });

  it('picks the kind from the file name', () => {
    expect(['main.tf', 'main.tf.json', 'policy.json', 'stack.yaml', 'stack.yml', 'stack.template', 'README'].map(lintKindOfFile)).toEqual(['terraform', 'tf-json', 'json', 'yaml', 'yaml', 'yaml', undefined]);
  });
});

describe('deputy CLI helper', () => {
  it('runs the real CLI', () => {
    expect(deputy(['snippet', '--service', 'personalize', '--account', '111122223333', '--region', 'us-east-1'])).toContain('personalize.amazonaws.com');
  });
});
