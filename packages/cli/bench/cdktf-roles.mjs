// Baseline for the Terraform benchmark: a plain cdktf app that synthesizes the same N Personalize roles
// (aws_iam_role with a jsonencode'd trust policy and its confused-deputy conditions) with raw TerraformResource.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Fn, TerraformResource, TerraformStack, TerraformDataSource } from 'cdktf';

const count = Number(process.argv[2] ?? 100);
const outdir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'cdktf-bench-'));
const app = new App({ outdir, skipValidation: true });
const stack = new TerraformStack(app, 'roles');
const provider = { terraformResourceType: 'aws', fqn: 'aws', tfResourceType: 'aws' };
const account = new TerraformDataSource(stack, 'account', { terraformResourceType: 'aws_caller_identity', terraformGeneratorMetadata: { providerName: 'aws' } });
const region = new TerraformDataSource(stack, 'region', { terraformResourceType: 'aws_region', terraformGeneratorMetadata: { providerName: 'aws' } });
const partition = new TerraformDataSource(stack, 'partition', { terraformResourceType: 'aws_partition', terraformGeneratorMetadata: { providerName: 'aws' } });
void provider;
for (let index = 0; index < count; index++) {
  const role = new TerraformResource(stack, `role_${index}`, { terraformResourceType: 'aws_iam_role', terraformGeneratorMetadata: { providerName: 'aws' } });
  role.addOverride('name', `personalize-role-${index}`);
  role.addOverride(
    'assume_role_policy',
    Fn.jsonencode({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'personalize.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': account.getStringAttribute('account_id') },
            StringLike: { 'aws:SourceArn': `arn:${partition.getStringAttribute('partition')}:personalize:${region.getStringAttribute('name')}:${account.getStringAttribute('account_id')}:*` },
          },
        },
      ],
    }),
  );
}
app.synth();
