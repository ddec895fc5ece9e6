import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deputy, FIXTURES, temporaryDirectory } from './support/run-cli.js';

function workspaceWithFixture(name: string): string {
  const dir = temporaryDirectory();
  cpSync(join(FIXTURES, name, 'input.yaml'), join(dir, `${name}.yaml`));
  return dir;
}

describe('deputy emit', () => {
  it('writes the JSON documents of a definition under DIR/json/<definition>/', async () => {
    const dir = workspaceWithFixture('personalize-reference-literal-environment');
    const result = await deputy(['emit', '.', '--target', 'json', '--out-dir', 'out'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('deputy: 1 definition → out: 1 written, 0 unchanged, 0 removed\n');
    const written = readFileSync(join(dir, 'out/json/personalize-reference-literal-environment/personalize-s3-access.trust-policy.json'), 'utf8');
    expect(JSON.parse(written).Statement[0].Condition.StringLike['aws:SourceArn']).toBe('arn:aws:personalize:us-east-1:123456789012:*');
  });

  it('needs --set for JSON when the definition uses current values', async () => {
    const dir = workspaceWithFixture('personalize-current-environment');
    const refused = await deputy(['emit', '.', '--target', 'json', '--out-dir', 'out'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: personalize-current-environment\.yaml: target json needs a literal account, region, partition/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const accepted = await deputy(['emit', '.', '--target', 'json', '--out-dir', 'out', '--set', 'account=000000000001', '--set', 'region=eu-west-1', '--set', 'partition=aws'], dir);
    expect(accepted.code).toBe(0);
    const [file] = readdirSync(join(dir, 'out/json/personalize-current-environment'));
    expect(readFileSync(join(dir, 'out/json/personalize-current-environment', file!), 'utf8')).toContain('"aws:SourceAccount": "000000000001"');
  });

  it('reports every bad definition with file:line:col and writes nothing', async () => {
    const dir = workspaceWithFixture('personalize-reference-literal-environment');
    writeFileSync(join(dir, 'broken.yaml'), 'account: 12345\nroles:\n  - name: r\n    trustedServices:\n      - service: personalize\n        sourceArns: x\n');
    const result = await deputy(['emit', '.', '--target', 'json', '--out-dir', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: broken.yaml:6:9: unknown field "sourceArns" at roles[0].trustedServices[0].sourceArns (did you mean "sourceArn"?)\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it.each([
    [['--set', 'acount=1'], 'error: --set acount: unknown --set name "acount": the definition declares no placeholder acount (did you mean "account"?)'],
    [['--templates', 'no-such-dir'], 'error: --templates: templates directory no-such-dir not found'],
    [['--hcl-style', 'heredoc'], 'error: --hcl-style: invalid --hcl-style "heredoc" (use jsonencode or policy-document)'],
  ])('refuses bad flags %j', async (flags, expected) => {
    const dir = workspaceWithFixture('personalize-reference-literal-environment');
    const result = await deputy(['emit', '.', '--target', 'json', ...flags], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(expected), result.stderr).toBe(true);
  });

  it('lets --templates restyle the output without forking an emitter', async () => {
    const dir = workspaceWithFixture('personalize-reference-literal-environment');
    cpSync(join(FIXTURES, '..', '..', '..', 'templates', 'json'), join(dir, 'my-templates', 'json'), { recursive: true });
    writeFileSync(join(dir, 'my-templates', 'json', 'policy.json.hbs'), '{"generatedFrom": "{{source}}", "policy": {{document}} }\n');
    const result = await deputy(['emit', '.', '--target', 'json', '--out-dir', 'out', '--templates', 'my-templates'], dir);
    expect(result.code).toBe(0);
    const [file] = readdirSync(join(dir, 'out/json/personalize-reference-literal-environment'));
    const parsed = JSON.parse(readFileSync(join(dir, 'out/json/personalize-reference-literal-environment', file!), 'utf8'));
    expect(parsed.generatedFrom).toBe('personalize-reference-literal-environment.yaml');
    expect(parsed.policy.Statement[0].Principal).toEqual({ Service: 'personalize.amazonaws.com' });
  });
});

describe('deputy emit with a broken template', () => {
  it('reports the template file with exit 2, not an internal error', async () => {
    const dir = workspaceWithFixture('personalize-reference-literal-environment');
    cpSync(join(FIXTURES, '..', '..', '..', 'templates', 'json'), join(dir, 't', 'json'), { recursive: true });
    writeFileSync(join(dir, 't', 'json', 'policy.json.hbs'), '{{documen}}\n');
    const result = await deputy(['emit', '.', '--target', 'json', '--out-dir', 'out', '--templates', 't'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: .*t\/json\/policy\.json\.hbs: template error: "documen" not defined/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
