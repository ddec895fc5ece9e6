/**
 * Test support: the built site on a loopback server and a headless Chromium (Debian's `chromium`, driven by
 * playwright-core). Without chromium the browser tests are skipped with a notice, except in CI
 * (`CI=true`) or with `DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1`, where its absence fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../scripts/static-server.mjs';

/** The playground package folder. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built site. */
export const SITE_DIR = join(PACKAGE_DIR, 'dist', 'site');

/** Where the test run writes screenshots and measurements (git-ignored). */
export const OUTPUT_DIR = join(PACKAGE_DIR, 'test-output');

/** The Chromium executable: `DEPUTY_CHROMIUM`, else Debian's. */
export const CHROMIUM = process.env['DEPUTY_CHROMIUM'] ?? '/usr/bin/chromium';

/** True when a missing browser must fail the run instead of skipping it. */
export const BROWSER_REQUIRED = process.env['CI'] === 'true' || process.env['DEPUTY_REQUIRE_EXTERNAL_VALIDATORS'] === '1';

/** Whether the browser tests can run; prints the notice when they are skipped. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (BROWSER_REQUIRED) return true; // the tests run and fail at launch, naming the missing browser
  console.warn(`notice: playground browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium; set CI=true or DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 to make this a failure)`);
  return false;
}

/** Builds the site when it is missing (nx builds it before the tests; a bare `vitest run` may not have). */
export function ensureSiteBuilt(): void {
  if (existsSync(join(SITE_DIR, 'index.html')) && existsSync(join(SITE_DIR, 'playground.js'))) return;
  execFileSync(process.execPath, [join(PACKAGE_DIR, 'scripts', 'build-site.mjs')], { cwd: PACKAGE_DIR, stdio: 'inherit' });
}

/** Serves the site on 127.0.0.1 at a free port. */
export function serveSite(): ReturnType<typeof serveStatic> {
  return serveStatic(SITE_DIR, 0);
}

/** Makes the output folder and returns the path of a file in it. */
export function outputPath(...parts: string[]): string {
  const path = join(OUTPUT_DIR, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}
