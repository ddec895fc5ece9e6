/**
 * A process killed in the middle of `emit` leaves every output either old-complete or new-complete, and the
 * next `emit` finishes the job without complaining about the files the killed run already wrote.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, deputyProcess, temporaryDirectory } from './support/run-cli.js';

const ROLES = 1500;

function definition(region: string): string {
  const roles = Array.from({ length: ROLES }, (_, index) => `  - name: role-${index}\n    trustedServices:\n      - service: personalize\n`).join('');
  return `account: "123456789012"\nregion: ${region}\npartition: aws\nroles:\n${roles}`;
}

function outputs(dir: string): Map<string, string> {
  const base = join(dir, 'json', 'roles');
  return new Map(readdirSync(base).filter((name) => name.endsWith('.json')).map((name) => [name, readFileSync(join(base, name), 'utf8')]));
}

describe('emit killed half-way', () => {
  it('leaves each file old-complete or new-complete, and a rerun completes', async () => {
    const dir = temporaryDirectory();
    const emitArgs = ['emit', 'roles.yaml', '--target', 'json', '--out-dir', 'out'];
    writeFileSync(join(dir, 'roles.yaml'), definition('eu-west-1'));
    expect(deputyProcess(emitArgs, { cwd: dir }).code).toBe(0);
    const oldFiles = outputs(join(dir, 'out'));

    const reference = temporaryDirectory();
    writeFileSync(join(reference, 'roles.yaml'), definition('us-east-1'));
    expect(deputyProcess(emitArgs, { cwd: reference }).code).toBe(0);
    const newFiles = outputs(join(reference, 'out'));

    writeFileSync(join(dir, 'roles.yaml'), definition('us-east-1'));
    const child = spawn(process.execPath, [BIN, ...emitArgs], { cwd: dir, stdio: 'ignore' });
    const probe = join(dir, 'out', 'json', 'roles', 'role-0.trust-policy.json');
    const started = Date.now();
    while (Date.now() - started < 30_000 && readFileSync(probe, 'utf8') === oldFiles.get('role-0.trust-policy.json')) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const after = outputs(join(dir, 'out'));
    expect([...after.keys()].sort()).toEqual([...oldFiles.keys()].sort());
    let changed = 0;
    for (const [name, contents] of after) {
      const isOld = contents === oldFiles.get(name);
      const isNew = contents === newFiles.get(name);
      expect(isOld || isNew, `${name} is neither the old nor the new output`).toBe(true);
      if (isNew) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    console.log(`killed after ${changed} of ${ROLES} files were replaced`);

    const rerun = deputyProcess(emitArgs, { cwd: dir });
    expect(rerun.code).toBe(0);
    expect(outputs(join(dir, 'out'))).toEqual(newFiles);
    expect(existsSync(join(dir, 'out', 'json', '.deputy-manifest.json'))).toBe(true);
    expect(readdirSync(join(dir, 'out', 'json', 'roles')).filter((name) => name.endsWith('.tmp')), 'temporary files the killed run left are removed').toEqual([]);
  });
});
