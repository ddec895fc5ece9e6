/**
 * `ArnLike aws:SourceArn "*"` read the widest way. Whether IAM matches a bare `*` under an ARN operator is
 * not documented (the evaluator compares ARNs field by field, and `*` has no fields); a policy that relies
 * on it protects nothing either way, so the judgement reads it as `arn:*:*:*:*:*`, every ARN, and never
 * credits it with stopping a call.
 */
import type { LiteralPolicyDocument, Statement } from '@deputy/policy-model';
import { statementsOf } from '@deputy/policy-model';

const ANY_ARN = 'arn:*:*:*:*:*';

/** The document with every bare `*` value of an ARN operator replaced by {@link ANY_ARN}; the same object when there is none. */
export function widenBareArnWildcards(document: LiteralPolicyDocument): LiteralPolicyDocument {
  let changed = false;
  const statements = statementsOf(document).map((statement): Statement<string> => {
    if (!statement.Condition) return statement;
    const condition: Record<string, Record<string, string | readonly string[]>> = {};
    for (const [operator, keys] of Object.entries(statement.Condition)) {
      const arnOperator = /^(ForAnyValue:|ForAllValues:)?Arn/i.test(operator.trim());
      condition[operator] = Object.fromEntries(
        Object.entries(keys as Record<string, unknown>).map(([key, value]) => {
          if (!arnOperator) return [key, value];
          const widen = (item: unknown): unknown => (item === '*' ? ((changed = true), ANY_ARN) : item);
          return [key, Array.isArray(value) ? value.map(widen) : widen(value)];
        }),
      ) as Record<string, string | readonly string[]>;
    }
    return { ...statement, Condition: condition as Statement<string>['Condition'] };
  });
  if (!changed) return document;
  return { ...document, Statement: Array.isArray(document.Statement) ? statements : statements[0]! };
}
