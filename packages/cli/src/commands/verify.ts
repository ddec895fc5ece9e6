/**
 * `deputy verify`: proves each trust policy and each service-principal statement of a resource policy against
 * the confused-deputy scenario matrix. Exit 1 when a protection fails or the legitimate call is denied.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { DeputyInputError, ENVIRONMENT_FIELDS, convertPolicyText, loadDefinitionText, parseSourceText, readSourceFile, suggestionHint, type DeputyModel, type Problem } from '@deputy/policy-model';
import type { ModelVerification } from '@deputy/verify';
import type { CliIo } from '../cli-io.js';
import { definitionFiles } from '../generate-outputs.js';
import { addEnvironmentFileOptions, environmentFileFlag, readEnvironmentFileOption, type EnvironmentFileFlags } from '../environment-file-option.js';
import { choice, collectSet, definitionLoadOptions, parseScopedSetFlags, type TargetSetValues } from '../shared-options.js';

interface VerifyFlags extends EnvironmentFileFlags {
  set: string[];
  env?: string;
  kind?: string;
  json?: boolean;
}

const VERIFY_ENV_FILE_HELP =
  'a YAML or JSON file holding an environments entry — account, region, partition, values: { name: value } (its per-target sections are for emit and check); precedence: --set > --env-file > --env > placeholder defaults';

/** Registers `verify`. */
export function registerVerify(program: Command, io: CliIo): void {
  const command = program
    .command('verify')
    .description('prove that trust and resource policies stop the confused deputy without denying the service itself')
    .argument('<inputs...>', 'definitions (.yaml, .yml, .json), IAM policy JSON files, or directories of them')
    .option('--set <name=value>', 'account, region or partition to verify with (for fields left current or parameters, or over an environment), or a custom placeholder value (repeatable)', collectSet, [])
    .option('--env <name>', 'the environment (environments.<name> in each definition) to take account, region, partition and placeholder values from');
  addEnvironmentFileOptions(command, VERIFY_ENV_FILE_HELP)
    .option('--kind <kind>', 'trust or resource, for policy JSON files (default: guessed)')
    .option('--json', 'print the verification as JSON')
    .action(async (inputs: string[], flags: VerifyFlags) => {
      const { formatModelVerification, verifyModel } = await import('@deputy/verify');
      const environmentFile = environmentFileFlag(flags);
      const values = parseScopedSetFlags(flags.set, [], readEnvironmentFileOption(environmentFile, io.cwd), 'verify')();
      const kind = choice('--kind', flags.kind, ['trust', 'resource'] as const);
      const notDefinitions = environmentFile === undefined ? [] : [resolve(io.cwd, environmentFile)];
      const models = loadModels(definitionFiles(inputs, io.cwd, notDefinitions), io.cwd, values, flags.env, kind);
      const results: ModelVerification[] = models.map((model) => verifyModel(model, values.environment));
      io.stdout(flags.json ? `${JSON.stringify(results, null, 2)}\n` : results.map(formatModelVerification).join('\n'));
      if (results.some((result) => !result.passed)) program.setOptionValue('exitCode', 1);
    });
}

/**
 * Loads each input as a policy document (a top-level `Statement`) or as a definition, the definition with the
 * same `--set`, `--env-file` and `--env` values as `emit` (and the same messages for a missing value).
 */
function loadModels(files: readonly string[], cwd: string, values: TargetSetValues, environment: string | undefined, kind: 'trust' | 'resource' | undefined): DeputyModel[] {
  const problems: Problem[] = [];
  const models: DeputyModel[] = [];
  for (const file of files) {
    try {
      const text = readSourceFile(resolve(cwd, file), file);
      const policyDocument = isPolicyDocument(text, file);
      if (policyDocument) problems.push(...placeholdersForPolicy(values, file));
      models.push(
        policyDocument
          ? convertPolicyText(text, file, kind ? { kind } : {}).model
          : loadDefinitionText(text, file, definitionLoadOptions(values, environment)),
      );
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return models;
}

/** `--set name=…` for a custom placeholder, given with a policy document (which has none): a typo of account, region or partition. */
function placeholdersForPolicy(values: TargetSetValues, file: string): Problem[] {
  return Object.keys(values.placeholders).map((name) => ({
    code: 'unknown-placeholder',
    message: `unknown --set name ${JSON.stringify(name)}: ${file} is a policy document, which has no placeholders`,
    hint: suggestionHint(name, ENVIRONMENT_FIELDS, 'set account, region or partition'),
    file: `--set ${name}`,
  }));
}

function isPolicyDocument(text: string, file: string): boolean {
  if (!file.endsWith('.json')) return false;
  const value = parseSourceText(text, file).value;
  return typeof value === 'object' && value !== null && ('Statement' in value || 'Effect' in value);
}
