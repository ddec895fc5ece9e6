/**
 * Parts every statement for a service principal shares, whether it trusts the service (trust-statement) or
 * grants it access to a resource (grant-statement): the principal to write and the operator of its
 * aws:SourceArn condition.
 */
import { principalFor } from '../catalog/service-catalog.js';
import type { ServiceCatalogEntry, SourceArnOperator } from '../catalog/service-catalog-entry.js';
import type { Environment, PolicyString } from '../model/value.js';
import { interpolate, reference } from '../model/value.js';

/**
 * The principal for a service in the definition's environment: the partition's documented form, the
 * regional form where the service needs it (a reference to the Region when the Region is not literal).
 */
export function servicePrincipalOf(entry: ServiceCatalogEntry, environment: Environment): PolicyString {
  const partition = environment.partition.kind === 'literal' ? environment.partition.value : 'aws';
  const region = environment.region.kind === 'literal' ? environment.region.value : undefined;
  if (entry.regionalPrincipal?.required && region === undefined) {
    const [before, after] = entry.regionalPrincipal.pattern.split('{region}') as [string, string];
    return interpolate([before, reference('region'), after]);
  }
  return principalFor(entry, partition, region);
}

/** The catalog's operator, except that a wildcard value never goes with StringEquals (which reads `*` literally). */
export function sourceArnOperator(catalogOperator: SourceArnOperator | undefined, values: readonly string[]): string {
  const operator = catalogOperator ?? 'ArnLike';
  return operator === 'StringEquals' && values.some((value) => /[*?]/.test(value)) ? 'StringLike' : operator;
}
