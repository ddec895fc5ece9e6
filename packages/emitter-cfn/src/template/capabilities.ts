/**
 * What CloudFormation must be told to deploy a template: a stack that creates IAM roles with custom names
 * (deputy always writes `RoleName`) is refused unless the deployer acknowledges `CAPABILITY_NAMED_IAM`
 * (`aws cloudformation deploy --capabilities CAPABILITY_NAMED_IAM`, or the console's checkbox). Resource
 * policies and Lambda permissions alone need no capability. The template says so in its Description (both
 * formats) and in a header comment (YAML).
 */
import type { DeputyModel } from '@deputy/policy-model';

/** The capability a template with named IAM roles needs. */
export const NAMED_IAM_CAPABILITY = 'CAPABILITY_NAMED_IAM';

/** The capabilities deploying the model's template needs, in the order `--capabilities` takes them. */
export function requiredCapabilities(model: DeputyModel): string[] {
  return model.roles.length > 0 ? [NAMED_IAM_CAPABILITY] : [];
}

/** The header comment naming the capabilities; empty when none is needed. */
export function capabilityComment(capabilities: readonly string[]): string {
  if (capabilities.length === 0) return '';
  return `Deploy with --capabilities ${capabilities.join(' ')}: this template creates IAM roles with custom names.`;
}
