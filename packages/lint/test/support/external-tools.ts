/**
 * External validators (`terraform`, `cfn-lint`): used when on PATH, skipped with a printed notice when not,
 * and required when DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1.
 */
import { spawnSync } from 'node:child_process';

const TERRAFORM_ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };

/** True when the tool runs; prints a notice, or throws when validators are required. */
export function requireTool(command: string, versionArgs: readonly string[], purpose: string): boolean {
  const result = spawnSync(command, [...versionArgs], { env: TERRAFORM_ENV, encoding: 'utf8' });
  if (result.status === 0) return true;
  if (process.env['DEPUTY_REQUIRE_EXTERNAL_VALIDATORS'] === '1') throw new Error(`${command} is not on PATH but DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 requires it (${purpose})`);
  console.warn(`notice: ${command} is not on PATH; skipping ${purpose}`);
  return false;
}

/** `terraform fmt -check -recursive` over a directory; the files it would reformat. */
export function terraformUnformatted(directory: string): string[] {
  const result = spawnSync('terraform', ['fmt', '-check', '-recursive', '-list=true', '-no-color', directory], { env: TERRAFORM_ENV, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 3) throw new Error(`terraform fmt failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line.trim() !== '');
}

/** `cfn-lint` over templates in one call; its output and exit status (0 clean, other values per cfn-lint's bit flags). */
export function cfnLint(files: readonly string[]): { status: number; output: string } {
  const result = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}
