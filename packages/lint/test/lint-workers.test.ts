/**
 * Linting on two threads gives the same result as on one: the built linter (the worker runs from dist) over
 * enough files to start a worker, with DEPUTY_LINT_WORKERS=1 and =0. Skipped with a notice when dist is absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(PACKAGE_DIR, 'dist/index.js');
const built = existsSync(join(PACKAGE_DIR, 'dist/files/lint-worker.js'));
if (!built) console.warn('notice: packages/lint/dist is not built; skipping the two-thread comparison');

function lintWith(workers: '0' | '1', directory: string): string {
  const script = `const { lint } = await import(${JSON.stringify(DIST)}); const r = await lint(['.'], { cwd: ${JSON.stringify(directory)} }); console.log(JSON.stringify(r));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, DEPUTY_LINT_WORKERS: workers }, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(child.stderr);
  return child.stdout;
}

describe.skipIf(!built)('lint workers', () => {
  test('two threads and one thread give the same findings, files, skips and unreadable files', () => {
    const corpus = join(PACKAGE_DIR, 'test/corpus/generated/tf-jsonencode');
    const sources = readdirSync(corpus).filter((name) => name.endsWith('.tf')).map((name) => readFileSync(join(corpus, name), 'utf8'));
    const directory = mkdtempSync(join(tmpdir(), 'deputy-workers-'));
    for (let index = 0; index < 320; index++) {
      mkdirSync(join(directory, `m${index % 7}`), { recursive: true });
      writeFileSync(join(directory, `m${index % 7}`, `f${index}.tf`), sources[index % sources.length]!.replace(/^resource "([^"]+)" "([^"]+)"/gm, `resource "$1" "$2_${index}"`));
    }
    writeFileSync(join(directory, 'broken.json'), '{"Statement": [}');
    const two = lintWith('1', directory);
    expect(JSON.parse(two).files).toHaveLength(320);
    expect(JSON.parse(two).unreadable).toHaveLength(1);
    expect(two).toBe(lintWith('0', directory));
  });
});
