// Baseline for the CloudFormation benchmark: an AWS CDK app that synthesizes the same N Personalize roles
// (AWS::IAM::Role trusted by personalize.amazonaws.com with the confused-deputy conditions), each with one
// inline policy when `--inline` is given. CloudFormation's 500-resource limit, which the CDK enforces at
// synthesis, is lifted (`@aws-cdk/core:stackResourceLimit` = 0) so both sides write the same N roles.
// Usage: node aws-cdk-roles.mjs <count> <outdir> [--inline]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aws, Stack } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';

const count = Number(process.argv[2] ?? 100);
const outdir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'awscdk-bench-'));
const inline = process.argv.includes('--inline');
const app = new App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
const stack = new Stack(app, 'Roles');
for (let index = 0; index < count; index++) {
  new Role(stack, `PersonalizeRole${index}`, {
    roleName: `personalize-role-${index}`,
    assumedBy: new ServicePrincipal('personalize.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:personalize:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
      },
    }),
    ...(inline
      ? {
          inlinePolicies: {
            read: new PolicyDocument({
              statements: [new PolicyStatement({ actions: ['s3:GetObject', 's3:ListBucket'], resources: [`arn:aws:s3:::training-${index}`, `arn:aws:s3:::training-${index}/*`] })],
            }),
          },
        }
      : {}),
  });
}
app.synth();
