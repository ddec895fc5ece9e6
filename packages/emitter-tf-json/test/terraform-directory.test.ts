/**
 * A Terraform directory is one configuration: every fixture emitted into one directory (each definition's
 * `.tf.json` plus one `deputy.tf.json`) passes `terraform init`'s configuration loading offline and pins the AWS
 * provider; the same definitions each carrying their own declarations do not (the check is not vacuous);
 * two definitions meeting at one address are refused before any file exists.
 */
import { DeputyInputError, type DeputyModel } from '@deputy/policy-model';
import { variableName } from '@deputy/terraform-plan';
import { describe, expect, it } from 'vitest';
import { directoryModel, directoryModels } from '../../terraform-plan/test/support/directory-models.js';
import { terraformForInit, terraformInit } from '../../terraform-plan/test/support/terraform-init.js';
import { emitTerraformJson, emitTerraformJsonDirectory, TF_JSON_DECLARATIONS_PATH } from '../src/index.js';

const TERRAFORM = terraformForInit('terraform init on a directory of emitted .tf.json files');

function asFiles(files: readonly { path: string; contents: string }[]): Map<string, string> {
  return new Map(files.map((file) => [file.path, file.contents]));
}

describe('a directory of Terraform JSON definitions', () => {
  const models = directoryModels();

  it('holds each definition and one deputy.tf.json declaring the provider, each data source and each variable once', () => {
    const files = emitTerraformJsonDirectory(models);
    expect(files.map((file) => file.path)).toEqual([...models.map((model) => `${model.baseName}.tf.json`), TF_JSON_DECLARATIONS_PATH]);
    const shared = JSON.parse(files.at(-1)?.contents ?? '{}') as { [key: string]: { [key: string]: unknown } };
    expect(shared['terraform']).toEqual({ required_providers: { aws: { source: 'hashicorp/aws', version: '~> 6.0' } } });
    expect(Object.keys(shared['data'] ?? {}).sort()).toEqual(['aws_caller_identity', 'aws_partition', 'aws_region']);
    expect(Object.keys(shared['variable'] ?? {})).toContain(variableName('TargetAccountId'));
    for (const file of files.slice(0, -1)) {
      const keys = Object.keys(JSON.parse(file.contents) as object);
      expect(keys.filter((key) => ['terraform', 'variable', 'data'].includes(key)), file.path).toEqual([]);
    }
  });

  for (const version of [6, 5] as const) {
    it.skipIf(!TERRAFORM)(`passes terraform init configuration loading (provider ${version})`, () => {
      const result = terraformInit(asFiles(emitTerraformJsonDirectory(models, { awsProviderMajorVersion: version })));
      expect(result.configurationLoaded, result.output).toBe(true);
      expect(result.providerRequirement).toMatch(version === 6 ? /^hashicorp\/aws ~> 6\.0$/ : /^hashicorp\/aws >= 5\.0(\.0)?, < 7\.0(\.0)?$/);
    });
  }

  it.skipIf(!TERRAFORM)('fails configuration loading when each file declares its own data sources (the check sees duplicates)', () => {
    const result = terraformInit(asFiles(models.flatMap((model) => emitTerraformJson(model))));
    expect(result.configurationLoaded).toBe(false);
    expect(result.output).toMatch(/Duplicate (data|variable|required providers|terraform)/);
  });

  it('refuses two definitions whose roles meet at one address, naming both', () => {
    const named = (source: string, roleName: string): DeputyModel => {
      const model = directoryModel('personalize-current-environment');
      return { ...model, source, baseName: source.replace('.yaml', ''), roles: model.roles.map((role) => ({ ...role, name: roleName, id: roleName })) };
    };
    const attempt = () => emitTerraformJsonDirectory([named('a.yaml', 'ml-x'), named('b.yaml', 'ml_x')]);
    expect(attempt).toThrow(DeputyInputError);
    expect(attempt).toThrow(/Terraform address aws_iam_role\.ml_x is declared by both a\.yaml and b\.yaml/);
  });
});
