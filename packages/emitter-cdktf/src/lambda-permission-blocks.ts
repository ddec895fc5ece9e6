/**
 * A Lambda resource policy as one `aws_lambda_permission` per statement: Lambda function policies can only
 * be written through AddPermission. The normaliser guarantees each statement is an Allow with one service
 * or account principal, one action, no NotX fields, and only `aws:SourceArn` (ArnLike / ArnEquals) and
 * `aws:SourceAccount` (StringEquals) conditions; anything else is a bug upstream. Labels, arguments and
 * notices follow the HCL target. AWS stores `source_arn` as an `ArnLike` condition, which matches exactly
 * as `ArnEquals` does; the statement's Resource is not written: AWS sets it to the function's ARN. A waived
 * policy's suppressions go on the permissions without `source_arn` or `source_account`.
 */
import { lambdaPermissionFields, statementsOf, type PolicyString, type ResourcePolicyModel } from '@deputy/policy-model';
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
    const permission = lambdaPermissionFields(statement);
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
