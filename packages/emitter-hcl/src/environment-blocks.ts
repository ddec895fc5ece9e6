/**
 * The `variable` and `data` blocks behind environment references, declared once per file and only when
 * the file uses them.
 */
import { ENVIRONMENT_FIELDS, type EnvironmentField } from '@deputy/policy-model';
import { CURRENT_DATA_SOURCES, currentFieldPath, variableName, type ReferenceContext } from './environment-references.js';
import { attribute, block, call, text, traversal, type HclBlock } from './hcl-syntax.js';

/** The validation Terraform applies to a parameter of each field: a regular expression and the message when it fails. */
export const PARAMETER_VALIDATION: {
  readonly [field in EnvironmentField]: { readonly pattern: string; readonly errorMessage: string };
} = {
  account: { pattern: '^[0-9]{12}$', errorMessage: 'must be a 12-digit AWS account ID, such as 123456789012.' },
  region: { pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$', errorMessage: 'must be an AWS Region code, such as us-east-1.' },
  partition: { pattern: '^aws(-[a-z]+)*$', errorMessage: 'must be an AWS partition, such as aws, aws-cn or aws-us-gov.' },
};

/** The environment blocks a file needs, given every traversal path it uses. */
export interface EnvironmentBlocks {
  /** `variable` blocks for parameters, in field order. */
  readonly variables: readonly HclBlock[];
  /** `data` blocks for `current` fields, in field order. */
  readonly dataSources: readonly HclBlock[];
}

/** Builds the variable and data blocks for the references that appear in `usedPaths`. */
export function environmentBlocks(usedPaths: ReadonlySet<string>, context: ReferenceContext): EnvironmentBlocks {
  const variables: HclBlock[] = [];
  const declared = new Set<string>();
  const dataSources: HclBlock[] = [];
  for (const field of ENVIRONMENT_FIELDS) {
    const value = context.environment[field];
    if (value.kind === 'current' && usedPaths.has(currentFieldPath(field, context.awsProviderMajorVersion))) {
      const source = CURRENT_DATA_SOURCES[field];
      dataSources.push(block('data', [source.type, source.label], []));
    }
    if (value.kind === 'parameter') {
      const name = variableName(value.name);
      if (usedPaths.has(`var.${name}`) && !declared.has(name)) {
        declared.add(name);
        variables.push(variableBlock(name, value.description, field));
      }
    }
  }
  return { variables, dataSources };
}

function variableBlock(name: string, description: string, field: EnvironmentField): HclBlock {
  const validation = PARAMETER_VALIDATION[field];
  return block('variable', [name], [
    attribute('type', traversal('string')),
    attribute('description', text(description)),
    block('validation', [], [
      attribute('condition', call('can', [call('regex', [text(validation.pattern), traversal(`var.${name}`)])])),
      attribute('error_message', text(`The ${name} variable ${validation.errorMessage}`)),
    ]),
  ]);
}
