/**
 * The real `terraform` binary as an oracle, offline: configurations without providers (variables, locals,
 * outputs, local modules) init, apply and print outputs without any download. When terraform is not on
 * PATH, callers skip with a printed notice — unless DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1, which turns its
 * absence into a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const TERRAFORM_ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };

/** True when `terraform version` runs. */
export function terraformAvailable(): boolean {
  return spawnSync('terraform', ['version'], { env: TERRAFORM_ENV, encoding: 'utf8' }).status === 0;
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

/**
 * Writes `files` (relative path → contents) into a fresh directory, runs `terraform init` and
 * `terraform apply`, and returns `terraform output -json` as parsed JSON (output name → { value, … }).
 */
export function terraformApplyOutputs(files: ReadonlyMap<string, string>): { readonly [name: string]: { readonly value: unknown } } {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-tf-json-'));
  try {
    for (const [path, contents] of files) {
      mkdirSync(dirname(join(directory, path)), { recursive: true });
      writeFileSync(join(directory, path), contents);
    }
    run(['init', '-input=false', '-no-color'], directory);
    run(['apply', '-auto-approve', '-input=false', '-no-color'], directory);
    return JSON.parse(run(['output', '-json', '-no-color'], directory)) as { [name: string]: { value: unknown } };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function run(args: readonly string[], cwd: string): string {
  const result = spawnSync('terraform', args, { cwd, env: TERRAFORM_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`terraform ${args[0]} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}
