/**
 * A Lambda resource policy as one `aws_lambda_permission` per statement: Lambda function policies can only
 * be written through AddPermission. The normaliser guarantees each statement is an Allow with one service
 * or account principal, one action, no NotX fields, and only `aws:SourceArn` (ArnLike / ArnEquals) and
 * `aws:SourceAccount` (StringEquals) conditions; anything else is a bug upstream. Labels, arguments and
 * notices follow the HCL target. AWS stores `source_arn` as an `ArnLike` condition, which matches exactly
 * as `ArnEquals` does; the statement's Resource is not written: AWS sets it to the function's ARN. A waived
 * policy's suppressions go on the permissions without `source_arn` or `source_account`.
 */
import { listOf, statementsOf, type ConditionValue, type PolicyString, type ResourcePolicyModel, type Statement } from '@deputy/policy-model';
import { policyStringTemplate } from './environment-references.js';
import type { PlanContext } from './plan-context.js';
import { literalParts } from './role-blocks.js';
import type { ResourceBlock, TerraformBody } from './terraform-blocks.js';
import { labelFor, snakeCaseLabel } from './terraform-labels.js';
import { literalTemplate } from './terraform-template.js';
import { withUnicodeNfcNotice } from './unicode-normalization.js';
import { waiverDirectives } from './waiver-suppressions.js';

/** The Terraform type of a Lambda permission. */
export const LAMBDA_PERMISSION = 'aws_lambda_permission';

/** The notice on a permission whose definition compared `aws:SourceArn` with `ArnEquals`. */
export const ARN_EQUALS_NOTICE =
  'The definition compares aws:SourceArn with ArnEquals; AWS stores source_arn as ArnLike, which matches identically.';

/** One `aws_lambda_permission` per statement of the policy. */
export function lambdaPermissionBlocks(policy: ResourcePolicyModel, functionName: PolicyString, context: PlanContext): ResourceBlock[] {
  const statements = statementsOf(policy.document);
  return statements.map((statement, index) => {
    const suffix = statement.Sid ? snakeCaseLabel(statement.Sid) : statements.length > 1 ? String(index + 1) : '';
    const base = suffix === '' ? labelFor(policy) : `${labelFor(policy)}_${suffix.replace(/^_/, '')}`;
    const label = context.labels.claim(`resource.${LAMBDA_PERMISSION}`, base);
    const permission = lambdaPermission(statement);
    const body: { [argument: string]: TerraformBody[string] } = {};
    if (statement.Sid) body['statement_id'] = literalTemplate(statement.Sid);
    body['action'] = policyStringTemplate(permission.action, context);
    body['function_name'] = policyStringTemplate(functionName, context);
    body['principal'] = policyStringTemplate(permission.principal, context);
    if (permission.sourceArn) body['source_arn'] = policyStringTemplate(permission.sourceArn.value, context);
    if (permission.sourceAccount !== undefined) body['source_account'] = policyStringTemplate(permission.sourceAccount, context);
    const notices = [...(index === 0 ? policy.notices : []), ...(permission.sourceArn?.operator === 'ArnEquals' ? [ARN_EQUALS_NOTICE] : [])];
    const texts = [statement.Sid ?? '', ...[permission.action, functionName, permission.principal, permission.sourceArn?.value, permission.sourceAccount].flatMap(literalParts)];
    const directives = !permission.sourceArn && permission.sourceAccount === undefined ? waiverDirectives(policy.waivers) : [];
    return { kind: 'resource', type: LAMBDA_PERMISSION, label, body, notices: [...withUnicodeNfcNotice(notices, texts), ...directives] };
  });
}

/** The fields of one permission, read from a normalised statement. */
export interface LambdaPermissionFields {
  /** The one action, e.g. `lambda:InvokeFunction`. */
  readonly action: PolicyString;
  /** The one principal: a service principal, an account ID or an ARN. */
  readonly principal: PolicyString;
  /** The `aws:SourceArn` condition, when present. */
  readonly sourceArn?: { readonly operator: 'ArnLike' | 'ArnEquals'; readonly value: PolicyString };
  /** The `aws:SourceAccount` condition value, when present. */
  readonly sourceAccount?: PolicyString;
}

/** Reads the permission fields of a normalised statement; throws when the normaliser's guarantee does not hold. */
export function lambdaPermission(statement: Statement): LambdaPermissionFields {
  const actions = listOf(statement.Action);
  const principal = statement.Principal;
  const identifiers = principal === undefined || principal === '*' ? [] : Object.values(principal).flatMap((value) => listOf(value));
  const [action] = actions;
  const [identifier] = identifiers;
  if (statement.Effect !== 'Allow' || action === undefined || actions.length !== 1 || identifier === undefined || identifiers.length !== 1) {
    throw new Error(`invariant: a lambda-permission statement must allow one action for one principal: ${JSON.stringify(statement)}`);
  }
  let sourceArn: LambdaPermissionFields['sourceArn'];
  let sourceAccount: PolicyString | undefined;
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const value = singleString(values);
      const normalizedKey = key.toLowerCase();
      if (normalizedKey === 'aws:sourcearn' && (operator === 'ArnLike' || operator === 'ArnEquals') && value !== undefined) {
        sourceArn = { operator, value };
      } else if (normalizedKey === 'aws:sourceaccount' && operator === 'StringEquals' && value !== undefined) {
        sourceAccount = value;
      } else {
        throw new Error(`invariant: a lambda-permission statement cannot carry ${operator} ${key}`);
      }
    }
  }
  return { action, principal: identifier, ...(sourceArn ? { sourceArn } : {}), ...(sourceAccount !== undefined ? { sourceAccount } : {}) };
}

function singleString(values: ConditionValue | readonly ConditionValue[]): PolicyString | undefined {
  const list: readonly ConditionValue[] = Array.isArray(values) ? values : [values as ConditionValue];
  const [only] = list;
  return list.length === 1 && only !== undefined && typeof only !== 'boolean' && typeof only !== 'number' ? only : undefined;
}
