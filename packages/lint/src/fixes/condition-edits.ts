/** Building corrected Condition blocks: the statement's clauses kept as written, with edits. */
import { expandArnPattern, interpolate, reference, sourceArnPatternsFor, type EnvironmentField, type PolicyString, type IntegrationKind, type PrincipalUsage, type ServiceCatalogEntry } from '@deputy/policy-model';
import type { InferredEnvironment } from '../checks/statement-facts.js';
import type { ConditionClause, StatementView } from '../policy/policy-view.js';
import { fresh, located, type FixClause } from './fix-plan.js';

/** The statement's clauses as fix clauses, unchanged. */
export function keptClauses(statement: StatementView): FixClause[] {
  return statement.condition.clauses.map(keptClause);
}

/** One clause unchanged. */
export function keptClause(clause: ConditionClause): FixClause {
  return { operator: clause.operator, key: clause.key, value: located(clause.value) };
}

/** The clauses with `target` replaced by `replacements` (in its place). */
export function replaceClause(statement: StatementView, target: ConditionClause, replacements: readonly FixClause[]): FixClause[] {
  return statement.condition.clauses.flatMap((clause) => (clause === target ? [...replacements] : [keptClause(clause)]));
}

/** The account to write in a fix: the inferred literal, else a reference to the deploying account. */
export function accountValue(environment: InferredEnvironment): PolicyString {
  return environment.account ?? interpolate([reference('account')]);
}

/** A catalog ARN pattern as a policy string: inferred literals where known, references elsewhere. */
export function patternValue(pattern: string, environment: InferredEnvironment, overrides: Partial<Record<EnvironmentField, string>> = {}): PolicyString {
  const parts: (string | ReturnType<typeof reference>)[] = [];
  let cursor = 0;
  for (const match of pattern.matchAll(/\{(partition|region|account)\}/g)) {
    parts.push(pattern.slice(cursor, match.index));
    const field = match[1] as EnvironmentField;
    const literal = overrides[field] ?? environment[field];
    parts.push(literal ?? reference(field));
    cursor = match.index + match[0].length;
  }
  parts.push(pattern.slice(cursor));
  return interpolate(parts);
}

/** The default `aws:SourceArn` clause AWS documents for a service. */
export function sourceArnClause(entry: ServiceCatalogEntry, environment: InferredEnvironment, region?: string, usage?: PrincipalUsage | IntegrationKind): FixClause | undefined {
  const pattern = sourceArnPatternsFor(entry, usage)[0];
  if (!pattern) return undefined;
  return { operator: pattern.operator, key: 'aws:SourceArn', value: fresh(patternValue(pattern.pattern, environment, region ? { region } : {})) };
}

/** The `aws:SourceArn` value AWS documents for a service, as literal text with the given fields. */
export function literalSourceArn(entry: ServiceCatalogEntry, fields: { partition: string; region: string; account: string }, usage?: PrincipalUsage | IntegrationKind): string | undefined {
  const pattern = sourceArnPatternsFor(entry, usage)[0];
  return pattern ? expandArnPattern(pattern.pattern, fields) : undefined;
}
