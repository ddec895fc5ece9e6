/** Full `App.synth()` of a stack into a temporary directory, as a cdktf user's app runs it, read back as JSON. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as cdktf from 'cdktf';
import type * as cdktn from 'cdktn';

/** cdktf or cdktn (cdktn keeps cdktf's API; their class types differ only in private members). */
export type TestCdk = typeof cdktf | typeof cdktn;

/**
 * Builds an app with one stack holding a raw `hashicorp/aws` provider (so cdktf's validation, which wants
 * a provider for every resource, runs and passes), lets `build` add constructs, synthesizes, and returns
 * the stack's `cdk.tf.json`.
 */
export function synthesizeStack(module: TestCdk, build: (stack: cdktf.TerraformStack) => void): { [key: string]: unknown } {
  const outdir = mkdtempSync(join(tmpdir(), 'deputy-synth-'));
  const cdk = module as typeof cdktf;
  try {
    const app = new cdk.App({ outdir, stackTraces: false });
    const stack = new cdk.TerraformStack(app, 'roles');
    new (awsProviderClass(cdk))(stack, 'aws');
    build(stack);
    app.synth();
    return JSON.parse(readFileSync(join(outdir, 'stacks', 'roles', 'cdk.tf.json'), 'utf8')) as { [key: string]: unknown };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function awsProviderClass(cdk: typeof cdktf) {
  return class AwsProvider extends cdk.TerraformProvider {
    constructor(scope: cdktf.TerraformStack, id: string) {
      super(scope, id, {
        terraformResourceType: 'aws',
        terraformGeneratorMetadata: { providerName: 'aws', providerVersionConstraint: '~> 6.0' },
        terraformProviderSource: 'hashicorp/aws',
      });
    }

    protected override synthesizeAttributes(): { [name: string]: unknown } {
      return { region: 'us-east-1' };
    }
  };
}
