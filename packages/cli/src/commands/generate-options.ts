/** The options `emit` and `check` share. */
import type { Command } from 'commander';
import { addEnvironmentFileOptions } from '../environment-file-option.js';
import { collectSet } from '../shared-options.js';

const ENV_FILE_HELP =
  'a YAML or JSON file holding an environments entry — account, region, partition, values: { name: value } — and per-target sections (hcl: { region: current }); precedence: --set > --env-file > --env > placeholder defaults';

/** Adds the inputs argument and the generation options to a command. */
export function addGenerateOptions(command: Command): Command {
  const upToEnvironment = command
    .argument('<inputs...>', 'definition files (.yaml, .yml, .json) or directories of them')
    .option('--target <target>', 'json, hcl, cfn, tf-json, a comma-separated list, or all', 'all')
    .option('--out-dir <dir>', 'output directory; files go to DIR/<target>/…', 'generated')
    .option('--set <[target:]name=value>', 'literal account, region or partition (fills fields left current or parameters, and wins over --env-file and --env), or a custom placeholder value; json:account=… gives it to one target (repeatable)', collectSet, [])
    .option('--env <name>', 'the environment (environments.<name> in each definition) to take account, region, partition and placeholder values from');
  return addEnvironmentFileOptions(upToEnvironment, ENV_FILE_HELP)
    .option('--templates <dir>', 'directory of <target>/*.hbs templates overriding the defaults')
    .option('--hcl-style <style>', 'jsonencode or policy-document')
    .option('--cfn-format <format>', 'yaml or json')
    .option('--aws-provider-version <major>', 'AWS provider major version for hcl and tf-json: 5 or 6', '6');
}
