/**
 * What a Terraform configuration declares once, however many definitions it holds: the `terraform` block
 * pinning the AWS provider, the `current` data sources, and the parameter variables. A definition's plan
 * records which of them it uses (`SharedDeclarations`); a directory's declarations are the merge of all of
 * them, written to one file (`deputy.tf` / `deputy.tf.json`), so two definitions never declare the same
 * data source twice and `terraform init` loads the directory as one configuration.
 */
import { DeputyInputError, ENVIRONMENT_FIELDS, type EnvironmentField, type Problem } from '@deputy/policy-model';
import { CURRENT_DATA_SOURCES, type AwsProviderMajorVersion } from './environment-references.js';
import type { PlanBlock, PlanProviderRequirement, PlanResource, PlanTerraformSettings, PlanVariable } from './plan-blocks.js';

/** The base name of the file that holds a directory's shared declarations. */
export const SHARED_DECLARATIONS_BASENAME = 'deputy';

/** The validation Terraform applies to a parameter of each field: a regular expression and the message when it fails. */
export const PARAMETER_VALIDATION: {
  readonly [field in EnvironmentField]: { readonly pattern: string; readonly errorMessage: string };
} = {
  account: { pattern: '^[0-9]{12}$', errorMessage: 'must be a 12-digit AWS account ID, such as 123456789012.' },
  region: { pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$', errorMessage: 'must be an AWS Region code, such as us-east-1.' },
  partition: { pattern: '^aws(-[a-z]+)*$', errorMessage: 'must be an AWS partition, such as aws, aws-cn or aws-us-gov.' },
};

/** A parameter variable one or more definitions use. */
export interface SharedVariable {
  /** The Terraform variable name. */
  readonly name: string;
  /** The environment field it stands for. */
  readonly field: EnvironmentField;
  /** Its description. */
  readonly description: string;
  /** The definition that declared it first, named in errors. */
  readonly source: string;
}

/** The shared declarations one or more definitions need. */
export interface SharedDeclarations {
  /** The provider major version the output is written for. */
  readonly awsProviderMajorVersion: AwsProviderMajorVersion;
  /** Fields read from `current` data sources, in field order. */
  readonly currentFields: readonly EnvironmentField[];
  /** Parameter variables, in first-use order. */
  readonly variables: readonly SharedVariable[];
}

/** The version constraint for the hashicorp/aws provider: 6.x for 6 (`data.aws_region.current.region`), 5.x or 6.x for 5 (`.name`). */
export function awsProviderConstraint(awsProviderMajorVersion: AwsProviderMajorVersion): string {
  return awsProviderMajorVersion >= 6 ? '~> 6.0' : '>= 5.0, < 7.0';
}

/** The merge of several definitions' declarations: each data source and variable once; a variable name used for two fields is an error. */
export function mergeDeclarations(all: readonly SharedDeclarations[], awsProviderMajorVersion: AwsProviderMajorVersion): SharedDeclarations {
  const fields = new Set<EnvironmentField>();
  const variables = new Map<string, SharedVariable>();
  const problems: Problem[] = [];
  for (const declarations of all) {
    for (const field of declarations.currentFields) fields.add(field);
    for (const variable of declarations.variables) {
      const first = variables.get(variable.name);
      if (first === undefined) variables.set(variable.name, variable);
      else if (first.field !== variable.field) problems.push(variableConflict(first, variable));
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return { awsProviderMajorVersion, currentFields: ENVIRONMENT_FIELDS.filter((field) => fields.has(field)), variables: [...variables.values()] };
}

function variableConflict(first: SharedVariable, second: SharedVariable): Problem {
  return {
    code: 'terraform-variable-conflict',
    message: `Terraform variable ${second.name} stands for the ${second.field} here and for the ${first.field} in ${first.source}`,
    hint: 'definitions written to one directory share their variables: give the parameters different names',
    file: second.source,
  };
}

/**
 * What a directory's shared file declares: the variables of every definition written in this run, and all
 * three `current` data sources — whether or not this run's definitions read them — so that emitting one
 * team's definition into a shared directory never drops a data source another team's file refers to.
 */
export function directoryDeclarations(all: readonly SharedDeclarations[], awsProviderMajorVersion: AwsProviderMajorVersion): SharedDeclarations {
  return { ...mergeDeclarations(all, awsProviderMajorVersion), currentFields: ENVIRONMENT_FIELDS };
}

/** The blocks of the declarations: the `terraform` block, then variables, then data sources. */
export function declarationBlocks(declarations: SharedDeclarations): PlanBlock[] {
  return [terraformSettings(declarations.awsProviderMajorVersion), ...declarations.variables.map(variableBlock), ...declarations.currentFields.map(dataSourceBlock)];
}

/** The `terraform` block pinning the AWS provider. */
export function terraformSettings(awsProviderMajorVersion: AwsProviderMajorVersion): PlanTerraformSettings {
  const aws: PlanProviderRequirement = { name: 'aws', source: 'hashicorp/aws', version: awsProviderConstraint(awsProviderMajorVersion) };
  return { kind: 'terraform', requiredProviders: [aws] };
}

function variableBlock(variable: SharedVariable): PlanVariable {
  const validation = PARAMETER_VALIDATION[variable.field];
  return {
    kind: 'variable',
    label: variable.name,
    field: variable.field,
    type: 'string',
    description: variable.description,
    validation: { pattern: validation.pattern, errorMessage: `The ${variable.name} variable ${validation.errorMessage}` },
  };
}

function dataSourceBlock(field: EnvironmentField): PlanResource {
  const source = CURRENT_DATA_SOURCES[field];
  return { kind: 'data', type: source.type, label: source.label, body: [], notices: [], directives: [] };
}
