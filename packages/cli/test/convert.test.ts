import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundTripPolicies } from '@deputy/policy-model/testing';
import { deputy, deputyProcess, temporaryDirectory } from './support/run-cli.js';

describe('deputy convert --target json', () => {
  for (const policy of roundTripPolicies()) {
    it(`round-trips ${policy.name} to the identical policy`, async () => {
      const result = await deputy(['convert', policy.file, '--target', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(JSON.parse(policy.text));
    });
  }

  it('warns on stderr about an unprotected service principal but converts it unchanged', async () => {
    const dir = temporaryDirectory();
    const file = join(dir, 'open.json');
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'personalize.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    writeFileSync(file, JSON.stringify(policy, null, 2));
    const result = await deputy(['convert', 'open.json'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(policy);
    expect(result.stderr).toBe('warning: open.json:4:5: statement 1 trusts personalize.amazonaws.com without aws:SourceAccount, aws:SourceArn or aws:SourceOrgID (confused deputy; converted unchanged)\n');
  });

  it('reads standard input', () => {
    const policy = readFileSync(roundTripPolicies()[0]!.file, 'utf8');
    const result = deputyProcess(['convert', '-'], { input: policy });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(policy));
  });

  it.each([
    ['an invalid operator', '{\n  "Statement": [{\n    "Effect": "Allow", "Action": "s3:*", "Resource": "*",\n    "Condition": { "ArnEqual": { "aws:SourceArn": "x" } }\n  }]\n}\n', 'error: bad.json:4:20: unknown condition operator "ArnEqual" at Statement[0].Condition.ArnEqual (did you mean "ArnEquals"'],
    ['a JSON syntax error', '{ "Statement": [ }', 'error: bad.json:1:'],
    ['Action with NotAction', '{"Statement": {"Effect": "Allow", "Action": "s3:*", "NotAction": "iam:*"}}', 'error: bad.json:1:53: a statement cannot have both Action and NotAction at Statement.NotAction'],
    ['a wildcard service principal', '{"Statement": {"Effect": "Allow", "Principal": {"Service": "kendra.*.amazonaws.com"}, "Action": "sts:AssumeRole"}}', 'error: bad.json:1:60: wildcard in service principal "kendra.*.amazonaws.com"'],
    ['an empty file', '', 'error: bad.json: the file is empty (write a definition or policy document)'],
  ])('refuses %s with exit 2, file:line:col and nothing on stdout', async (_name, text, expected) => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'bad.json'), text);
    const result = await deputy(['convert', 'bad.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(expected), result.stderr).toBe(true);
  });

  it('refuses a missing file', async () => {
    const result = await deputy(['convert', 'does-not-exist.json'], temporaryDirectory());
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: does-not-exist.json: file not found (check the path)\n' });
  });

  it('writes DIR/<target>/<basename>.<ext> for every input in one process', async () => {
    const out = temporaryDirectory();
    const policies = roundTripPolicies();
    const result = await deputy(['convert', ...policies.map((p) => p.file), '--target', 'json', '--out-dir', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'json')).sort()).toEqual(['.deputy-manifest.json', ...policies.map((p) => p.name)].sort());
    for (const policy of policies) expect(JSON.parse(readFileSync(join(out, 'json', policy.name), 'utf8'))).toEqual(JSON.parse(policy.text));
  });

  it('writes nothing when any input is invalid', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'good.json'), roundTripPolicies()[0]!.text);
    writeFileSync(join(dir, 'bad.json'), '{"Statement": []}');
    const result = await deputy(['convert', 'good.json', 'bad.json', '--out-dir', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('error: bad.json:1:15: Statement is an empty list at Statement (add at least one statement)\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('needs --out-dir for several inputs', async () => {
    const files = roundTripPolicies().slice(0, 2).map((p) => p.file);
    const result = await deputy(['convert', ...files]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --out-dir: several inputs or targets need --out-dir/);
  });
});
