/**
 * Many teams, one repository: definitions are checked against each other before anything is written, output
 * does not depend on the working directory, and a run touches only the files of the definitions it was given.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deputy, temporaryDirectory } from './support/run-cli.js';

const trusted = '    trustedServices:\n      - service: personalize\n';
const roleDefinition = (...names: string[]) => `version: 1\nroles:\n${names.map((name) => `  - name: ${name}\n${trusted}`).join('')}`;

/** A repository with teams/<team>/<file> definitions. */
function repository(files: Record<string, string>): string {
  const dir = temporaryDirectory();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function listed(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('checks across definitions', () => {
  it('refuses one role name in two definitions, naming both places, and writes nothing', async () => {
    const dir = repository({ 'teams/a/ml.yaml': roleDefinition('ml-x'), 'teams/b/ml.yaml': roleDefinition('ok', 'ml-x'), 'teams/c/ml.yaml': roleDefinition('ml-x') });
    const result = await deputy(['emit', 'teams', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: teams/b/ml.yaml:6:11: role "ml-x" is defined twice in definitions emitted together (also defined at teams/a/ml.yaml:3:11)\n' +
        'error: teams/c/ml.yaml:3:11: role "ml-x" is defined twice in definitions emitted together (also defined at teams/a/ml.yaml:3:11)\n',
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('allows one role name in two different literal accounts, except in one Terraform configuration', async () => {
    const inAccount = (account: string) => `account: "${account}"\n${roleDefinition('ml-x')}`;
    const dir = repository({ 'a.yaml': inAccount('111111111111'), 'b.yaml': inAccount('222222222222') });
    const result = await deputy(['emit', 'a.yaml', 'b.yaml', '--target', 'cfn', '--out-dir', 'out'], dir);
    expect(result.stderr).toBe('deputy: 2 definitions → out: 2 written, 0 unchanged, 0 removed\n');
    expect(result.code).toBe(0);
    const terraform = await deputy(['emit', 'a.yaml', 'b.yaml', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(terraform.code).toBe(2);
    expect(terraform.stderr).toContain('error: b.yaml: Terraform address aws_iam_role.ml_x is declared by both a.yaml and b.yaml');
    expect(existsSync(join(dir, 'out/hcl'))).toBe(false);
  });

  it('names Terraform address collisions by the files as given, across runs into one directory', async () => {
    const dir = repository({ 'teams/a/a.yaml': roleDefinition('ml-x'), 'teams/b/b.yaml': roleDefinition('ml_x') });
    expect((await deputy(['emit', 'teams/a', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    const result = await deputy(['emit', 'teams/b', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'error: teams/b/b.yaml: Terraform address aws_iam_role.ml_x is declared by both teams/a/a.yaml and teams/b/b.yaml (definitions written to one directory form one Terraform configuration: rename the role or policy in one of them (labels are the names in snake_case), or emit them into different --out-dir directories)',
    );
    expect(existsSync(join(dir, 'out/hcl/b.tf'))).toBe(false);
  });

  it('refuses two resource policies on one bucket, and one resource policy name twice', async () => {
    const bucketPolicy = (name: string) =>
      `version: 1\nresourcePolicies:\n  - name: ${name}\n    attachTo: { s3Bucket: "logs-{{account}}" }\n    document: { Version: "2012-10-17", Statement: [{ Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }\n`;
    const dir = repository({ 'a.yaml': bucketPolicy('tls-only'), 'b.yaml': bucketPolicy('tls-only') });
    const result = await deputy(['emit', '.', '--target', 'cfn', '--out-dir', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: b.yaml:3:11: resource policy "tls-only" is defined twice in definitions emitted together (also defined at a.yaml:3:11)\n' +
        'error: b.yaml:4:15: a policy on S3 bucket logs-{{account}} is defined twice in definitions emitted together (also defined at a.yaml:4:15)\n',
    );
  });
});

describe('output that does not depend on the working directory', () => {
  it('writes Source headers relative to the definitions root, and check agrees from another directory', async () => {
    const dir = repository({ 'teams/a/ml.yaml': roleDefinition('ml-a'), 'elsewhere/.keep': '' });
    const emitted = await deputy(['emit', 'teams', '--target', 'hcl,cfn', '--out-dir', 'generated'], dir);
    expect(emitted.code).toBe(0);
    expect(readFileSync(join(dir, 'generated/hcl/ml.tf'), 'utf8')).toContain('# Source: a/ml.yaml\n');
    const fromElsewhere = await deputy(['check', '../teams', '--target', 'hcl,cfn', '--out-dir', '../generated'], join(dir, 'elsewhere'));
    expect(fromElsewhere.stdout).toBe('');
    expect(fromElsewhere.code).toBe(0);
    const fromTeam = await deputy(['emit', 'ml.yaml', '--target', 'hcl', '--out-dir', '../../generated2'], join(dir, 'teams/a'));
    expect(fromTeam.code).toBe(0);
    expect(readFileSync(join(dir, 'generated2/hcl/ml.tf'), 'utf8')).toContain('# Source: ml.yaml\n');
  });

  it('check --diff prints a unified diff from what is on disk to what deputy would write', async () => {
    const dir = repository({ 'ml.yaml': roleDefinition('ml-a') });
    expect((await deputy(['emit', 'ml.yaml', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    const path = join(dir, 'out/hcl/ml.tf');
    writeFileSync(path, readFileSync(path, 'utf8').replace('name = "ml-a"', 'name = "ml-b"'));
    const result = await deputy(['check', 'ml.yaml', '--target', 'hcl', '--out-dir', 'out', '--diff'], dir);
    expect(result.code).toBe(1);
    const [first, second, third, hunk, ...body] = result.stdout.split('\n');
    expect([first, second, third]).toEqual(['edited: out/hcl/ml.tf', '--- a/out/hcl/ml.tf', '+++ b/out/hcl/ml.tf']);
    expect(hunk).toMatch(/^@@ -\d+,7 \+\d+,7 @@$/);
    expect(body.filter((line) => line.startsWith('-') || line.startsWith('+'))).toEqual(['-  name = "ml-b"', '+  name = "ml-a"']);
  });
});

describe('partial runs into a shared output directory', () => {
  it("emitting one team's definitions keeps the other teams' files, and prunes only its own", async () => {
    const dir = repository({ 'teams/a/a.yaml': roleDefinition('ml-a'), 'teams/a/old.yaml': roleDefinition('old-a'), 'teams/b/b.yaml': roleDefinition('ml-b') });
    const emit = (input: string) => deputy(['emit', input, '--target', 'hcl,tf-json', '--out-dir', 'out'], dir);
    expect((await emit('teams/a')).code).toBe(0);
    expect((await emit('teams/b')).code).toBe(0);
    expect(listed(join(dir, 'out/hcl'))).toEqual(['.deputy-manifest.json', 'a.tf', 'b.tf', 'deputy.tf', 'old.tf']);
    rmSync(join(dir, 'teams/a/old.yaml'));
    const again = await emit('teams/a');
    expect(again.stderr).toBe('deputy: 1 definition → out: 0 written, 4 unchanged, 2 removed\n');
    expect(listed(join(dir, 'out/hcl'))).toEqual(['.deputy-manifest.json', 'a.tf', 'b.tf', 'deputy.tf']);
    expect(listed(join(dir, 'out/tf-json'))).toEqual(['.deputy-manifest.json', 'a.tf.json', 'b.tf.json', 'deputy.tf.json']);
    expect((await deputy(['check', 'teams/b', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/hcl/.deputy-manifest.json'), 'utf8'));
    expect(manifest.version).toBe(2);
    expect(manifest.files['b.tf'].source).toBe('../../teams/b/b.yaml');
  });

  it("keeps the variables other teams' files use in the shared deputy.tf, and checks a run against the definitions already there", async () => {
    const parameterised = `version: 1\naccount: { parameter: WorkloadAccountId }\nroles:\n  - name: ml-a\n${trusted}`;
    const dir = repository({ 'teams/a/a.yaml': parameterised, 'teams/b/b.yaml': roleDefinition('ml-b') });
    expect((await deputy(['emit', 'teams/a', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    expect((await deputy(['emit', 'teams/b', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'out/hcl/deputy.tf'), 'utf8')).toContain('variable "workload_account_id" {');
    expect((await deputy(['check', 'teams/a', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'teams/b/c.yaml'), roleDefinition('ml-a'));
    const clash = await deputy(['emit', 'teams/b', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(clash.stderr).toBe('error: teams/b/c.yaml:3:11: role "ml-a" is defined twice, here and in a definition whose output is already in the output directory (also defined at teams/a/a.yaml:4:11)\n');
    expect(clash.code).toBe(2);
    expect(existsSync(join(dir, 'out/hcl/c.tf'))).toBe(false);
  });

  it('warns when a definition already in the output directory does not load with this run\'s values', async () => {
    const needsTeam = `version: 1\nplaceholders: { team: { type: string } }\nroles:\n  - name: "{{team}}-a"\n${trusted}`;
    const dir = repository({ 'teams/a/a.yaml': needsTeam, 'teams/b/b.yaml': roleDefinition('ml-b') });
    expect((await deputy(['emit', 'teams/a', '--target', 'cfn', '--out-dir', 'out', '--set', 'team=ml'], dir)).code).toBe(0);
    const result = await deputy(['emit', 'teams/b', '--target', 'cfn', '--out-dir', 'out'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: teams/a/a.yaml: its outputs share the output directory, but it does not load with this run's values (placeholder {{team}} has no value)");
  });

  it("refuses to overwrite another definition's output of the same name, unless --force", async () => {
    const dir = repository({ 'teams/a/main.yaml': roleDefinition('ml-a'), 'teams/b/main.yaml': roleDefinition('ml-b') });
    expect((await deputy(['emit', 'teams/a', '--target', 'hcl', '--out-dir', 'out'], dir)).code).toBe(0);
    const refused = await deputy(['emit', 'teams/b', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: out/hcl/main.tf: teams/b/main.yaml would overwrite the output of teams/a/main.yaml (rename one of the definition files, emit into another --out-dir, or pass --force to take the file over)\n');
    expect(readFileSync(join(dir, 'out/hcl/main.tf'), 'utf8')).toContain('"ml-a"');
    const check = await deputy(['check', 'teams/b', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(check.stdout).toBe('other-definition: out/hcl/main.tf\n');
    expect(check.code).toBe(1);
  });

  it('reads a version 1 manifest (hashes only) and keeps its entries unless this run produces them', async () => {
    const dir = repository({ 'a.yaml': roleDefinition('ml-a') });
    mkdirSync(join(dir, 'out/hcl'), { recursive: true });
    writeFileSync(join(dir, 'out/hcl/legacy.tf'), '# generated by deputy\n');
    writeFileSync(join(dir, 'out/hcl/.deputy-manifest.json'), JSON.stringify({ version: 1, files: { 'legacy.tf': 'ab'.repeat(32) } }));
    const result = await deputy(['emit', 'a.yaml', '--target', 'hcl', '--out-dir', 'out'], dir);
    expect(result.code).toBe(0);
    expect(listed(join(dir, 'out/hcl'))).toEqual(['.deputy-manifest.json', 'a.tf', 'deputy.tf', 'legacy.tf']);
    expect(JSON.parse(readFileSync(join(dir, 'out/hcl/.deputy-manifest.json'), 'utf8')).files['legacy.tf']).toEqual({ sha256: 'ab'.repeat(32) });
  });
});

describe('values per target and per environment', () => {
  const currentDefinition = roleDefinition('ml-a');

  it('the default --target all works with current: json is left out with a warning until it has literals', async () => {
    const dir = repository({ 'ml.yaml': currentDefinition });
    const result = await deputy(['emit', 'ml.yaml', '--out-dir', 'out'], dir);
    expect(result.stderr).toBe(
      'warning: json not written: ml.yaml refers to the deploying account, Region or partition, which raw JSON cannot; give literals with --set json:account=123456789012 --set json:region=us-east-1 --set json:partition=aws, a json: section of an --env-file, or an environment (--env), or pass --target explicitly\n' +
        'deputy: 1 definition → out: 5 written, 0 unchanged, 0 removed\n',
    );
    expect(result.code).toBe(0);
    expect(listed(join(dir, 'out'))).not.toContain('json');
    const check = await deputy(['check', 'ml.yaml', '--out-dir', 'out'], dir);
    expect(check.code).toBe(0);
  });

  it('--target all works with current: --set json:… gives literals to json alone; Terraform keeps data sources', async () => {
    const dir = repository({ 'ml.yaml': currentDefinition });
    const refused = await deputy(['emit', 'ml.yaml', '--out-dir', 'out', '--target', 'all'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--set json:account=123456789012');
    const result = await deputy(['emit', 'ml.yaml', '--out-dir', 'out', '--set', 'json:account=000000000001', '--set', 'json:region=eu-west-1', '--set', 'json:partition=aws'], dir);
    expect(result.stderr).toBe('deputy: 1 definition → out: 6 written, 0 unchanged, 0 removed\n');
    expect(readFileSync(join(dir, 'out/json/ml/ml-a.trust-policy.json'), 'utf8')).toContain('"arn:aws:personalize:eu-west-1:000000000001:*"');
    const hcl = readFileSync(join(dir, 'out/hcl/ml.tf'), 'utf8');
    expect(hcl).toContain('data.aws_caller_identity.current.account_id');
    expect(hcl).not.toContain('000000000001');
    expect(readFileSync(join(dir, 'out/cfn/ml.yaml'), 'utf8')).toContain('AWS::AccountId');
  });

  it('refuses a --set scoped to a target the run does not emit', async () => {
    const dir = repository({ 'ml.yaml': currentDefinition });
    const result = await deputy(['emit', 'ml.yaml', '--target', 'hcl', '--out-dir', 'out', '--set', 'json:account=000000000001'], dir);
    expect(result.stderr).toBe('error: --set: --set json:account=000000000001 is scoped to json, which this run does not emit (scope it to one of hcl, or drop the json: prefix)\n');
    expect(result.code).toBe(2);
  });

  it('takes account, Region and placeholder values from the environment chosen with --env', async () => {
    const definition = [
      'version: 1',
      'placeholders:',
      '  env: { type: string, pattern: "^(dev|prod)$", default: dev }',
      '  team: { type: string }',
      'environments:',
      '  prod: { account: "000000000002", region: eu-west-1, partition: aws, values: { env: prod, team: ml } }',
      'roles:',
      '  - name: "{{team}}-{{env}}-reader"',
      '    tags: { env: "{{env}}" }',
      trusted,
    ].join('\n');
    const dir = repository({ 'ml.yaml': definition });
    const prod = await deputy(['emit', 'ml.yaml', '--env', 'prod', '--target', 'json', '--out-dir', 'prod'], dir);
    expect(prod.code).toBe(0);
    expect(readFileSync(join(dir, 'prod/json/ml/ml-prod-reader.trust-policy.json'), 'utf8')).toContain('"arn:aws:personalize:eu-west-1:000000000002:*"');
    const missing = await deputy(['emit', 'ml.yaml', '--target', 'hcl', '--out-dir', 'dev'], dir);
    expect(missing.stderr).toBe(
      'error: ml.yaml:8:11: placeholder {{team}} has no value at roles[0].name (give --set team=…, values.team in an --env-file, a value under environments.<name>.values.team with --env <name>, or placeholders.team.default)\n',
    );
    const dev = await deputy(['emit', 'ml.yaml', '--target', 'hcl', '--out-dir', 'dev', '--set', 'team=data'], dir);
    expect(dev.code).toBe(0);
    expect(readFileSync(join(dir, 'dev/hcl/ml.tf'), 'utf8')).toContain('name = "data-dev-reader"');
    const badValue = await deputy(['emit', 'ml.yaml', '--target', 'hcl', '--out-dir', 'dev', '--set', 'team=data', '--set', 'env=qa'], dir);
    expect(badValue.stderr).toBe('error: --set env: value "qa" of placeholder {{env}} does not match ^(dev|prod)$ (fix --set env)\n');
    const unknownEnvironment = await deputy(['emit', 'ml.yaml', '--env', 'prd', '--target', 'hcl', '--out-dir', 'x'], dir);
    expect(unknownEnvironment.stderr).toBe('error: ml.yaml:5:1: no environment "prd" at environments (did you mean "prod"?)\n');
  });
});
