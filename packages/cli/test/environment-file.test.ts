/**
 * `--env-file`: an `environments:` entry in a file, for emit, check, snippet and verify, run through the built
 * binary. Precedence `--set` > `--env-file` > `--env` > placeholder default; bad files are reported at
 * `file:line:column` with exit 2, nothing on stdout and nothing written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deputy, deputyProcess, temporaryDirectory } from './support/run-cli.js';

const DEFINITION = `version: 1
placeholders:
  env: { type: string, pattern: "^(dev|prod)$", default: dev }
  team: { type: string, description: the owning team }
  shard: { type: integer, default: 1 }
environments:
  prod: { account: "111111111111", region: eu-west-1, partition: aws, values: { env: prod, team: envteam } }
roles:
  - name: "{{team}}-{{env}}-{{shard}}"
    trustedServices:
      - service: personalize
`;

/** A directory holding `team.yaml` and the given files. */
function workspace(files: Record<string, string> = {}, definition = DEFINITION): string {
  const dir = temporaryDirectory();
  writeFileSync(join(dir, 'team.yaml'), definition);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The role file emit wrote for json, and the account its trust policy names. */
function jsonRole(dir: string): { role: string; account: string } {
  const [file] = readdirSync(join(dir, 'out', 'json', 'team'));
  const policy = JSON.parse(readFileSync(join(dir, 'out', 'json', 'team', file!), 'utf8')) as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
  return { role: file!.replace('.trust-policy.json', ''), account: policy.Statement[0]!.Condition.StringEquals['aws:SourceAccount']! };
}

function emitJson(dir: string, ...flags: string[]) {
  return deputyProcess(['emit', 'team.yaml', '--target', 'json', '--out-dir', 'out', ...flags], { cwd: dir });
}

describe('--env-file precedence: --set > --env-file > --env > placeholder default', () => {
  const FILE = 'account: "222222222222"\nvalues:\n  team: fileteam\n  shard: 2\n';
  const cases: [string, string[], { role: string; account: string }][] = [
    ['defaults and --set alone', ['--set', 'team=setteam', '--set', 'account=333333333333', '--set', 'region=us-east-1', '--set', 'partition=aws'], { role: 'setteam-dev-1', account: '333333333333' }],
    ['--env over the defaults', ['--env', 'prod'], { role: 'envteam-prod-1', account: '111111111111' }],
    ['--env-file over --env', ['--env', 'prod', '--env-file', 'env.yaml'], { role: 'fileteam-prod-2', account: '222222222222' }],
    ['--set over --env-file', ['--env', 'prod', '--env-file', 'env.yaml', '--set', 'team=setteam', '--set', 'account=333333333333'], { role: 'setteam-prod-2', account: '333333333333' }],
    ['--set json:… over --env-file', ['--env', 'prod', '--env-file', 'env.yaml', '--set', 'json:shard=9'], { role: 'fileteam-prod-9', account: '222222222222' }],
  ];
  for (const [name, flags, expected] of cases) {
    it(name, () => {
      const dir = workspace({ 'env.yaml': FILE });
      const result = emitJson(dir, ...flags);
      expect(result.stderr).toMatch(/^deputy: 1 definition → out: 1 written/);
      expect(result.code).toBe(0);
      expect(jsonRole(dir)).toEqual(expected);
    });
  }

  it('the environment file also fills a definition without environments:, and the same file works as JSON', () => {
    const dir = workspace({ 'env.json': JSON.stringify({ account: '444444444444', region: 'us-west-2', partition: 'aws', values: { env: 'prod', team: 'json' } }) });
    expect(emitJson(dir, '--env-file', 'env.json').code).toBe(0);
    expect(jsonRole(dir)).toEqual({ role: 'json-prod-1', account: '444444444444' });
  });

  it('a literal account written at the top of a definition stays: neither --set nor --env-file moves it', () => {
    const pinned = 'version: 1\naccount: "555555555555"\nregion: us-east-1\npartition: aws\nroles:\n  - name: pinned\n    trustedServices:\n      - service: personalize\n';
    const dir = workspace({ 'env.yaml': 'account: "222222222222"\n' }, pinned);
    expect(emitJson(dir, '--env-file', 'env.yaml', '--set', 'account=333333333333').code).toBe(0);
    expect(jsonRole(dir)).toEqual({ role: 'pinned', account: '555555555555' });
  });
});

describe('an environment file next to the definitions', () => {
  it('is not read as a definition when its directory is walked (emit, check, verify)', () => {
    const dir = workspace({ 'prod.yaml': 'account: "123456789012"\nregion: eu-west-1\npartition: aws\nvalues: { team: ml }\n' });
    const emitted = deputyProcess(['emit', '.', '--target', 'json', '--out-dir', 'out', '--env-file', 'prod.yaml'], { cwd: dir });
    expect(emitted.stderr).toBe('deputy: 1 definition → out: 1 written, 0 unchanged, 0 removed\n');
    expect(readdirSync(join(dir, 'out', 'json'))).toEqual(['.deputy-manifest.json', 'team']);
    expect(deputyProcess(['check', '.', '--target', 'json', '--out-dir', 'out', '--env-file', 'prod.yaml'], { cwd: dir }).code).toBe(0);
    const verified = deputyProcess(['verify', '.', '--env-file', 'prod.yaml'], { cwd: dir });
    expect(verified.code).toBe(0);
    expect(verified.stdout).not.toMatch(/prod\.yaml/);
  });
});

describe('--env-file per target', () => {
  const CURRENT = 'version: 1\nroles:\n  - name: reader\n    trustedServices:\n      - service: personalize\n';

  it('hcl: { region: current } keeps the Terraform data source while json gets the literal Region, in one run', () => {
    const dir = workspace({ 'env.yaml': 'account: "123456789012"\nregion: eu-west-1\npartition: aws\nhcl: { region: current }\n' }, CURRENT);
    const result = deputyProcess(['emit', 'team.yaml', '--target', 'json,hcl', '--out-dir', 'out', '--env-file', 'env.yaml'], { cwd: dir });
    expect(result.code).toBe(0);
    const json = readFileSync(join(dir, 'out', 'json', 'team', 'reader.trust-policy.json'), 'utf8');
    expect(json).toContain('"aws:SourceArn": "arn:aws:personalize:eu-west-1:123456789012:*"');
    const hcl = readFileSync(join(dir, 'out', 'hcl', 'team.tf'), 'utf8');
    expect(hcl).toContain('"aws:SourceArn" = "arn:aws:personalize:${data.aws_region.current.region}:123456789012:*"');
    expect(deputyProcess(['check', 'team.yaml', '--target', 'json,hcl', '--out-dir', 'out', '--env-file', 'env.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(deputyProcess(['check', 'team.yaml', '--target', 'json,hcl', '--out-dir', 'out', '--env-file', 'env.yaml', '--set', 'json:region=us-east-1'], { cwd: dir }).stdout).toBe('stale: out/json/team/reader.trust-policy.json\n');
  });

  it('a parameter in the file becomes the Terraform variable', () => {
    const dir = workspace({ 'env.yaml': 'account: { parameter: WorkloadAccountId }\n' }, CURRENT);
    expect(deputyProcess(['emit', 'team.yaml', '--target', 'hcl', '--out-dir', 'out', '--env-file', 'env.yaml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'hcl', 'deputy.tf'), 'utf8')).toContain('variable "workload_account_id"');
  });
});

describe('--env-file bad input: exit 2, located, nothing on stdout, nothing written', () => {
  const cases: [string, string, string][] = [
    ['account given as a YAML number', 'account: 123456789012\n', 'error: env.yaml:1:10: account ID 123456789012 is a number, not a string at account (quote it: account: "123456789012"; an account ID is a 12-digit string, and leading zeros are part of it)\n'],
    ['unreadable YAML', 'values: [\nteam: x\n', 'error: env.yaml:2:1: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (fix the YAML/JSON syntax at this position)\n'],
    ['an unknown placeholder name, with a did-you-mean', 'values:\n  taem: ml\n  team: ml\n', 'error: env.yaml:2:9: unknown placeholder "taem" in the environment file: team.yaml declares no placeholder taem (did you mean "team"?)\n'],
    ['an unknown placeholder name, nothing close', 'values:\n  team: ml\n  colour: blue\n', 'error: env.yaml:3:11: unknown placeholder "colour" in the environment file: team.yaml declares no placeholder colour (declare it under placeholders: { colour: { type: string } } in team.yaml, or remove it from the environment file)\n'],
    ['a placeholder value at the top of the file', 'team: ml\n', 'error: env.yaml:1:1: unknown key "team" in the environment file at team (a custom placeholder\'s value goes under values: (values: { team: … }))\n'],
    ['a misspelt target section', 'values: { team: ml }\nhlc: { region: current }\n', 'error: env.yaml:2:1: unknown key "hlc" in the environment file at hlc (did you mean "hcl"?)\n'],
    ['the wrong type for an integer placeholder', 'values:\n  team: ml\n  shard: two\n', 'error: env.yaml:3:10: placeholder {{shard}} is an integer, not "two" (give digits in values.shard of the environment file)\n'],
    ['a value its pattern refuses', 'values:\n  team: ml\n  env: staging\n', 'error: env.yaml:3:8: value "staging" of placeholder {{env}} does not match ^(dev|prod)$ (fix values.env of the environment file)\n'],
    ['a list where a value goes', 'values:\n  team: [ml]\n', 'error: env.yaml:2:9: expected string or integer, not a list at values.team (see the definition schema)\n'],
    ['an invalid Region', 'region: useast1\nvalues: { team: ml }\n', 'error: env.yaml:1:9: invalid Region "useast1" at region (region is a Region name such as us-east-1, current, or { parameter: Region })\n'],
    ['a Region of another partition', 'region: cn-north-1\npartition: aws\nvalues: { team: ml }\n', 'error: env.yaml:1:9: Region cn-north-1 is in partition aws-cn, not aws at region (give a Region such as us-east-1, or partition aws-cn)\n'],
    ['a target section that is not a mapping', 'values: { team: ml }\nhcl: current\n', 'error: env.yaml:2:6: the hcl section is not a mapping at hcl (write hcl: { region: current } — the fields of an environments: entry)\n'],
    ['a file that is not a mapping', '- account\n', 'error: env.yaml:1:1: an environment file is a mapping (write account:, region:, partition:, values: and per-target sections such as hcl: { region: current })\n'],
    ['an empty file', '\n', 'error: env.yaml: the file is empty (write a definition or policy document)\n'],
  ];
  for (const [name, text, stderr] of cases) {
    it(name, () => {
      const dir = workspace({ 'env.yaml': text });
      expect(emitJson(dir, '--env-file', 'env.yaml', '--set', 'json:account=123456789012', '--set', 'json:region=us-east-1', '--set', 'json:partition=aws')).toEqual({ code: 2, stdout: '', stderr });
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('a missing file (deputy reports it under --environment-file, and in-process under --env-file)', async () => {
    const dir = workspace();
    expect(emitJson(dir, '--environment-file', 'missing.yaml')).toEqual({ code: 2, stdout: '', stderr: 'error: missing.yaml: file not found (check the path)\n' });
    expect(await deputy(['emit', 'team.yaml', '--out-dir', 'out', '--env-file', 'missing.yaml'], dir)).toEqual({ code: 2, stdout: '', stderr: 'error: missing.yaml: file not found (check the path)\n' });
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('known gap (nodejs/node#54232): Node.js 20 itself reads --env-file after the script name and exits 9 when the file is missing', () => {
    const result = emitJson(workspace(), '--env-file', 'missing.yaml');
    expect(result.code).toBe(9);
    expect(result.stderr).toMatch(/^(\S*\/)?node: missing\.yaml: not found\n$/);
  });

  it('--env-file and --environment-file together', () => {
    const dir = workspace({ 'env.yaml': 'values: { team: ml }\n' });
    expect(emitJson(dir, '--env-file', 'env.yaml', '--environment-file', 'env.yaml')).toEqual({ code: 2, stdout: '', stderr: 'error: --env-file: --env-file and --environment-file are both given (they are the same option: give one)\n' });
  });
});

describe('deputy verify takes the values emit takes', () => {
  it('a missing placeholder value is the same error as emit', () => {
    const dir = workspace();
    const emitted = deputyProcess(['emit', 'team.yaml', '--target', 'hcl', '--out-dir', 'out'], { cwd: dir });
    const verified = deputyProcess(['verify', 'team.yaml'], { cwd: dir });
    expect(verified).toEqual({ code: 2, stdout: '', stderr: emitted.stderr });
    expect(verified.stderr).toBe(
      'error: team.yaml:9:11: placeholder {{team}} (the owning team) has no value at roles[0].name (give --set team=…, values.team in an --env-file, a value under environments.<name>.values.team with --env <name>, or placeholders.team.default)\n',
    );
  });

  const cases: [string, string[], RegExp][] = [
    ['--env', ['--env', 'prod'], /role envteam-prod-1: 1 of 1 service verifications proven[\s\S]*account 111111111111, eu-west-1, aws: PROVEN|account 111111111111, eu-west-1, aws: PROVEN[\s\S]*role envteam-prod-1/],
    ['--env-file', ['--env-file', 'env.yaml'], /account 222222222222, us-east-1, aws: PROVEN/],
    ['--set over --env-file', ['--env-file', 'env.yaml', '--set', 'account=333333333333', '--set', 'team=setteam'], /role setteam-dev-1[\s\S]*account 333333333333, us-east-1, aws: PROVEN/],
  ];
  for (const [name, flags, pattern] of cases) {
    it(name, () => {
      const dir = workspace({ 'env.yaml': 'account: "222222222222"\nregion: us-east-1\npartition: aws\nvalues: { team: fileteam }\n' });
      const result = deputyProcess(['verify', 'team.yaml', ...flags], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(pattern);
      expect(result.stdout).toMatch(/team\.yaml: 1 of 1 policies proven/);
    });
  }

  it('refuses a target-scoped --set and reports bad files like emit', () => {
    const dir = workspace({ 'env.yaml': 'values:\n  taem: ml\n  team: ml\n' });
    expect(deputyProcess(['verify', 'team.yaml', '--set', 'hcl:team=x'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'error: --set: --set hcl:team=x is scoped to target hcl, but verify has no targets (drop the hcl: prefix)\n' });
    expect(deputyProcess(['verify', 'team.yaml', '--env-file', 'env.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: env.yaml:2:9: unknown placeholder "taem" in the environment file: team.yaml declares no placeholder taem (did you mean "team"?)\n',
    });
  });
});

describe('deputy verify of a policy document', () => {
  it('refuses a --set name that is not account, region or partition (a policy document has no placeholders)', () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'open.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'personalize.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    expect(deputyProcess(['verify', 'open.json', '--set', 'acount=123456789012'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --set acount: unknown --set name "acount": open.json is a policy document, which has no placeholders (did you mean "account"?)\n',
    });
  });
});

describe('deputy snippet --env-file', () => {
  it('takes account, Region and partition from the file (its section for the target first); flags win', () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'env.yaml'), 'account: "123456789012"\nregion: eu-west-1\nvalues: { team: ignored }\nhcl: { region: current }\n');
    const json = deputyProcess(['snippet', '--service', 'personalize', '--env-file', 'env.yaml'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(json.stdout).toContain('"aws:SourceArn": "arn:aws:personalize:eu-west-1:123456789012:*"');
    const hcl = deputyProcess(['snippet', '--service', 'personalize', '--env-file', 'env.yaml', '--target', 'hcl'], { cwd: dir });
    expect(hcl.stdout).toContain('"aws:SourceArn" = "arn:aws:personalize:${data.aws_region.current.region}:123456789012:*"');
    const flag = deputyProcess(['snippet', '--service', 'personalize', '--env-file', 'env.yaml', '--account', '210987654321'], { cwd: dir });
    expect(flag.stdout).toContain('"aws:SourceArn": "arn:aws:personalize:eu-west-1:210987654321:*"');
  });

  it('names the missing value and where to give it', () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'env.yaml'), 'region: eu-west-1\n');
    expect(deputyProcess(['snippet', '--service', 'personalize', '--env-file', 'env.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: --account: required option '--account <id>' not specified (give --account, or account: in env.yaml)\n",
    });
  });
});

describe('--help', () => {
  for (const command of ['emit', 'check', 'verify', 'snippet']) {
    it(`deputy ${command} --help documents --env-file`, () => {
      const result = deputyProcess([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/--env-file <file>/);
      expect(result.stdout).toMatch(/--environment-file <file>/);
      if (command !== 'snippet') expect(result.stdout.replace(/\s+/g, ' ')).toContain('precedence: --set > --env-file > --env > placeholder defaults');
    });
  }
});
