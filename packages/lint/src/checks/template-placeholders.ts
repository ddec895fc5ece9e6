/**
 * DPT012: a `${…}` left in a policy that is not an IAM policy variable (`${aws:username}`,
 * `${aws:PrincipalTag/team, 'default'}`, `${*}`, `${?}`, `${$}`): a template placeholder such as
 * `${AccountId}` that was never substituted, or a CloudFormation variable written without `!Sub`.
 */
import type { StatementCheck } from './check.js';
import { statementName } from '../policy/policy-view.js';
import { textPartsOf } from '../policy/text-value.js';

/** `aws:username`, `aws:PrincipalTag/eks:eks-cluster-name` (a tag key may hold `: + = @` and spaces), with an optional default. */
const POLICY_VARIABLE = /^(\*|\?|\$|[A-Za-z0-9.-]+:[A-Za-z0-9_./-]+(\/[\w.:/+=@ -]+)?(\s*,\s*'[^']*')?)$/;

/** The check. */
export const checkTemplatePlaceholders: StatementCheck = ({ statement }, sink) => {
  const values = [...statement.resources, ...statement.condition.clauses.flatMap((clause) => clause.items)];
  for (const value of values) {
    const literalParts = (textPartsOf(value) ?? []).filter((part): part is string => typeof part === 'string');
    if (!literalParts.some((part) => part.includes('${'))) continue;
    const literal = literalParts.join('\u0000');
    const placeholders = [...literal.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[0]).filter((placeholder) => !POLICY_VARIABLE.test(placeholder.slice(2, -1).trim()));
    if (placeholders.length === 0) continue;
    sink.finding({
      ruleId: 'DPT012',
      at: value.at,
      message: `${statementName(statement)}: ${placeholders.join(', ')} in ${value.raw} is not an IAM policy variable; an unsubstituted placeholder never matches`,
      fix: { kind: 'advice', description: `substitute ${placeholders.join(', ')} before deploying (in CloudFormation, write the value with !Sub)` },
      statement,
    });
  }
};
