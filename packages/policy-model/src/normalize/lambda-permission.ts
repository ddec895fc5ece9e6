/**
 * Lambda resource policies can only be written through AddPermission: one principal, one action and at most
 * a source ARN and source account per permission. This checks that each statement fits.
 */
import type { PathSegment } from '../load/source-document.js';
import { listOf, statementsOf, type LiteralPolicyDocument } from '../policy/policy-document.js';
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
