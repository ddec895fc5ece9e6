/**
 * Lambda resource policies become `AWS::Lambda::Permission` resources, one per statement. Normalisation
 * guarantees each statement fits: Allow, one service or account principal, one action, and only
 * `aws:SourceArn` and `aws:SourceAccount` conditions with one value each. The statement's Resource is the
 * function itself (`FunctionName`); Lambda generates the statement ID, and writes SourceArn as ArnLike.
 */
import type { LambdaPermissionFields, PolicyString, Statement, WaiverRecord } from '@deputy/policy-model';
import { lambdaPermissionFields } from '@deputy/policy-model';
import type { CfnMap } from './cfn-value.js';
import { cfnMap } from './cfn-value.js';
import { cfnString } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import { waiverMetadata } from './waiver-metadata.js';

/**
 * The `AWS::Lambda::Permission` resource for one statement. A permission with neither SourceArn nor
 * SourceAccount carries the lint suppressions of the policy's `waivers` as Metadata.
 */
export function lambdaPermissionResource(functionName: PolicyString, statement: Statement, bindings: EnvironmentBindings, waivers?: readonly WaiverRecord[]): CfnMap {
  const fields = lambdaPermissionFields(statement);
  const value = (text: PolicyString | undefined) => (text === undefined ? undefined : cfnString(text, bindings));
  return cfnMap([
    ['Type', 'AWS::Lambda::Permission'],
    ['Metadata', isUnprotected(fields) ? waiverMetadata(waivers) : undefined],
    [
      'Properties',
      cfnMap([
        ['FunctionName', value(functionName)],
        ['Action', value(fields.action)],
        ['Principal', value(fields.principal)],
        ['SourceAccount', value(fields.sourceAccount)],
        ['SourceArn', value(fields.sourceArn?.value)],
      ]),
    ],
  ]);
}

/** True when the permission names no source: the only kind a waiver can concern. */
export function isUnprotected(fields: LambdaPermissionFields): boolean {
  return fields.sourceArn === undefined && fields.sourceAccount === undefined;
}
