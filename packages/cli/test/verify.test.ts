import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SERVICE_CATALOG, fixedPrincipalsOf, snippetModel } from '@deputy/policy-model';
import { verifyModel } from '@deputy/verify';
import { deputy, temporaryDirectory } from './support/run-cli.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/definitions', import.meta.url));

describe('deputy verify', () => {
  it('proves every example definition', async () => {
    const result = await deputy(['verify', EXAMPLES]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/personalize\.yaml: 1 of 1 policies proven/);
  });

  it('exits 1 and shows the failing scenario for a trust policy without conditions', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'open.json'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'personalize.amazonaws.com' }, Action: 'sts:AssumeRole' }] }));
    const result = await deputy(['verify', 'open.json', '--set', 'account=123456789012'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/foreign-source-account\s+sts:AssumeRole\s+.*\s+Deny\s+Allow\s+.*FAIL/);
    expect(result.stdout).toMatch(/open\.json: 0 of 1 policies proven, 1 FAILED/);
  });

  it('prints JSON with --json', async () => {
    const result = await deputy(['verify', EXAMPLES, '--json']);
    const parsed = JSON.parse(result.stdout) as { passed: boolean }[];
    expect(parsed.length).toBe(readdirSync(EXAMPLES).filter((name) => /\.(ya?ml|json)$/.test(name)).length);
    expect(parsed.every((entry) => entry.passed)).toBe(true);
  });

  it('refuses bad input with exit 2', async () => {
    const result = await deputy(['verify', 'missing.json'], temporaryDirectory());
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: missing.json: file not found (check the path)\n' });
  });
});

describe('every catalog entry: deputy snippet produces a policy deputy verify proves', () => {
  const trustEntries = SERVICE_CATALOG.filter((entry) => entry.integrations.some((integration) => integration.kind === 'role-trust'));
  for (const entry of trustEntries) {
    for (const partition of ['aws', 'aws-cn', 'aws-us-gov'] as const) {
      const region = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' }[partition];
      it(`${entry.key} in ${partition}`, () => {
        const model = snippetModel({ service: entry.key, account: '012345678901', region, partition });
        const verification = verifyModel(model);
        expect(verification.passed, JSON.stringify(verification.policies[0]?.verification, null, 1).slice(0, 3000)).toBe(true);
      });
    }
  }

  const principalForms = SERVICE_CATALOG.flatMap((entry) => fixedPrincipalsOf(entry).map((principal) => ({ entry, principal })));
  for (const { entry, principal } of principalForms) {
    it(`${entry.key} given as ${principal}`, () => {
      const partition = principal.endsWith('.cn') ? 'aws-cn' : 'aws';
      const model = snippetModel({ service: principal, account: '012345678901', region: partition === 'aws-cn' ? 'cn-north-1' : 'eu-west-1', partition });
      expect(verifyModel(model).passed).toBe(true);
    });
  }

  it('covers every entry with a role trust, well over 100', () => {
    expect(trustEntries.length).toBeGreaterThan(100);
  });
});
