/**
 * Importing the package does not load cdktf (or cdktn): only building a construct does. Runs the built package (`dist/`) in a fresh Node process and inspects its module cache.
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
const cdk = deputy.loadCdkModule();
const stack = new cdk.TerraformStack(new cdk.App({ skipValidation: true }), 'stack');
const roles = new deputy.DeputyRoles(stack, 'roles', { model: loadFixture('personalize-current-environment') });
console.log(JSON.stringify({ afterImport, afterEmit: cdkLoaded(), files: roles.elements.size > 0 ? 1 : 0 }));
`;

describe('lazy loading', () => {
  it('loads cdktf only when a construct is built', () => {
    expect(existsSync(join(PACKAGE_DIR, 'dist', 'index.js')), 'build the package first (nx runs build before test)').toBe(true);
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { afterImport: number; afterEmit: number; files: number };
    expect(report.afterImport).toBe(0);
    expect(report.afterEmit).toBeGreaterThan(0);
    expect(report.files).toBe(1);
  });
});
