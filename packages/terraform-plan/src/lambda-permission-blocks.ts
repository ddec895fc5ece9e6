/**
 * A Lambda resource policy as one `aws_lambda_permission` per statement: Lambda function policies can only
 * be written through AddPermission. The normaliser guarantees each statement is an Allow with one service
 * or account principal, one action, no NotX fields, and only `aws:SourceArn` (ArnLike / ArnEquals) and
 * `aws:SourceAccount` (StringEquals) conditions; anything else is a bug upstream.
 *
 * AWS stores `source_arn` as an `ArnLike` condition. `ArnEquals` compares ARNs exactly as `ArnLike` does
 * (both honour `*` and `?` in each ARN component), so a statement written with `ArnEquals` keeps its
 * meaning; a notice says so. The statement's Resource is not written: AWS sets it to the function's ARN.
 * A waived policy's suppressions go on the permissions without `source_arn` or `source_account`.
 */
import { lambdaPermissionFields, statementsOf, type PolicyString, type ResourcePolicyModel } from '@deputy/policy-model';
import { policyStringValue } from './environment-references.js';
import type { PlanArgument, PlanResource } from './plan-blocks.js';
import type { PlanContext } from './plan-context.js';
import { literal } from './plan-values.js';
import { labelFor, snakeCaseLabel } from './terraform-labels.js';
import { waiverDirectives } from './waiver-suppressions.js';

/** The Terraform type of a Lambda permission. */
export const LAMBDA_PERMISSION = 'aws_lambda_permission';

/** The notice on a permission whose definition compared `aws:SourceArn` with `ArnEquals`. */
export const ARN_EQUALS_NOTICE =
  'The definition compares aws:SourceArn with ArnEquals; AWS stores source_arn as ArnLike, which matches identically.';

/** One `aws_lambda_permission` per statement of the policy. */
export function lambdaPermissionBlocks(policy: ResourcePolicyModel, functionName: PolicyString, context: PlanContext): PlanResource[] {
  const statements = statementsOf(policy.document);
  return statements.map((statement, index) => {
    const suffix = statement.Sid ? snakeCaseLabel(statement.Sid) : statements.length > 1 ? String(index + 1) : '';
    const base = suffix === '' ? labelFor(policy) : `${labelFor(policy)}_${suffix.replace(/^_/, '')}`;
    const label = context.labels.claim(`resource.${LAMBDA_PERMISSION}`, base);
    const permission = lambdaPermissionFields(statement);
    const body: PlanArgument[] = [];
    if (statement.Sid) body.push({ name: 'statement_id', value: literal(statement.Sid) });
    body.push({ name: 'action', value: policyStringValue(permission.action, context.references) });
    body.push({ name: 'function_name', value: policyStringValue(functionName, context.references) });
    body.push({ name: 'principal', value: policyStringValue(permission.principal, context.references) });
    if (permission.sourceArn) body.push({ name: 'source_arn', value: policyStringValue(permission.sourceArn.value, context.references) });
    if (permission.sourceAccount !== undefined) {
      body.push({ name: 'source_account', value: policyStringValue(permission.sourceAccount, context.references) });
    }
    const notices = [...(index === 0 ? policy.notices : []), ...(permission.sourceArn?.operator === 'ArnEquals' ? [ARN_EQUALS_NOTICE] : [])];
    const unprotected = !permission.sourceArn && permission.sourceAccount === undefined;
    return { kind: 'resource', type: LAMBDA_PERMISSION, label, body, notices, directives: unprotected ? waiverDirectives(policy.waivers) : [] };
  });
}
