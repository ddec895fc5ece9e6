/**
 * DPT005: a service sends the ARN of its own resource as aws:SourceArn. An ARN of another service (by the
 * catalog's documented patterns), or of another Region than a regional principal, never matches.
 */
import { sourceArnPatternsFor, type ServiceCatalogEntry } from '@deputy/policy-model';
import { fresh } from '../fixes/fix-plan.js';
import { patternValue, replaceClause } from '../fixes/condition-edits.js';
import { hasWildcard, isAccountId, readArn, type ArnText } from '../policy/arn-text.js';
import { literalTextOf, textPartsOf } from '../policy/text-value.js';
import type { StatementCheck } from './check.js';
import { clausesOf, integrationOf, servicePrincipalsOf } from './statement-facts.js';

/** The check. */
export const checkSourceArnMismatch: StatementCheck = (input, sink) => {
  const { policy, statement } = input;
  const services = servicePrincipalsOf(statement).filter((service) => service.match !== undefined);
  if (services.length === 0 || services.length !== servicePrincipalsOf(statement).length) return;
  const expected = new Set(services.flatMap((service) => documentedServices(service.match!.entry)));
  const regions = new Set(services.map((service) => service.match!.region));
  const region = regions.size === 1 ? [...regions][0] : undefined;
  for (const clause of clausesOf(statement, 'aws:SourceArn')) {
    for (const item of clause.items) {
      const parts = textPartsOf(item);
      const reading = parts === undefined ? undefined : readArn(parts);
      if (reading?.kind !== 'arn') continue;
      const { service, region: arnRegion } = reading.fields;
      const names = services.map(({ text }) => text).join(', ');
      if (service !== undefined && !hasWildcard(service) && expected.size > 0 && !expected.has(service)) {
        const entry = services[0]!.match!.entry;
        sink.finding({
          ruleId: 'DPT005',
          at: item.at,
          message: `aws:SourceArn ${item.raw} is an ARN of service "${service}", but ${names} sends ARNs of ${[...expected].map((name) => `"${name}"`).join(' or ')}: the condition never matches`,
          fix: sourceArnPatternsFor(entry, integrationOf(policy, statement))[0]
            ? {
                kind: 'condition',
                description: `use the ARN AWS documents for ${entry.name} (${entry.documentation})`,
                clauses: replaceClause(statement, clause, [{ operator: clause.operator, key: clause.key, value: fresh(patternValue(sourceArnPatternsFor(entry, integrationOf(policy, statement))[0]!.pattern, withArnFields(input.environment, reading.fields), region ? { region } : {})) }]),
              }
            : { kind: 'advice', description: `use an ARN of ${entry.name}` },
          statement,
        });
        continue;
      }
      if (region !== undefined && arnRegion !== undefined && arnRegion !== '' && !hasWildcard(arnRegion) && arnRegion !== region) {
        const literals = clause.items.map(literalTextOf);
        const fixable = literals.every((text) => text !== undefined);
        sink.finding({
          ruleId: 'DPT005',
          at: item.at,
          message: `aws:SourceArn ${item.raw} names Region "${arnRegion}", but the regional principal ${names} acts only in ${region}: the condition never matches`,
          fix: fixable
            ? {
                kind: 'condition',
                description: `use Region ${region} in aws:SourceArn`,
                clauses: replaceClause(statement, clause, [
                  { operator: clause.operator, key: clause.key, value: fresh(...literals.map((text, index) => (clause.items[index] === item ? replaceRegion(text!, region) : text!))) },
                ]),
              }
            : { kind: 'advice', description: `use Region ${region} in aws:SourceArn` },
          statement,
        });
      }
    }
  }
};

/** Service namespaces of the ARNs AWS documents for an entry (default and alternatives). */
function documentedServices(entry: ServiceCatalogEntry): readonly string[] {
  let services = servicesByEntry.get(entry);
  if (services === undefined) {
    services = readDocumentedServices(entry);
    servicesByEntry.set(entry, services);
  }
  return services;
}

/** {@link documentedServices} of each catalog entry, read once per run. */
const servicesByEntry = new WeakMap<ServiceCatalogEntry, readonly string[]>();

function readDocumentedServices(entry: ServiceCatalogEntry): string[] {
  const patterns = sourceArnPatternsFor(entry);
  return patterns.map((pattern) => pattern.pattern.split(':')[2] ?? '').filter((service) => service !== '' && !hasWildcard(service));
}

function withArnFields(environment: { account?: string; region?: string; partition?: string }, fields: ArnText): { account?: string; region?: string; partition?: string } {
  return {
    ...environment,
    ...(isAccountId(fields.account) ? { account: fields.account } : {}),
    ...(fields.partition && /^aws(-[a-z]+)*$/.test(fields.partition) ? { partition: fields.partition } : {}),
  };
}

function replaceRegion(arn: string, region: string): string {
  const fields = arn.split(':');
  return [...fields.slice(0, 3), region, ...fields.slice(4)].join(':');
}
