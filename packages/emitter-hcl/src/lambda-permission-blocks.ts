/**
 * A Lambda resource policy as one `aws_lambda_permission` per statement: Lambda function policies can only
 * be written through AddPermission. The normaliser guarantees each statement is an Allow with one service
 * or account principal, one action, no NotX fields, and only `aws:SourceArn` (ArnLike / ArnEquals) and
 * `aws:SourceAccount` (StringEquals) conditions; anything else is a bug upstream.
 *
 * AWS stores `source_arn` as an `ArnLike` condition. `ArnEquals` compares ARNs exactly as `ArnLike` does
 * (both honour `*` and `?` in each ARN component), so a statement written with `ArnEquals` keeps its
 * meaning; a comment says so. The statement's Resource is not printed: AWS sets it to the function's ARN.
 * A waived policy's suppressions go on the permissions without `source_arn` or `source_account`.
 */
import { lambdaPermissionFields, statementsOf, type PolicyString, type ResourcePolicyModel } from '@deputy/policy-model';
import type { EmitContext } from './emit-context.js';
import { policyStringExpression } from './environment-references.js';
import { labelFor, snakeCaseLabel } from './hcl-label.js';
import { attribute, block, text, type HclBlock, type HclBodyItem } from './hcl-syntax.js';
import { waiverDirectives, withDirectives } from './waiver-suppressions.js';

/** The Terraform type of a Lambda permission. */
export const LAMBDA_PERMISSION = 'aws_lambda_permission';

/** One `aws_lambda_permission` per statement of the policy. */
export function lambdaPermissionBlocks(policy: ResourcePolicyModel, functionName: PolicyString, context: EmitContext): HclBlock[] {
  const statements = statementsOf(policy.document);
  return statements.map((statement, index) => {
    const suffix = statement.Sid ? snakeCaseLabel(statement.Sid) : statements.length > 1 ? String(index + 1) : '';
    const base = suffix === '' ? labelFor(policy) : `${labelFor(policy)}_${suffix.replace(/^_/, '')}`;
    const label = context.labels.claim(`resource.${LAMBDA_PERMISSION}`, base);
    const permission = lambdaPermissionFields(statement);
    const body: HclBodyItem[] = [];
    if (statement.Sid) body.push(attribute('statement_id', text(statement.Sid)));
    body.push(attribute('action', policyStringExpression(permission.action, context)));
    body.push(attribute('function_name', policyStringExpression(functionName, context)));
    body.push(attribute('principal', policyStringExpression(permission.principal, context)));
    if (permission.sourceArn) body.push(attribute('source_arn', policyStringExpression(permission.sourceArn.value, context)));
    if (permission.sourceAccount !== undefined) {
      body.push(attribute('source_account', policyStringExpression(permission.sourceAccount, context)));
    }
    const comments = [...(index === 0 ? policy.notices : [])];
    if (permission.sourceArn?.operator === 'ArnEquals') {
      comments.push('The definition compares aws:SourceArn with ArnEquals; AWS stores source_arn as ArnLike, which matches identically.');
    }
    const unprotected = !permission.sourceArn && permission.sourceAccount === undefined;
    return withDirectives(block('resource', [LAMBDA_PERMISSION, label], body, comments), unprotected ? waiverDirectives(policy.waivers) : []);
  });
}
