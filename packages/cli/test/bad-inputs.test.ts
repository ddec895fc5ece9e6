/**
 * The bad-input corpus (test/bad-inputs/<case>/): each case's input files are copied to an empty directory and
 * the CLI runs there with the case's arguments. Every case must end in exit 2 with exactly the expected
 * stderr (`expected-stderr.txt`, rewritten with DEPUTY_UPDATE_GOLDENS=1), every line `error: <where>: <what>
 * (<hint>)`, no stack trace, nothing on stdout and no file written.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deputy, temporaryDirectory } from './support/run-cli.js';

const CORPUS = fileURLToPath(new URL('./bad-inputs', import.meta.url));
const LINE = /^error: (?:[^ ]+?:\d+:\d+|[^ ]+(?: [^ :]+)?|[^:]+): [^\n]+ \([^\n]+\)$/;

interface Case {
  args: string[];
  generate?: { file: string; bytes: number };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const cases = readdirSync(CORPUS).filter((name) => existsSync(join(CORPUS, name, 'case.json'))).sort();

describe('bad-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of cases) {
    it(name, async () => {
      const spec = JSON.parse(readFileSync(join(CORPUS, name, 'case.json'), 'utf8')) as Case;
      const dir = temporaryDirectory();
      if (existsSync(join(CORPUS, name, 'input'))) cpSync(join(CORPUS, name, 'input'), dir, { recursive: true });
      if (spec.generate) writeFileSync(join(dir, spec.generate.file), `{"Statement": [${'{"Effect": "Allow", "Action": "s3:*"},'.repeat(spec.generate.bytes / 36)}]}`);
      const before = listFiles(dir).map((file) => relative(dir, file)).sort();
      const result = await deputy(spec.args, dir);
      const expectedFile = join(CORPUS, name, 'expected-stderr.txt');
      if (process.env.DEPUTY_UPDATE_GOLDENS === '1') writeFileSync(expectedFile, result.stderr);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(readFileSync(expectedFile, 'utf8'));
      for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(LINE);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(listFiles(dir).map((file) => relative(dir, file)).sort()).toEqual(before);
    });
  }
});
