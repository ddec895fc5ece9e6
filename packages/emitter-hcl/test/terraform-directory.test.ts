/**
 * A Terraform directory is one configuration: every fixture emitted into one directory (each definition's
 * `.tf` plus one `deputy.tf`) passes `terraform init`'s configuration loading offline and pins the AWS
 * provider; the same definitions each carrying their own declarations do not (the check is not vacuous);
 * two definitions meeting at one address are refused before any file exists.
 */
import { DeputyInputError, loadDefinitionText, type DeputyModel } from '@deputy/policy-model';
import { variableName } from '@deputy/terraform-plan';
import { describe, expect, it } from 'vitest';
import { directoryModel, directoryModels } from '../../terraform-plan/test/support/directory-models.js';
import { terraformForInit, terraformInit } from '../../terraform-plan/test/support/terraform-init.js';
import { emitHcl, emitHclDirectory, HCL_DECLARATIONS_PATH, type HclPolicyStyle } from '../src/index.js';

const TERRAFORM = terraformForInit('terraform init on a directory of emitted .tf files');

function asFiles(files: readonly { path: string; contents: string }[]): Map<string, string> {
  return new Map(files.map((file) => [file.path, file.contents]));
}

describe('a directory of HCL definitions', () => {
  const models = directoryModels();

  it('holds each definition and one deputy.tf declaring the provider, each data source and each variable once', () => {
    const files = emitHclDirectory(models);
    expect(files.map((file) => file.path)).toEqual([...models.map((model) => `${model.baseName}.tf`), HCL_DECLARATIONS_PATH]);
    const shared = files.at(-1)?.contents ?? '';
    expect(shared.match(/^terraform \{$/gm)).toHaveLength(1);
    expect(shared).toContain('version = "~> 6.0"');
    for (const source of ['aws_caller_identity', 'aws_region', 'aws_partition']) expect(shared.match(new RegExp(`^data "${source}" "current" \\{\\}$`, 'gm'))).toHaveLength(1);
    expect(shared.match(new RegExp(`^variable "${variableName('TargetAccountId')}" \\{$`, 'gm'))).toHaveLength(1);
    for (const file of files.slice(0, -1)) expect(file.contents, file.path).not.toMatch(/^(terraform|variable|data "aws_(caller_identity|region|partition)")/m);
  });

  for (const [style, version] of [['jsonencode', 6], ['policy-document', 5]] as const satisfies readonly (readonly [HclPolicyStyle, 5 | 6])[]) {
    it.skipIf(!TERRAFORM)(`passes terraform init configuration loading (${style}, provider ${version})`, () => {
      const result = terraformInit(asFiles(emitHclDirectory(models, { style, awsProviderMajorVersion: version })));
      expect(result.configurationLoaded, result.output).toBe(true);
      expect(result.providerRequirement).toMatch(version === 6 ? /^hashicorp\/aws ~> 6\.0$/ : /^hashicorp\/aws >= 5\.0(\.0)?, < 7\.0(\.0)?$/);
    });
  }

  it.skipIf(!TERRAFORM)('fails configuration loading when each file declares its own data sources (the check sees duplicates)', () => {
    const result = terraformInit(asFiles(models.flatMap((model) => emitHcl(model))));
    expect(result.configurationLoaded).toBe(false);
    expect(result.output).toMatch(/Duplicate (data|variable|required providers|terraform)/);
  });

  it('refuses two definitions whose roles meet at one address, naming both', () => {
    const named = (source: string, roleName: string): DeputyModel => {
      const model = directoryModel('personalize-current-environment');
      return { ...model, source, baseName: source.replace('.yaml', ''), roles: model.roles.map((role) => ({ ...role, name: roleName, id: roleName })) };
    };
    const attempt = () => emitHclDirectory([named('a.yaml', 'ml-x'), named('b.yaml', 'ml_x')]);
    expect(attempt).toThrow(DeputyInputError);
    expect(attempt).toThrow(/Terraform address aws_iam_role\.ml_x is declared by both a\.yaml and b\.yaml/);
  });

  it('refuses two definitions whose policy-document data sources meet at one address, naming both', () => {
    // Role ml's trust document and bucket policy ml-assume-role both become data.aws_iam_policy_document.ml_assume_role.
    const a = loadDefinitionText('roles:\n  - name: ml\n    trustedServices: [{ service: personalize }]\n', 'a.yaml');
    const b = loadDefinitionText('resourcePolicies:\n  - name: ml-assume-role\n    attachTo: { s3Bucket: shared-trail-logs }\n    grants: [{ service: cloudtrail, actions: ["s3:PutObject"] }]\n', 'b.yaml');
    expect(() => emitHclDirectory([a, b])).not.toThrow();
    const attempt = () => emitHclDirectory([a, b], { style: 'policy-document' });
    expect(attempt).toThrow(DeputyInputError);
    expect(attempt).toThrow(/Terraform address data\.aws_iam_policy_document\.ml_assume_role is declared by both a\.yaml and b\.yaml/);
  });
});
