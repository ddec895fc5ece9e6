/**
 * The real `terraform` binary as an oracle: `terraform fmt -check` on emitted files (in one call for many
 * files) and `terraform console` to evaluate expressions such as `jsonencode(…)` offline. When terraform is
 * not on PATH, callers skip with a printed notice — unless DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1, which
 * turns its absence into a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TERRAFORM_ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };

/** True when `terraform version` runs. */
export function terraformAvailable(): boolean {
  const result = spawnSync('terraform', ['version'], { env: TERRAFORM_ENV, encoding: 'utf8' });
  return result.status === 0;
}

/** Whether terraform-backed tests should run; prints a notice or throws as the environment asks. */
export function requireTerraform(purpose: string): boolean {
  if (terraformAvailable()) return true;
  if (process.env['DEPUTY_REQUIRE_EXTERNAL_VALIDATORS'] === '1') {
    throw new Error(`terraform is not on PATH but DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 requires it (${purpose})`);
  }
  console.warn(`notice: terraform is not on PATH; skipping ${purpose}`);
  return false;
}

/** Runs `terraform fmt -check -diff` over many files at once; returns the files it would change, with the diff. */
export function terraformFmtCheck(files: ReadonlyMap<string, string>): { readonly unformatted: string[]; readonly diff: string } {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-fmt-'));
  try {
    const names = new Map<string, string>();
    [...files.entries()].forEach(([name, contents], index) => {
      const fileName = `f${index}.tf`;
      names.set(fileName, name);
      writeFileSync(join(directory, fileName), contents);
    });
    const result = spawnSync('terraform', ['fmt', '-check', '-diff', '-list=true', '-no-color', directory], {
      env: TERRAFORM_ENV,
      encoding: 'utf8',
    });
    if (result.status !== 0 && result.status !== 3) throw new Error(`terraform fmt failed: ${result.stderr}`);
    const unformatted = result.stdout
      .split('\n')
      .filter((line) => line.endsWith('.tf') && !line.startsWith('---') && !line.startsWith('+++'))
      .map((line) => names.get(line.slice(line.lastIndexOf('/') + 1)) ?? line);
    return { unformatted, diff: result.stdout };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * Evaluates an expression with `terraform console` in a directory holding `configuration` (no providers
 * needed) and returns its value as JSON: the expression is wrapped in `base64encode(jsonencode(…))` so the
 * console's output is plain ASCII.
 */
export function terraformEvaluate(configuration: string, expression: string): unknown {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-console-'));
  try {
    writeFileSync(join(directory, 'main.tf'), configuration);
    const result = spawnSync('terraform', ['console'], {
      cwd: directory,
      env: TERRAFORM_ENV,
      input: `base64encode(jsonencode(${expression}))\n`,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const encoded = result.status === 0 ? consoleBase64Value(result.stdout) : undefined;
    if (encoded === undefined) {
      throw new Error(`terraform console failed (${result.status}): ${result.stderr || result.stdout.trim()}`);
    }
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * What terraform prints on stdout, next to the value, when taking or releasing the state lock takes longer
 * than ~0.4 s: on a loaded machine (CI running every package's tests at once) `terraform console` does.
 */
const STATE_LOCK_NOTICE = /^(?:Acquiring|Releasing) state lock\. This may take a few moments\.\.\.$/;

/**
 * The base64 text of `terraform console`'s one printed value (`"…"`), its state-lock notices set aside;
 * undefined when stdout holds anything else, or no value or more than one.
 */
export function consoleBase64Value(stdout: string): string | undefined {
  const lines = stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !STATE_LOCK_NOTICE.test(line));
  if (lines.length !== 1) return undefined;
  const [value] = lines as [string];
  return /^"[A-Za-z0-9+/=]*"$/.test(value) ? value.slice(1, -1) : undefined;
}
