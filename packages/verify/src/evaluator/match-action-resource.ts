/**
 * Action / NotAction and Resource / NotResource against the request. Actions compare case-insensitively
 * with `*` and `?`; resources are ARNs compared field by field, case-sensitively, with policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import { compareArn, splitArnFields } from './arn-match.js';
import { matchesPattern, resolvePattern } from './iam-string.js';
import type { RequestContext } from './request.js';

/** Whether a policy action (`*`, `sts:Assume*`) covers the requested `service:Action`. */
export function actionNames(policyAction: string, requestAction: string): boolean {
  if (/^\*+$/.test(policyAction)) return true;
  const colon = policyAction.indexOf(':');
  const requestColon = requestAction.indexOf(':');
  if (colon <= 0 || requestColon <= 0) return false;
  const name = policyAction.slice(colon + 1);
  if (name === '' || /\s/.test(name)) return false;
  if (policyAction.slice(0, colon).toLowerCase() !== requestAction.slice(0, requestColon).toLowerCase()) return false;
  const pattern = resolvePattern(name, {}, { variables: false, wildcards: true });
  return pattern.ok && matchesPattern(pattern.pieces, requestAction.slice(requestColon + 1), true);
}

/** Whether a policy resource (`*`, an ARN pattern) covers the requested resource; no request resource matches only `*`. */
export function resourceNames(policyResource: string, requestResource: string | undefined, context: RequestContext, variables: boolean): boolean {
  if (/^\*+$/.test(policyResource)) return true;
  if (requestResource === undefined) return false;
  if (splitArnFields(policyResource, variables)) return compareArn(policyResource, requestResource, context, variables) === true;
  const pattern = resolvePattern(policyResource, context, { variables, wildcards: true });
  return pattern.ok && matchesPattern(pattern.pieces, requestResource);
}
