/**
 * DPT008: wildcards inside a service principal (`kendra.*.amazonaws.com`), which IAM does not match.
 * DPT009: an Allow for `Principal: "*"` (or AWS `"*"`) without any condition, except where `"*"` does not
 * reach every account (VPC endpoint and stack policies, an Allow fenced by a Deny on aws:SourceVpce…).
 */
import { fixedPrincipalsOf, SERVICE_CATALOG } from '@deputy/policy-model';
import { accountValue } from '../fixes/condition-edits.js';
import { fresh } from '../fixes/fix-plan.js';
import { hasWildcard } from '../policy/arn-text.js';
import { statementName } from '../policy/policy-view.js';
import { publicPrincipalScope } from '../policy/public-scope.js';
import { literalTextOf } from '../policy/text-value.js';
import type { StatementCheck } from './check.js';

/** DPT008. */
export const checkWildcardServicePrincipal: StatementCheck = ({ statement }, sink) => {
  const principal = statement.principal;
  if (!principal) return;
  for (const value of principal.services) {
    const text = literalTextOf(value);
    if (text === undefined || !hasWildcard(text)) continue;
    const candidates = principalsMatching(text);
    const others = principal.services.filter((other) => other !== value).map((other) => literalTextOf(other));
    const replacement = others.every((other) => other !== undefined) ? [...new Set([...(others as string[]), ...candidates])] : undefined;
    sink.finding({
      ruleId: 'DPT008',
      at: value.at,
      message: `service principal ${JSON.stringify(text)} contains a wildcard, which IAM does not match inside a principal`,
      fix:
        candidates.length > 0 && replacement
          ? { kind: 'value', description: `list the principal${candidates.length > 1 ? 's' : ''} by name in the Service principal`, value: fresh(...replacement) }
          : { kind: 'advice', description: 'list each service principal by name, e.g. "kendra.amazonaws.com"' },
      statement,
    });
  }
};

/** DPT009. */
export const checkPublicPrincipal: StatementCheck = (input, sink) => {
  const { policy, statement } = input;
  if (statement.effect !== 'Allow' || !statement.principal?.anyone || statement.condition.present) return;
  if (publicPrincipalScope(policy, statement) !== undefined) return;
  sink.finding({
    ruleId: 'DPT009',
    at: statement.principal.at,
    message: `${statementName(statement)} allows any principal in any account ("*") without a condition`,
    fix: {
      kind: 'condition',
      description: 'name the principals that need access instead of "*", or restrict the statement with a condition such as aws:PrincipalAccount (or aws:PrincipalOrgID)',
      clauses: [{ operator: 'StringEquals', key: 'aws:PrincipalAccount', value: fresh(accountValue(input.environment)) }],
    },
    statement,
  });
};

/** Catalog principals a wildcard principal was probably meant to be: glob matches, else those sharing its prefix. */
function principalsMatching(pattern: string): readonly string[] {
  let matching = matchesByPattern.get(pattern);
  if (matching === undefined) {
    if (matchesByPattern.size >= MATCHES_LIMIT) matchesByPattern.clear();
    matching = readPrincipalsMatching(pattern, (catalogPrincipals ??= SERVICE_CATALOG.flatMap((entry) => fixedPrincipalsOf(entry))));
    matchesByPattern.set(pattern, matching);
  }
  return matching;
}

/** Every fixed principal of the catalog, listed on the first wildcard principal met. */
let catalogPrincipals: readonly string[] | undefined;

/** {@link principalsMatching} by pattern: the same wildcard principal recurs across statements and files. */
const matchesByPattern = new Map<string, readonly string[]>();

/** How many patterns are kept (the map is emptied when full). */
const MATCHES_LIMIT = 1000;

function readPrincipalsMatching(pattern: string, all: readonly string[]): readonly string[] {
  const glob = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  const matching = all.filter((principal) => glob.test(principal));
  if (matching.length > 0) return matching;
  const prefix = pattern.slice(0, Math.min(...['*', '?'].map((wildcard) => (pattern.includes(wildcard) ? pattern.indexOf(wildcard) : pattern.length))));
  return prefix.length >= 3 ? all.filter((principal) => principal.startsWith(prefix)) : [];
}
