/**
 * Lambda resource policies can only be written through AddPermission: one principal, one action and at most
 * a source ARN and source account per permission. This checks that each statement fits.
 */
import type { PathSegment } from '../load/source-document.js';
import { listOf, statementsOf, type ConditionValue, type LiteralPolicyDocument, type Statement } from '../policy/policy-document.js';
import type { PolicyString } from '../model/value.js';
import type { PathProblem } from '../policy/validate-policy.js';

const ALLOWED_CONDITIONS: Readonly<Record<string, readonly string[]>> = {
  ArnLike: ['aws:sourcearn'],
  ArnEquals: ['aws:sourcearn'],
  StringEquals: ['aws:sourceaccount'],
};

/** Problems that stop a document from becoming Lambda permissions. */
export function validateLambdaStatements(document: LiteralPolicyDocument, path: readonly PathSegment[]): PathProblem[] {
  const problems: PathProblem[] = [];
  const hint = 'a Lambda permission has one Allow statement per principal with one action, and only ArnLike/ArnEquals aws:SourceArn and StringEquals aws:SourceAccount conditions; attach other policies as a bare document';
  statementsOf(document).forEach((statement, index) => {
    const at = Array.isArray(document.Statement) ? [...path, 'Statement', index] : [...path, 'Statement'];
    const principals = statement.Principal === '*' || !statement.Principal ? [] : Object.values(statement.Principal).flatMap((ids) => listOf(ids));
    const fits =
      statement.Effect === 'Allow' &&
      statement.NotPrincipal === undefined &&
      statement.NotAction === undefined &&
      statement.NotResource === undefined &&
      principals.length === 1 &&
      listOf(statement.Action).length === 1 &&
      Object.entries(statement.Condition ?? {}).every(([operator, keys]) =>
        Object.entries(keys).every(([key, value]) => ALLOWED_CONDITIONS[operator]?.includes(key.toLowerCase()) && listOf(value).length === 1),
      );
    if (!fits) problems.push({ code: 'not-a-lambda-permission', message: 'this statement cannot be expressed as a Lambda permission', hint, path: at });
  });
  return problems;
}

/** What one Lambda permission carries, read from a statement that passed {@link validateLambdaStatements}. */
export interface LambdaPermissionFields {
  /** The one principal: a service principal, an account ID or an ARN. */
  readonly principal: PolicyString;
  /** The one action, e.g. `lambda:InvokeFunction`. */
  readonly action: PolicyString;
  /** The `aws:SourceArn` condition (AWS stores it as ArnLike; ArnEquals matches identically). */
  readonly sourceArn?: { readonly operator: 'ArnLike' | 'ArnEquals'; readonly value: PolicyString };
  /** The `aws:SourceAccount` condition value. */
  readonly sourceAccount?: PolicyString;
}

/**
 * The permission fields of a normalised Lambda statement, shared by every target that writes Lambda
 * permissions. Throws an invariant failure for a statement normalisation should have refused.
 */
export function lambdaPermissionFields(statement: Statement): LambdaPermissionFields {
  const principals = statement.Principal === undefined || statement.Principal === '*' ? [] : Object.values(statement.Principal).flatMap((ids) => listOf(ids));
  const actions = listOf(statement.Action);
  const [principal] = principals;
  const [action] = actions;
  if (statement.Effect !== 'Allow' || principal === undefined || principals.length !== 1 || action === undefined || actions.length !== 1) {
    throw new Error(`invariant: statement ${JSON.stringify(statement)} is not a Lambda permission`);
  }
  let sourceArn: LambdaPermissionFields['sourceArn'];
  let sourceAccount: PolicyString | undefined;
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const list = listOf<ConditionValue>(values);
      const [value] = list;
      if (list.length !== 1 || value === undefined || typeof value === 'boolean' || typeof value === 'number') {
        throw new Error(`invariant: condition ${operator} ${key} of a Lambda permission needs exactly one string value`);
      }
      const lowered = key.toLowerCase();
      if (lowered === 'aws:sourcearn' && (operator === 'ArnLike' || operator === 'ArnEquals')) sourceArn = { operator, value };
      else if (lowered === 'aws:sourceaccount' && operator === 'StringEquals') sourceAccount = value;
      else throw new Error(`invariant: a Lambda permission cannot carry ${operator} ${key}`);
    }
  }
  return { principal, action, ...(sourceArn ? { sourceArn } : {}), ...(sourceAccount !== undefined ? { sourceAccount } : {}) };
}
