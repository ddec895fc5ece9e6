// Baseline for the Terraform benchmark: a plain cdktf app that synthesizes the same N Personalize roles
// (aws_iam_role with a jsonencode'd trust policy and its confused-deputy conditions) with raw TerraformResource,
// each with one inline policy (aws_iam_role_policy, jsonencode'd) when `--inline` is given.
// Usage: node cdktf-roles.mjs <count> <outdir> [--inline]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Fn, TerraformResource, TerraformStack, TerraformDataSource } from 'cdktf';

const count = Number(process.argv[2] ?? 100);
const outdir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'cdktf-bench-'));
const inline = process.argv.includes('--inline');
const app = new App({ outdir, skipValidation: true });
const stack = new TerraformStack(app, 'roles');
const aws = { providerName: 'aws' };
const account = new TerraformDataSource(stack, 'account', { terraformResourceType: 'aws_caller_identity', terraformGeneratorMetadata: aws });
const region = new TerraformDataSource(stack, 'region', { terraformResourceType: 'aws_region', terraformGeneratorMetadata: aws });
const partition = new TerraformDataSource(stack, 'partition', { terraformResourceType: 'aws_partition', terraformGeneratorMetadata: aws });
for (let index = 0; index < count; index++) {
  const role = new TerraformResource(stack, `role_${index}`, { terraformResourceType: 'aws_iam_role', terraformGeneratorMetadata: aws });
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
            ArnLike: { 'aws:SourceArn': `arn:${partition.getStringAttribute('partition')}:personalize:${region.getStringAttribute('region')}:${account.getStringAttribute('account_id')}:*` },
          },
        },
      ],
    }),
  );
  if (!inline) continue;
  const policy = new TerraformResource(stack, `role_${index}_read`, { terraformResourceType: 'aws_iam_role_policy', terraformGeneratorMetadata: aws });
  policy.addOverride('name', 'read');
  policy.addOverride('role', role.getStringAttribute('id'));
  policy.addOverride(
    'policy',
    Fn.jsonencode({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [`arn:aws:s3:::training-${index}`, `arn:aws:s3:::training-${index}/*`] }],
    }),
  );
}
app.synth();
