/**
 * Documents where `Principal: "*"` does not expose anything to every account: VPC endpoint policies (they
 * only narrow what callers already allowed by IAM may do through the endpoint), CloudFormation stack
 * policies (they govern stack updates, not access), and policies whose Allow for `"*"` is fenced by a Deny
 * for `"*"` unless the request comes through a given VPC endpoint, VPC, network or organization (the
 * documented private API Gateway pattern).
 */
import { parseConditionOperator } from '@deputy/policy-model';
import type { LocatedValue } from '../located/located-value.js';
import type { FoundPolicy } from './found-policy.js';
import { statementName, type StatementView } from './policy-view.js';
import { literalTextOf } from './text-value.js';

/** Resource types whose policy is a VPC endpoint policy, in CloudFormation and Terraform. */
const ENDPOINT_POLICY_TYPES = new Set(['AWS::EC2::VPCEndpoint', 'aws_vpc_endpoint', 'aws_vpc_endpoint_policy']);

/** Where a stack policy is written: a CloudFormation stack's or stack set's stack policy, a parameters file. */
const STACK_POLICY_PATH = /(^|\.)(StackPolicy|StackPolicyBody|StackPolicyDuringUpdateBody)(\.|\[|$)|(^|\.)aws_cloudformation_stack\.[^.]+\.policy_body$/;

/** Keys a negated Deny condition fences the public Allow with. */
const FENCE_KEYS = new Set(['aws:sourcevpce', 'aws:sourcevpc', 'aws:sourcevpcarn', 'aws:sourceip', 'aws:vpcsourceip', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount']);

/**
 * Why `Principal: "*"` in this policy does not grant access to every account, or undefined when it may.
 * `statement` is the Allow in question (the fence must cover its actions).
 */
export function publicPrincipalScope(policy: FoundPolicy, statement: StatementView): string | undefined {
  if (policy.resourceType !== undefined && ENDPOINT_POLICY_TYPES.has(policy.resourceType)) {
    return 'a VPC endpoint policy only narrows what IAM already allows callers to do through the endpoint';
  }
  if (STACK_POLICY_PATH.test(policy.label) || isStackPolicyStatement(statement)) {
    return 'a CloudFormation stack policy governs stack updates, not access to resources';
  }
  const fence = policy.statements.find((candidate) => fencedKey(candidate) !== undefined && coversActions(candidate, statement));
  if (fence) return `${statementName(fence)} denies every request that does not match ${fencedKey(fence)}`;
  return undefined;
}

/** Stack policy actions are `Update:Modify`, `Update:Replace`, `Update:Delete`, `Update:*`. */
function isStackPolicyStatement(statement: StatementView): boolean {
  const actions = statement.actions.map(literalTextOf);
  return actions.length > 0 && actions.every((action) => action !== undefined && /^Update:/.test(action));
}

/** The key of a Deny for everyone whose condition only negates a fence key, e.g. `StringNotEquals aws:SourceVpce`. */
function fencedKey(statement: StatementView): string | undefined {
  if (statement.effect !== 'Deny' || !statement.principal?.anyone || statement.condition.unknown || statement.notActions) return undefined;
  const clauses = statement.condition.clauses;
  if (clauses.length === 0) return undefined;
  const negated = clauses.every((clause) => {
    const operator = parseConditionOperator(clause.operator.trim());
    return operator !== undefined && !operator.qualifier && /Not/.test(operator.base) && FENCE_KEYS.has(clause.key.toLowerCase());
  });
  return negated && clauses.length === 1 ? clauses[0]!.key : negated ? clauses.map((clause) => clause.key).join(' and ') : undefined;
}

/** True when every action of `allow` is denied by `deny` (literal actions; `*` and `service:*` patterns). */
function coversActions(deny: StatementView, allow: StatementView): boolean {
  if (allow.notActions) return false;
  const patterns = deny.actions.map(literalTextOf);
  if (patterns.some((pattern) => pattern === undefined)) return false;
  const allowed = allow.actions.map((action: LocatedValue) => literalTextOf(action));
  return allowed.length > 0 && allowed.every((action) => action !== undefined && patterns.some((pattern) => actionMatches(pattern!, action)));
}

function actionMatches(pattern: string, action: string): boolean {
  const expression = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return expression.test(action) || pattern.toLowerCase() === action.toLowerCase();
}
