/**
 * Importing the package does not load cdktf (or cdktn): only building a construct or emitting tf-json
 * does. Runs the built package (`dist/`) in a fresh Node process and inspects its module cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

const SCRIPT = `
const { createRequire } = await import('node:module');
const cache = createRequire(process.cwd() + '/').cache;
const cdkLoaded = () => Object.keys(cache).filter((path) => /[\\\\/]node_modules[\\\\/](cdktf|cdktn)[\\\\/]/.test(path)).length;
const deputy = await import('@deputy/emitter-cdktf');
const afterImport = cdkLoaded();
const { loadFixture } = await import('@deputy/policy-model/testing');
const files = deputy.emitTerraformJson(loadFixture('personalize-current-environment'));
console.log(JSON.stringify({ afterImport, afterEmit: cdkLoaded(), files: files.length }));
`;

describe('lazy loading', () => {
  it('loads cdktf only when tf-json is emitted', () => {
    expect(existsSync(join(PACKAGE_DIR, 'dist', 'index.js')), 'build the package first (nx runs build before test)').toBe(true);
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { afterImport: number; afterEmit: number; files: number };
    expect(report.afterImport).toBe(0);
    expect(report.afterEmit).toBeGreaterThan(0);
    expect(report.files).toBe(1);
  });
});
