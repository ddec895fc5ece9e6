/** Which service principal each scenario's call comes from. */
import type { LiteralPolicyDocument, Partition, ServiceCatalogEntry } from '@deputy/policy-model';
import { SERVICE_CATALOG, fixedPrincipalsOf, listOf, principalFor, statementsOf } from '@deputy/policy-model';

/**
 * The principal a call of the service makes in a partition and Region. A policy that names the service by
 * key, main or partition principal (or a service that requires its regional form) gets the catalog's
 * principal for that partition and Region; an alternate principal stays as written; an optional regional
 * form (an opt-in Region) stays as written in its own partition and becomes the catalog's elsewhere.
 */
export function callingPrincipal(entry: ServiceCatalogEntry, written: string, partition: Partition, region: string, ownPartition: Partition): string {
  const main = written === entry.key || written === entry.principal || Object.values(entry.partitionPrincipals ?? {}).includes(written);
  if (main || entry.regionalPrincipal?.required) return principalFor(entry, partition, region);
  if (fixedPrincipalsOf(entry).includes(written)) return written;
  return partition === ownPartition ? written : principalFor(entry, partition, region);
}

/** A catalog principal the document names nowhere, for the other-service scenario. */
export function otherServicePrincipal(document: LiteralPolicyDocument, entry: ServiceCatalogEntry, partition: Partition, region: string): string {
  const written = new Set<string>();
  for (const statement of statementsOf(document)) {
    for (const block of [statement.Principal, statement.NotPrincipal]) {
      if (block && block !== '*') listOf(block.Service).forEach((principal) => written.add(principal));
    }
  }
  const other = SERVICE_CATALOG.find((candidate) => candidate.key !== entry.key && !written.has(principalFor(candidate, partition, region)));
  return principalFor(other ?? SERVICE_CATALOG[0]!, partition, region);
}
