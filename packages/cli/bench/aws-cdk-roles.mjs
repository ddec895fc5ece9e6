// Baseline for the CloudFormation benchmark: an AWS CDK app that synthesizes the same N Personalize roles
// (AWS::IAM::Role trusted by personalize.amazonaws.com with the confused-deputy conditions).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aws, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';

const count = Number(process.argv[2] ?? 100);
const outdir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'awscdk-bench-'));
const app = new App({ outdir });
const stack = new Stack(app, 'Roles');
for (let index = 0; index < count; index++) {
  new Role(stack, `PersonalizeRole${index}`, {
    roleName: `personalize-role-${index}`,
    assumedBy: new ServicePrincipal('personalize.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        StringLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:personalize:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
      },
    }),
  });
}
app.synth();
