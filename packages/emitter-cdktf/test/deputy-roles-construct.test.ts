/** The construct in a cdktf app: full synthesis with validation, references, selection, and sharing a stack. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cdktf from 'cdktf';
import { DeputyInputError, loadDefinitionFile } from '@deputy/policy-model';
import { loadFixture } from '@deputy/policy-model/testing';
import { describe, expect, it } from 'vitest';
import { DeputyRoles, type CdkModule } from '../src/index.js';
import { synthesizeTerraformJson as emitTerraformJson } from './support/synthesized-json.js';
import { hostileModel } from '../../emitter-tf-json/test/support/hostile-model.js';
import { synthesizeStack } from './support/synth-app.js';

const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'definitions');

function exampleDefinitions(): string[] {
  return readdirSync(EXAMPLES_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();
}

/** A JSON value without `//` comment properties (cdktf's metadata, deputy's notices), for comparing synthesized elements. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, item]) => [key, withoutComments(item)]));
}

type Synthesized = { [key: string]: { [key: string]: { [key: string]: { [key: string]: unknown } } } };

describe('DeputyRoles in a cdktf app', () => {
  it('is satisfied by the cdktf module type', () => {
    const module: CdkModule = cdktf;
    expect(module.TerraformResource).toBe(cdktf.TerraformResource);
  });

  it('synthesizes with validation, and its resources can be referenced', () => {
    const model = loadFixture('multi-service-role-full-options');
    const role = model.roles[0];
    if (!role) throw new Error('fixture has no role');
    const json = synthesizeStack(cdktf, (stack) => {
      const roles = new DeputyRoles(stack, 'deputy', { model });
      new cdktf.TerraformOutput(stack, 'role_arn', { value: roles.role(role.name).getStringAttribute('arn') }).overrideLogicalId('role_arn');
    }) as Synthesized;
    expect(json['output']?.['role_arn']).toEqual({ value: `\${aws_iam_role.orders_workflow.arn}` });
    const emitted = JSON.parse(emitTerraformJson(model)[0]?.contents ?? '{}') as Synthesized;
    for (const [type, byLabel] of Object.entries(emitted['resource'] ?? {})) {
      for (const [label, body] of Object.entries(byLabel)) {
        const synthesized = json['resource']?.[type]?.[label] as { [key: string]: unknown } | undefined;
        expect(synthesized, `${type}.${label}`).toBeDefined();
        const { ['//']: _metadata, ...argumentsOnly } = synthesized ?? {};
        const { ['//']: _notices, ...expected } = body as { [key: string]: unknown };
        expect(argumentsOnly).toEqual(expected);
      }
    }
  });

  it.each(exampleDefinitions())('synthesizes the example %s, as the .tf.json describes it', (file) => {
    const model = loadDefinitionFile(join(EXAMPLES_DIR, file));
    const json = synthesizeStack(cdktf, (stack) => {
      new DeputyRoles(stack, 'deputy', { model });
    }) as Synthesized;
    const emitted = JSON.parse(emitTerraformJson(model)[0]?.contents ?? '{}') as Synthesized;
    for (const kind of ['resource', 'data', 'variable', 'locals', 'output'] as const) {
      expect(withoutComments(json[kind]), kind).toEqual(withoutComments(emitted[kind]));
    }
  });

  it('asks for the aws provider like provider-aws resources do: cdktf validation fails without one', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'deputy-no-provider-'));
    try {
      const app = new cdktf.App({ outdir, stackTraces: false });
      new DeputyRoles(new cdktf.TerraformStack(app, 'roles'), 'deputy', { model: loadFixture('personalize-current-environment') });
      expect(() => app.synth()).toThrow(/without a matching provider construct[\s\S]*aws/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('shares a stack with another DeputyRoles: labels get suffixes, current data sources are declared once', () => {
    const model = hostileModel();
    let first: DeputyRoles | undefined;
    let second: DeputyRoles | undefined;
    const json = synthesizeStack(cdktf, (stack) => {
      first = new DeputyRoles(stack, 'first', { model });
      second = new DeputyRoles(stack, 'second', { model });
    }) as Synthesized;
    expect(Object.keys(json['resource']?.['aws_iam_role'] ?? {})).toEqual(['hostile', 'hostile_2']);
    expect(Object.keys(json['data'] ?? {}).sort()).toEqual(['aws_caller_identity', 'aws_partition', 'aws_region']);
    expect(Object.keys(json['data']?.['aws_caller_identity'] ?? {})).toEqual(['current']);
    expect(second?.elements.get('data.aws_caller_identity.current')).toBe(first?.elements.get('data.aws_caller_identity.current'));
    const policies = Object.values(json['resource']?.['aws_iam_role_policy'] ?? {}).map((body) => body['role']);
    expect(policies.sort()).toEqual(['${aws_iam_role.hostile.id}', '${aws_iam_role.hostile_2.id}'].sort());
    expect(Object.keys(json['output'] ?? {}).sort()).toEqual(
      ['hostile_2_arn', 'hostile_2_name', 'hostile_arn', 'hostile_document_json', 'hostile_document_json_2', 'hostile_name'],
    );
  });

  it('adds only the chosen roles and resource policies', () => {
    const model = loadFixture('resource-policies-every-attachment');
    const json = synthesizeStack(cdktf, (stack) => {
      new DeputyRoles(stack, 'deputy', { model, only: { resourcePolicies: ['alarm-topic'] } });
    }) as Synthesized;
    expect(Object.keys(json['resource'] ?? {})).toEqual(['aws_sns_topic_policy']);
    expect(json['output']).toBeUndefined();
  });

  it('names unknown roles and policies in a user error with suggestions', () => {
    const model = loadFixture('resource-policies-every-attachment');
    const build = () =>
      synthesizeStack(cdktf, (stack) => {
        new DeputyRoles(stack, 'deputy', { model, only: { roles: ['nobody'], resourcePolicies: ['alarm-topics'] } });
      });
    expect(build).toThrow(DeputyInputError);
    try {
      build();
    } catch (error) {
      const problems = (error as DeputyInputError).problems;
      expect(problems.map((problem) => problem.code)).toEqual(['unknown-selection', 'unknown-selection']);
      expect(problems[1]?.hint).toContain('"alarm-topic"');
    }
  });
});
