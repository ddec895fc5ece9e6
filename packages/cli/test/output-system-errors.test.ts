/**
 * An output directory the system refuses (a path through a file, no permission, a full disk) is the user's to
 * fix: exit 2, `error: <path>: <what failed>: <why> (<hint>)`, nothing on stdout, no "internal error", and
 * nothing left behind — for convert writing after rendering, convert staging its writes, and emit.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGING_THRESHOLD } from '../src/staged-writes.js';
import { systemErrorProblem } from '../src/system-errors.js';
import { deputy, deputyProcess, FIXTURES, temporaryDirectory } from './support/run-cli.js';

const NOT_A_DIRECTORY = 'cannot create the directory: not a directory (part of the path is a file, not a directory: choose another --out-dir or move the file away)';

function policies(dir: string, count: number): string[] {
  mkdirSync(join(dir, 'policies'));
  return Array.from({ length: count }, (_, index) => {
    const file = join('policies', `p-${index}.json`);
    writeFileSync(join(dir, file), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b-${index}/*` }] }));
    return file;
  });
}

describe('an output directory the system refuses', () => {
  it('convert, written after rendering: exit 2 naming the directory', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'afile'), 'mine');
    const [input] = policies(dir, 1);
    const result = await deputy(['convert', input!, '--target', 'json', '--out-dir', 'afile/out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: afile/out/json: ${NOT_A_DIRECTORY}\n`);
  });

  it('convert, staging its writes: exit 2 naming the directory (not the temporary one), nothing left behind', () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'afile'), 'mine');
    const inputs = policies(dir, STAGING_THRESHOLD);
    const result = deputyProcess(['convert', ...inputs, '--target', 'json', '--out-dir', 'afile/out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: afile/out/json: ${NOT_A_DIRECTORY}\n`);
    expect(readdirSync(dir).sort()).toEqual(['afile', 'policies']);
  });

  it('emit: exit 2 naming the directory', async () => {
    const dir = temporaryDirectory();
    writeFileSync(join(dir, 'afile'), 'mine');
    const result = await deputy(['emit', join(FIXTURES, 'personalize-reference-literal-environment', 'input.yaml'), '--target', 'json', '--out-dir', 'afile/out'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: afile/out/json/input: ${NOT_A_DIRECTORY}\n`);
  });
});

describe('systemErrorProblem', () => {
  const systemError = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: some reason, ${syscall} '${path}'`), { code, syscall, path });

  it('names the path relative to the working directory, what failed and why, with a hint for the code', () => {
    expect(systemErrorProblem(systemError('EACCES', 'open', '/work/out/a.tf'), '/work')).toEqual({
      code: 'system-eacces',
      message: 'cannot write the file: some reason',
      hint: 'permission denied: choose a directory you can write, or change its permissions',
      file: 'out/a.tf',
    });
    expect(systemErrorProblem(systemError('ENOSPC', 'write', 'rel/a.tf'), '/work')?.file).toBe('rel/a.tf');
    expect(systemErrorProblem(systemError('EROFS', 'frobnicate', '/work'), '/work')).toMatchObject({ message: 'cannot access: some reason', file: '.' });
  });

  it('leaves anything else to be reported as a bug: no code, no path, an unknown code, not an Error', () => {
    expect(systemErrorProblem(new Error('plain'), '/work')).toBeUndefined();
    expect(systemErrorProblem(Object.assign(new Error('x'), { code: 'ENOTDIR' }), '/work')).toBeUndefined();
    expect(systemErrorProblem(systemError('ERR_SOMETHING', 'open', '/work/a'), '/work')).toBeUndefined();
    expect(systemErrorProblem({ code: 'ENOTDIR', path: '/a' }, '/work')).toBeUndefined();
  });
});
