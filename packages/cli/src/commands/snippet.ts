/** `deputy snippet`: one role's trust policy for one service, printed to stdout. */
import type { Command } from 'commander';
import { DeputyInputError, SNIPPET_INTEGRATIONS, snippetModel, type SnippetIntegration } from '@deputy/policy-model';
import type { CliIo } from '../cli-io.js';
import { parseTargets } from '../targets.js';
import { renderTargets } from '../render-targets.js';
import { choice, providerVersion } from '../shared-options.js';
import { addEnvironmentFileOptions, environmentFileFlag, readEnvironmentFileOption, snippetEnvironment, type EnvironmentFileFlags, type SnippetEnvironmentFlags } from '../environment-file-option.js';

interface SnippetFlags extends EnvironmentFileFlags, SnippetEnvironmentFlags {
  service: string;
  target: string;
  roleName?: string;
  hclStyle?: string;
  cfnFormat?: string;
  awsProviderVersion?: string;
  integration?: string;
  resource?: string;
}

/** Registers `snippet`. */
export function registerSnippet(program: Command, io: CliIo): void {
  const command = program
    .command('snippet')
    .description("print one role's trust policy for an AWS service, or with --integration the resource policy that lets it act on a resource, with its confused-deputy conditions")
    .requiredOption('--service <service>', 'catalog key (personalize) or service principal (personalize.amazonaws.com)')
    .option('--account <id>', '12-digit account ID (or "current" for hcl/cfn); required unless the --env-file gives it')
    .option('--region <region>', 'Region, e.g. us-east-1 (or "current" for hcl/cfn); required unless the --env-file gives it')
    .option('--partition <partition>', 'aws, aws-cn or aws-us-gov (default: aws)')
    .option('--target <target>', 'json, hcl, cfn or tf-json', 'json')
    .option('--role-name <name>', 'the role name (default: <service>-role)')
    .option('--hcl-style <style>', 'jsonencode or policy-document')
    .option('--cfn-format <format>', 'yaml or json')
    .option('--aws-provider-version <major>', 'AWS provider major version for hcl and tf-json: 5 or 6', '6')
    .option('--integration <kind>', `a resource policy instead of a role trust: ${Object.keys(SNIPPET_INTEGRATIONS).join(', ')}`)
    .option('--resource <resource>', 'with --integration: the bucket name, topic ARN, queue URL or ARN, or function name');
  addEnvironmentFileOptions(command, 'a YAML or JSON environment file (as for emit) giving account, region and partition, its section for --target over its top level; the flags win')
    .action(async (flags: SnippetFlags) => {
      const [target] = parseTargets(flags.target, false);
      const environment = snippetEnvironment(flags, readEnvironmentFileOption(environmentFileFlag(flags), io.cwd), target!);
      const model = snippetModel({
        service: flags.service,
        ...environment,
        ...(flags.roleName !== undefined ? { roleName: flags.roleName } : {}),
        ...(flags.integration !== undefined ? { integration: choice('--integration', flags.integration, Object.keys(SNIPPET_INTEGRATIONS) as SnippetIntegration[])! } : {}),
        ...(flags.resource !== undefined ? { resource: flags.resource } : {}),
      });
      const style = choice('--hcl-style', flags.hclStyle, ['jsonencode', 'policy-document'] as const);
      const format = choice('--cfn-format', flags.cfnFormat, ['yaml', 'json'] as const);
      const awsProviderMajorVersion = providerVersion(flags.awsProviderVersion);
      const [output] = await renderTargets([model], [target!], { layout: 'flat', ...(style ? { style } : {}), ...(format ? { format } : {}), ...(awsProviderMajorVersion ? { awsProviderMajorVersion } : {}) });
      const files = output!.files;
      if (files.length !== 1) {
        throw new DeputyInputError([{ code: 'snippet-many-files', message: `target ${target} produced ${files.length} files for a snippet`, hint: 'use deputy emit for multi-file output', file: '--target' }]);
      }
      for (const notice of [...model.roles.flatMap((role) => role.notices), ...model.resourcePolicies.flatMap((policy) => policy.notices)]) io.stderr(`notice: ${notice}\n`);
      io.stdout(files[0]!.contents);
    });
}
