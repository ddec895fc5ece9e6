/**
 * Lambda resource policies become `AWS::Lambda::Permission` resources, one per statement. Normalisation
 * guarantees each statement fits: Allow, one service or account principal, one action, and only
 * `aws:SourceArn` and `aws:SourceAccount` conditions with one value each. The statement's Resource is the
 * function itself (`FunctionName`); Lambda generates the statement ID, and writes SourceArn as ArnLike.
 */
import type { ConditionValue, PolicyString, Statement, WaiverRecord } from '@deputy/policy-model';
import { listOf } from '@deputy/policy-model';
import type { CfnMap } from './cfn-value.js';
import { cfnMap } from './cfn-value.js';
import { cfnString } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import { waiverMetadata } from './waiver-metadata.js';

/** The parts of a statement a Lambda permission carries. */
export interface LambdaPermissionFields {
  /** The service principal, account ID or ARN allowed to invoke. */
  readonly principal: PolicyString;
  /** The action, e.g. `lambda:InvokeFunction`. */
  readonly action: PolicyString;
  /** The `aws:SourceArn` condition value. */
  readonly sourceArn?: PolicyString;
  /** The `aws:SourceAccount` condition value. */
  readonly sourceAccount?: PolicyString;
}

/** Reads the permission fields of a statement; throws on a statement normalisation should have refused. */
export function lambdaPermissionFields(statement: Statement): LambdaPermissionFields {
  const principals = statement.Principal === undefined || statement.Principal === '*' ? [] : Object.values(statement.Principal).flatMap((ids) => listOf(ids));
  const actions = listOf(statement.Action);
  if (statement.Effect !== 'Allow' || principals.length !== 1 || actions.length !== 1) {
    throw new Error(`invariant: statement ${JSON.stringify(statement)} is not a Lambda permission`);
  }
  let sourceArn: PolicyString | undefined;
  let sourceAccount: PolicyString | undefined;
  for (const keys of Object.values(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const value = singleString(listOf<ConditionValue>(values), key);
      if (key.toLowerCase() === 'aws:sourcearn') sourceArn = value;
      else if (key.toLowerCase() === 'aws:sourceaccount') sourceAccount = value;
      else throw new Error(`invariant: condition key ${key} has no Lambda permission property`);
    }
  }
  return {
    principal: principals[0]!,
    action: actions[0]!,
    ...(sourceArn !== undefined ? { sourceArn } : {}),
    ...(sourceAccount !== undefined ? { sourceAccount } : {}),
  };
}

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
        ['SourceArn', value(fields.sourceArn)],
      ]),
    ],
  ]);
}

/** True when the permission names no source: the only kind a waiver can concern. */
export function isUnprotected(fields: LambdaPermissionFields): boolean {
  return fields.sourceArn === undefined && fields.sourceAccount === undefined;
}

function singleString(values: readonly ConditionValue[], key: string): PolicyString {
  const [value] = values;
  if (values.length !== 1 || typeof value === 'boolean' || typeof value === 'number' || value === undefined) {
    throw new Error(`invariant: condition ${key} of a Lambda permission needs exactly one string value`);
  }
  return value;
}
