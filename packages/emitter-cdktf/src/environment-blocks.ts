/**
 * The `variable` and `data` blocks behind environment references, declared once and only when used — as
 * in the HCL target, with the same validation of parameters.
 */
import { ENVIRONMENT_FIELDS, type EnvironmentField } from '@deputy/policy-model';
import { CURRENT_DATA_SOURCES, currentFieldExpression } from './environment-references.js';
import type { PlanContext } from './plan-context.js';
import type { ResourceBlock, VariableBlock } from './terraform-blocks.js';
import { variableName } from './terraform-labels.js';
import { literalOnlyText, literalTemplate } from './terraform-template.js';

/** The validation Terraform applies to a parameter of each field: a regular expression and the message when it fails. */
export const PARAMETER_VALIDATION: {
  readonly [field in EnvironmentField]: { readonly pattern: string; readonly errorMessage: string };
} = {
  account: { pattern: '^[0-9]{12}$', errorMessage: 'must be a 12-digit AWS account ID, such as 123456789012.' },
  region: { pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$', errorMessage: 'must be an AWS Region code, such as us-east-1.' },
  partition: { pattern: '^aws(-[a-z]+)*$', errorMessage: 'must be an AWS partition, such as aws, aws-cn or aws-us-gov.' },
};

/** The environment blocks a plan needs. */
export interface EnvironmentBlocks {
  /** `variable` blocks for parameters, in field order. */
  readonly variables: readonly VariableBlock[];
  /** `data` blocks for `current` fields, in field order. */
  readonly dataSources: readonly ResourceBlock[];
  /** Addresses from `existing` that the plan refers to, in field order. */
  readonly reused: readonly string[];
}

/**
 * The variable and data blocks for the expressions the plan interpolated. `existing` holds addresses
 * already declared in the stack (by another `DeputyRoles`, or by the app): those are reused, not declared again.
 */
export function environmentBlocks(context: PlanContext, existing: ReadonlySet<string>): EnvironmentBlocks {
  const variables: VariableBlock[] = [];
  const dataSources: ResourceBlock[] = [];
  const reused: string[] = [];
  const declared = new Set<string>();
  const declare = (address: string): boolean => {
    if (declared.has(address)) return false;
    declared.add(address);
    if (!existing.has(address)) return true;
    reused.push(address);
    return false;
  };
  for (const field of ENVIRONMENT_FIELDS) {
    const value = context.environment[field];
    if (value.kind === 'current' && context.usedExpressions.has(currentFieldExpression(field, context.awsProviderMajorVersion))) {
      const source = CURRENT_DATA_SOURCES[field];
      if (declare(`data.${source.type}.${source.label}`)) dataSources.push({ kind: 'data', type: source.type, label: source.label, body: {}, notices: [] });
    }
    if (value.kind === 'parameter') {
      const name = variableName(value.name);
      if (context.usedExpressions.has(`var.${name}`) && declare(`var.${name}`)) {
        variables.push(variableBlock(name, value.description, field, context.source));
      }
    }
  }
  return { variables, dataSources, reused };
}

function variableBlock(name: string, description: string, field: EnvironmentField, source: string): VariableBlock {
  const validation = PARAMETER_VALIDATION[field];
  return {
    kind: 'variable',
    label: name,
    type: 'string',
    description: literalOnlyText(description, `the description of parameter ${name}`, source),
    validation: {
      condition: `\${can(regex(${JSON.stringify(validation.pattern)}, var.${name}))}`,
      errorMessage: literalTemplate(`The ${name} variable ${validation.errorMessage}`),
    },
  };
}
