import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deputy } from './support/run-cli.js';

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
});
