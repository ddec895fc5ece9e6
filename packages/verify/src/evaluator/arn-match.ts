/**
 * ARN comparison for ArnEquals / ArnLike (and the Resource element): each of the six colon-delimited fields
 * is matched separately, `*` and `?` work inside a field, and the resource field keeps its own colons.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 */
import type { RequestContext } from './request.js';
import { matchesPattern, resolvePattern } from './iam-string.js';

/** True / false, or undefined when either side is not an ARN or a policy variable cannot be resolved. */
export type Comparison = boolean | undefined;

/**
 * Compares a request ARN with a policy ARN pattern, field by field in order (partition, service, Region,
 * account, resource): the first field that does not match decides, so a policy variable that cannot be
 * resolved makes the comparison undefined only when every earlier field matched.
 */
export function compareArn(policyArn: string, requestArn: string, context: RequestContext, variables: boolean): Comparison {
  const policyFields = splitArnFields(policyArn, variables);
  const requestFields = splitArnFields(requestArn, false);
  if (!policyFields || !requestFields) return undefined;
  for (let field = 1; field < 6; field++) {
    const resolved = resolvePattern(policyFields[field]!, context, { variables, wildcards: true });
    if (!resolved.ok) return undefined;
    if (!matchesPattern(resolved.pieces, requestFields[field]!)) return false;
  }
  return true;
}

/**
 * The six fields of an ARN, splitting at the first five colons; with variables enabled, a colon inside
 * `${…}` (as in `${aws:username}`) does not split. Undefined unless the text starts with `arn:` and has six fields.
 */
export function splitArnFields(arn: string, variables: boolean): string[] | undefined {
  const fields: string[] = [];
  let start = 0;
  let index = 0;
  while (index < arn.length && fields.length < 5) {
    if (variables && arn[index] === '$' && arn[index + 1] === '{') {
      const end = arn.indexOf('}', index + 2);
      if (end !== -1) {
        index = end + 1;
        continue;
      }
    }
    if (arn[index] === ':') {
      fields.push(arn.slice(start, index));
      start = index + 1;
    }
    index++;
  }
  if (fields.length < 5) return undefined;
  fields.push(arn.slice(start));
  return fields[0] === 'arn' ? fields : undefined;
}
