/** An IAM role as an `AWS::IAM::Role` resource, and the Outputs that publish its ARN and name. */
import type { RoleModel } from '@deputy/policy-model';
import type { CfnMap, CfnValue } from './cfn-value.js';
import { cfnGetAtt, cfnList, cfnMap, cfnRef } from './cfn-value.js';
import { cfnString } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import { policyDocumentValue } from './policy-document-value.js';
import { waiverMetadata } from './waiver-metadata.js';

/** The role resource, with the lint suppressions of its waivers as Metadata. Empty lists are left out rather than written as `[]`. */
export function roleResource(role: RoleModel, bindings: EnvironmentBindings): CfnMap {
  return cfnMap([
    ['Type', 'AWS::IAM::Role'],
    ['Metadata', waiverMetadata(role.waivers)],
    [
      'Properties',
      cfnMap([
        ['RoleName', role.name],
        ['Description', role.description],
        ['Path', role.path],
        ['MaxSessionDuration', role.maxSessionDuration],
        ['PermissionsBoundary', role.permissionsBoundary === undefined ? undefined : cfnString(role.permissionsBoundary, bindings)],
        ['AssumeRolePolicyDocument', policyDocumentValue(role.trustPolicy, bindings)],
        ['ManagedPolicyArns', nonEmptyList(role.managedPolicyArns.map((arn) => cfnString(arn, bindings)))],
        [
          'Policies',
          nonEmptyList(role.inlinePolicies.map((policy) => cfnMap([['PolicyName', policy.name], ['PolicyDocument', policyDocumentValue(policy.document, bindings)]]))),
        ],
        ['Tags', nonEmptyList(role.tags.map((tag) => cfnMap([['Key', tag.key], ['Value', tag.value]])))],
      ]),
    ],
  ]);
}

/** The Output giving the role's ARN. */
export function roleArnOutput(role: RoleModel, roleId: string): CfnMap {
  return cfnMap([
    ['Description', `ARN of the IAM role ${role.name}`],
    ['Value', cfnGetAtt(roleId, 'Arn')],
  ]);
}

/** The Output giving the role's name. */
export function roleNameOutput(role: RoleModel, roleId: string): CfnMap {
  return cfnMap([
    ['Description', `Name of the IAM role ${role.name}`],
    ['Value', cfnRef(roleId)],
  ]);
}

function nonEmptyList(items: readonly CfnValue[]): CfnValue | undefined {
  return items.length === 0 ? undefined : cfnList(items);
}
