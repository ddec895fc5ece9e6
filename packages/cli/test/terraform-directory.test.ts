/**
 * `deputy emit` into one output directory gives Terraform one configuration per Terraform target: the
 * examples (four teams' definitions: `current`, parameters, every resource attachment) and the same
 * definitions with parameters and literal values mixed in, emitted to `hcl` and `tf-json`, pass
 * `terraform init`'s configuration loading offline, with the AWS provider pinned once in `deputy.tf` /
 * `deputy.tf.json`. Emitting one team's definition again keeps the directory one configuration.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { terraformForInit, terraformInit } from '../../terraform-plan/test/support/terraform-init.js';
import { deputy, temporaryDirectory } from './support/run-cli.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'definitions');
const TERRAFORM = terraformForInit('terraform init on the directories deputy emit writes');

function directoryFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((name) => !name.startsWith('.')).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

const EXTRA_TEAM = `version: 1
account: { parameter: AccountId }
region: us-east-1
partition: aws
roles:
  - name: extra-team-reader
    trustedServices:
      - service: personalize
`;

describe('deputy emit writes one Terraform configuration per directory', () => {
  for (const provider of ['6', '5']) {
    it.skipIf(!TERRAFORM)(`hcl and tf-json (provider ${provider})`, async () => {
      const dir = temporaryDirectory();
      cpSync(EXAMPLES, join(dir, 'definitions'), { recursive: true });
      writeFileSync(join(dir, 'definitions', 'extra-team.yaml'), EXTRA_TEAM);
      const result = await deputy(['emit', 'definitions', '--target', 'hcl,tf-json', '--out-dir', 'out', '--aws-provider-version', provider], dir);
      const definitions = readdirSync(join(dir, 'definitions')).length;
      expect(result.stderr).toMatch(new RegExp(`^deputy: ${definitions} definitions → out: ${2 * definitions + 2} written`, 'm'));
      for (const target of ['hcl', 'tf-json']) {
        const files = directoryFiles(join(dir, 'out', target));
        expect([...files.keys()].filter((name) => name.startsWith('deputy.'))).toEqual([target === 'hcl' ? 'deputy.tf' : 'deputy.tf.json']);
        const init = terraformInit(files);
        expect(init.configurationLoaded, `${target}:\n${init.output}`).toBe(true);
        expect(init.providerRequirement, target).toMatch(provider === '6' ? /~> 6\.0$/ : />= 5\.0(\.0)?, < 7\.0(\.0)?$/);
      }
    });
  }

  it.skipIf(!TERRAFORM)("emitting one team's definition into the shared directory keeps it one configuration", async () => {
    const dir = temporaryDirectory();
    cpSync(EXAMPLES, join(dir, 'definitions'), { recursive: true });
    expect((await deputy(['emit', 'definitions', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    const again = await deputy(['emit', 'definitions/personalize.yaml', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(again.code).toBe(0);
    const files = directoryFiles(join(dir, 'out', 'hcl'));
    expect(files.size).toBe(readdirSync(EXAMPLES).length + 1);
    const init = terraformInit(files);
    expect(init.configurationLoaded, init.output).toBe(true);
  });
});
