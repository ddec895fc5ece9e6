import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deputy, deputyProcess } from './support/run-cli.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('deputy', () => {
  it('prints its version', async () => {
    expect(await deputy(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([[[]], [['snippet']], [['convert']], [['emit']]])('has --help on %j', async (command) => {
    const result = await deputy([...command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: deputy/);
  });

  it('refuses an unknown command with exit 2', async () => {
    const result = await deputy(['emitt']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: emitt: unknown command 'emitt' (did you mean emit? see deputy --help)\n");
  });

  it('refuses an unknown option with exit 2', async () => {
    const result = await deputy(['snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--servce', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("error: --servce: unknown option '--servce' (did you mean --service? see deputy snippet --help)\n");
  });

  it('the binary writes the same with its V8 tiering and with V8\'s default (DEPUTY_DEFAULT_V8_TIERING=1)', () => {
    const snippet = ['snippet', '--service', 'personalize', '--account', '123456789012', '--region', 'us-east-1', '--target', 'hcl'];
    const tuned = deputyProcess(snippet);
    expect(tuned.code).toBe(0);
    expect(tuned.stdout).toMatch(/resource "aws_iam_role"/);
    expect(deputyProcess(snippet, { env: { DEPUTY_DEFAULT_V8_TIERING: '1' } })).toEqual(tuned);
  });
});
