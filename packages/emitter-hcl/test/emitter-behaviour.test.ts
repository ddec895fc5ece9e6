/** What the emitter promises beyond the goldens: file shape, declarations, references, labels, templates. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_MARKER,
  interpolate,
  loadTemplateSet,
  reference,
  type DeputyModel,
  type Environment,
  type PolicyDocument,
} from '@deputy/policy-model';
import { defaultHclTemplates, emitHcl, PARAMETER_VALIDATION, UNICODE_NFC_COMMENT } from '../src/index.js';
import { variableName } from '../src/environment-references.js';
import { CURRENT_ENVIRONMENT, LITERAL_ENVIRONMENT, PARAMETER_ENVIRONMENT, personalizeModel, resourcePoliciesModel } from './support/hand-built-models.js';
import { requireTerraform, terraformEvaluate } from './support/index.js';

function documentModel(document: PolicyDocument, environment: Environment = CURRENT_ENVIRONMENT): DeputyModel {
  return { source: 'd.yaml', baseName: 'd', environment, roles: [], resourcePolicies: [{ name: 'doc', id: 'doc', attachment: { type: 'document' }, document, notices: [] }] };
}

function contentsOf(model: DeputyModel, options: Parameters<typeof emitHcl>[1] = {}): string {
  const files = emitHcl(model, options);
  expect(files).toHaveLength(1);
  return files[0]!.contents;
}

describe('the emitted file', () => {
  it('is one <baseName>.tf with a header naming the source, ending in one newline', () => {
    const files = emitHcl(personalizeModel());
    expect(files.map((file) => file.path)).toEqual(['personalize.tf']);
    const [first, second] = files[0]!.contents.split('\n');
    expect(first).toBe(`# This file was ${GENERATED_MARKER} — do not edit.`);
    expect(second).toBe('# Source: examples/personalize.yaml');
    expect(files[0]!.contents.endsWith('}\n')).toBe(true);
    expect(files[0]!.contents).not.toMatch(/\n\n\n|[ \t]\n/);
  });

  it('keeps a hostile source name on its comment line', () => {
    const contents = contentsOf({ ...personalizeModel(), source: 'a\nresource "x" "y" {}\u202e.yaml' });
    expect(contents.split('\n')[1]).toBe('# Source: a\\nresource "x" "y" {}\\u202E.yaml');
  });

  it('is deterministic and leaves the model untouched', () => {
    const model = resourcePoliciesModel(PARAMETER_ENVIRONMENT);
    const before = JSON.stringify(model);
    for (const style of ['jsonencode', 'policy-document'] as const) expect(contentsOf(model, { style })).toBe(contentsOf(model, { style }));
    expect(JSON.stringify(model)).toBe(before);
  });

  it('holds the header and the provider pin for an empty model, and only the header when the directory shares its declarations', () => {
    const empty = { source: 'e.yaml', baseName: 'e', environment: CURRENT_ENVIRONMENT, roles: [], resourcePolicies: [] };
    const header = `# This file was ${GENERATED_MARKER} — do not edit.\n# Source: e.yaml\n`;
    expect(contentsOf(empty)).toBe(
      `${header}\nterraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 6.0"\n    }\n  }\n}\n`,
    );
    expect(emitHcl(empty, { declarations: 'shared' })[0]?.contents).toBe(header);
  });
});

describe('current environment', () => {
  it('declares each data source once, before its first use, and only the ones used', () => {
    const contents = contentsOf(personalizeModel());
    for (const type of ['aws_caller_identity', 'aws_region', 'aws_partition']) {
      expect(contents.split(`data "${type}" "current" {}`)).toHaveLength(2);
      expect(contents.indexOf(`data "${type}" "current"`)).toBeLessThan(contents.indexOf(`data.${type}.current.`));
    }
    const partitionOnly = contentsOf(
      documentModel({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: interpolate(['arn:', reference('partition'), ':s3:::b/*']) }] }),
    );
    expect(partitionOnly).toContain('data "aws_partition" "current" {}');
    expect(partitionOnly).not.toMatch(/aws_caller_identity|aws_region/);
    expect(contentsOf(documentModel({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }))).not.toContain('data "aws_');
  });

  it('does not declare what only a Lambda statement Resource refers to, since that Resource is not printed', () => {
    const model: DeputyModel = {
      ...documentModel({ Version: '2012-10-17', Statement: [] }),
      resourcePolicies: [
        {
          name: 'invoke',
          id: 'invoke',
          attachment: { type: 'lambda-permission', functionName: 'fn' },
          document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: interpolate(['arn:aws:lambda:us-east-1:', reference('account'), ':function:fn']) }] },
          notices: [],
        },
      ],
    };
    expect(contentsOf(model)).not.toContain('aws_caller_identity');
  });

  it('reads the Region as .region for provider 6 (default) and .name for provider 5', () => {
    expect(contentsOf(personalizeModel())).toContain('${data.aws_region.current.region}');
    expect(contentsOf(personalizeModel(), { awsProviderMajorVersion: 5 })).toContain('${data.aws_region.current.name}');
    expect(contentsOf(personalizeModel(), { awsProviderMajorVersion: 5 })).not.toContain('aws_region.current.region');
  });

  it('writes a reference that is the whole value bare, and references inside text as a string template', () => {
    const contents = contentsOf(personalizeModel());
    expect(contents).toContain('"aws:SourceAccount" = data.aws_caller_identity.current.account_id\n');
    expect(contents).toContain(
      '"aws:SourceArn" = "arn:${data.aws_partition.current.partition}:personalize:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:*"',
    );
  });
});

describe('parameters and literals', () => {
  it('declares a validated string variable per parameter used', () => {
    const contents = contentsOf(personalizeModel(PARAMETER_ENVIRONMENT));
    expect(contents).toContain(
      [
        'variable "account_id" {',
        '  type        = string',
        '  description = "The AWS account the roles live in."',
        '',
        '  validation {',
        '    condition     = can(regex("^[0-9]{12}$", var.account_id))',
        '    error_message = "The account_id variable must be a 12-digit AWS account ID, such as 123456789012."',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(contents).toContain('"arn:${var.partition}:personalize:${var.region}:${var.account_id}:*"');
    expect(contents).not.toContain('data "aws_');
  });

  it('inlines literal fields as text', () => {
    const contents = contentsOf(personalizeModel(LITERAL_ENVIRONMENT));
    expect(contents).toContain('"aws:SourceArn" = "arn:aws:personalize:us-east-1:123456789012:*"');
    expect(contents).not.toMatch(/\bdata\.aws_|\bvar\./);
  });

  it('mixes the three kinds field by field', () => {
    const mixed: Environment = { account: LITERAL_ENVIRONMENT.account, region: CURRENT_ENVIRONMENT.region, partition: PARAMETER_ENVIRONMENT.partition };
    expect(contentsOf(personalizeModel(mixed))).toContain('"arn:${var.partition}:personalize:${data.aws_region.current.region}:123456789012:*"');
  });

  it('names variables Terraform accepts, in snake_case', () => {
    expect(['AccountId', 'account_id', 'Account Id', 'count', 'source', '9lives'].map(variableName)).toEqual([
      'account_id',
      'account_id',
      'account_id',
      'count_value',
      'source_value',
      '_9lives',
    ]);
  });

  const VALID = { account: ['123456789012', '000000000000'], region: ['us-east-1', 'us-gov-west-1', 'cn-north-1', 'eu-central-2', 'il-central-1', 'us-isob-east-1'], partition: ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso-b'] };
  const INVALID = { account: ['12345678901', '1234567890123', 'abcdefghijkl', ''], region: ['US-EAST-1', 'us-east', 'useast1', 'us_east_1', ''], partition: ['AWS', 'azure', 'aws-', ''] };

  it('validation patterns accept real values and reject malformed ones', () => {
    for (const field of ['account', 'region', 'partition'] as const) {
      const pattern = new RegExp(PARAMETER_VALIDATION[field].pattern);
      for (const value of VALID[field]) expect(pattern.test(value), `${field} ${value}`).toBe(true);
      for (const value of INVALID[field]) expect(pattern.test(value), `${field} ${value}`).toBe(false);
    }
  });

  it('terraform (RE2) agrees with the validation patterns', () => {
    if (!requireTerraform('checking validation patterns with terraform console')) return;
    const cases = (['account', 'region', 'partition'] as const).flatMap((field) => [
      ...VALID[field].map((value) => ({ field, value, valid: true })),
      ...INVALID[field].map((value) => ({ field, value, valid: false })),
    ]);
    const expression = `[${cases.map(({ field, value }) => `can(regex(${JSON.stringify(PARAMETER_VALIDATION[field].pattern)}, ${JSON.stringify(value)}))`).join(', ')}]`;
    expect(terraformEvaluate('', expression)).toEqual(cases.map(({ valid }) => valid));
  });
});

describe('comments', () => {
  it('prints role and policy notices above their resource', () => {
    const model = personalizeModel();
    const contents = contentsOf({ ...model, roles: [{ ...model.roles[0]!, notices: ['first notice', 'second\nnotice'] }] });
    expect(contents).toContain('# first notice\n# second\n# notice\nresource "aws_iam_role" "personalize_role" {');
  });

  it('flags blocks whose text Terraform will normalise to NFC', () => {
    const contents = contentsOf(documentModel({ Version: '2012-10-17', Statement: [{ Sid: 'Cafe\u0301', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, LITERAL_ENVIRONMENT));
    expect(contents).toContain(`# ${UNICODE_NFC_COMMENT.slice(0, 60)}`);
    expect(contentsOf(documentModel({ Version: '2012-10-17', Statement: [{ Sid: 'Caf\u00e9', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }))).not.toContain('NFC');
    for (const long of ['\u0301'.repeat(31), '\uffc2'.repeat(31)]) {
      expect(contentsOf(documentModel({ Version: '2012-10-17', Statement: [{ Sid: long, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }))).toContain('NFC');
    }
    expect(contentsOf(documentModel({ Version: '2012-10-17', Statement: [{ Sid: '\u0301'.repeat(30), Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }))).not.toContain('NFC');
  });

  it('explains ArnEquals on a Lambda permission', () => {
    const contents = contentsOf(resourcePoliciesModel());
    expect(contents).toContain('# The definition compares aws:SourceArn with ArnEquals; AWS stores source_arn as ArnLike, which\n# matches identically.\nresource "aws_lambda_permission" "invoke_from_s3_2" {');
  });
});

describe('templates', () => {
  it('uses the packaged templates by default', () => {
    expect([...defaultHclTemplates().sources.keys()].sort()).toEqual(['block.tf.hbs', 'file.tf.hbs']);
  });

  it('lets an override replace the file layout while values stay printed by code', () => {
    const overrideDir = mkdtempSync(join(tmpdir(), 'deputy-hcl-templates-'));
    mkdirSync(join(overrideDir, 'hcl'));
    writeFileSync(join(overrideDir, 'hcl', 'file.tf.hbs'), '# Managed by the platform team ({{source}}); generated by deputy — do not edit.\n{{#each blocks}}\n\n{{this}}\n{{/each}}\n');
    const templates = loadTemplateSet('hcl', join(import.meta.dirname, '..', '..', '..', 'templates', 'hcl'), overrideDir);
    const contents = contentsOf(personalizeModel(), { templates });
    expect(contents.split('\n')[0]).toBe('# Managed by the platform team (examples/personalize.yaml); generated by deputy — do not edit.');
    expect(contents.slice(contents.indexOf('\n\n'))).toBe(contentsOf(personalizeModel()).slice(contentsOf(personalizeModel()).indexOf('\n\n')));
  });
});
