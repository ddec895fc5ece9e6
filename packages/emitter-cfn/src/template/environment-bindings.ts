/**
 * How each environment field is written in a template: literal text, the pseudo parameters
 * `AWS::AccountId` / `AWS::Region` / `AWS::Partition`, or a template Parameter.
 */
import type { EnvironmentField, EnvironmentValue } from '@deputy/policy-model';
import type { CfnMap } from './cfn-value.js';
import { cfnMap } from './cfn-value.js';

/** One field's form in the template. */
export type FieldBinding =
  /** A literal value, written into the string. */
  | { readonly kind: 'text'; /** The literal value. */ readonly text: string }
  /** A `Ref` (or `${…}` inside a Sub string) to a pseudo parameter or a Parameter. */
  | { readonly kind: 'ref'; /** The pseudo parameter or the Parameter's logical ID. */ readonly target: string };

/** The binding of every environment field. */
export type EnvironmentBindings = { readonly [field in EnvironmentField]: FieldBinding };

/** The pseudo parameter that gives each field's current value. */
export const PSEUDO_PARAMETERS: { readonly [field in EnvironmentField]: string } = {
  account: 'AWS::AccountId',
  region: 'AWS::Region',
  partition: 'AWS::Partition',
};

/**
 * What deployers may type for each field, as an `AllowedPattern` and the message shown when it fails. The
 * patterns differ, so a template reader can tell which field a Parameter stands for.
 */
export const PARAMETER_CONSTRAINTS: { readonly [field in EnvironmentField]: { readonly pattern: string; readonly message: string } } = {
  account: { pattern: '^\\d{12}$', message: 'an AWS account ID: exactly 12 digits' },
  region: { pattern: '^[a-z]{2}(-[a-z]+)+-\\d{1,2}$', message: 'an AWS Region name such as us-east-1' },
  partition: { pattern: '^aws(-[a-z]+)*$', message: 'an AWS partition such as aws, aws-cn or aws-us-gov' },
};

/** The binding of one field, given the logical ID chosen for its Parameter (when it is one). */
export function fieldBinding(field: EnvironmentField, value: EnvironmentValue, parameterId: string | undefined): FieldBinding {
  switch (value.kind) {
    case 'literal':
      return { kind: 'text', text: value.value };
    case 'current':
      return { kind: 'ref', target: PSEUDO_PARAMETERS[field] };
    case 'parameter':
      if (parameterId === undefined) throw new Error(`invariant: no logical ID for the ${field} parameter ${value.name}`);
      return { kind: 'ref', target: parameterId };
  }
}

/** The `Parameters` entry declaring a field's Parameter. */
export function parameterDeclaration(field: EnvironmentField, description: string): CfnMap {
  const constraint = PARAMETER_CONSTRAINTS[field];
  return cfnMap([
    ['Type', 'String'],
    ['Description', description],
    ['AllowedPattern', constraint.pattern],
    ['ConstraintDescription', `must be ${constraint.message}`],
  ]);
}
