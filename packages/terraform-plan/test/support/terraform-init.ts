/**
 * `terraform init` as the offline proof that a directory of `.tf` / `.tf.json` files is one valid
 * configuration: with `-backend=false -plugin-dir=<empty dir>` and `TF_CLI_CONFIG_FILE=/dev/null` it never
 * touches the network; it loads and checks the whole configuration (duplicate declarations, syntax,
 * references between files) and then stops because the AWS provider is not in the empty plugin directory.
 * When terraform is not on PATH, callers skip with a printed notice — unless
 * DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1, which turns its absence into a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const TERRAFORM_ENV = { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };

/** Whether terraform-backed tests run: true when terraform is on PATH; a notice, or a failure under DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1, otherwise. */
export function terraformForInit(purpose: string): boolean {
  if (spawnSync('terraform', ['version'], { env: TERRAFORM_ENV, encoding: 'utf8' }).status === 0) return true;
  if (process.env['DEPUTY_REQUIRE_EXTERNAL_VALIDATORS'] === '1') {
    throw new Error(`terraform is not on PATH but DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 requires it (${purpose})`);
  }
  console.warn(`notice: terraform is not on PATH; skipping ${purpose}`);
  return false;
}

/** What `terraform init` said about a directory. */
export interface InitResult {
  /** True when configuration loading passed: init succeeded, or its only error is the AWS provider missing from the empty plugin directory. */
  readonly configurationLoaded: boolean;
  /** The provider requirement init reported, e.g. `hashicorp/aws ~> 6.0`, when it got that far. */
  readonly providerRequirement: string | undefined;
  /** The whole output, for failure messages. */
  readonly output: string;
}

/** Writes `files` (relative path → contents) into a fresh directory and runs `terraform init` offline on it. */
export function terraformInit(files: ReadonlyMap<string, string>): InitResult {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-init-'));
  try {
    const plugins = join(directory, 'empty-plugins');
    const configuration = join(directory, 'configuration');
    mkdirSync(plugins);
    for (const [path, contents] of files) {
      mkdirSync(dirname(join(configuration, path)), { recursive: true });
      writeFileSync(join(configuration, path), contents);
    }
    const result = spawnSync('terraform', ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${plugins}`], {
      cwd: configuration,
      env: TERRAFORM_ENV,
      encoding: 'utf8',
    });
    const output = `${result.stdout}\n${result.stderr}`;
    const errors = output.split(/\n(?=Error: )/).filter((chunk) => chunk.startsWith('Error: '));
    const providerOnly = errors.length > 0 && errors.every((chunk) => /provider registry\.terraform\.io\/hashicorp\/aws/.test(chunk) && /(not found|could not be found|no available releases match|Failed to query available provider packages)/i.test(chunk));
    const requirement = /hashicorp\/aws versions matching "([^"]+)"/.exec(output)?.[1];
    return { configurationLoaded: result.status === 0 || providerOnly, providerRequirement: requirement === undefined ? undefined : `hashicorp/aws ${requirement}`, output };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
