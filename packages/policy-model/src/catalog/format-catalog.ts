/**
 * The text `deputy services` prints: a compact table (one row per service: principal, what deputy requires
 * in a role trust, and the resource policies it knows), or the full record of one service with every
 * integration and its evidence.
 */
import type { CatalogDescription, IntegrationDescription, ServiceDescription } from './describe-catalog.js';
import { describeCatalog } from './describe-catalog.js';
import { formatTextTable } from './text-table.js';

const HEADERS = ['KEY', 'PRINCIPAL', 'ROLE TRUST', 'RESOURCE POLICIES'];

/** The catalog as a text table followed by a count line. */
export function formatCatalogTable(description: CatalogDescription = describeCatalog()): string {
  const table = formatTextTable(HEADERS, description.services.map(catalogRow));
  return `${table}\n${description.count} services. deputy services <key> shows one service with its sources; --json prints every field.\n`;
}

/** One service in full: principals, then each integration with keys, SourceArn, reason and evidence. */
export function formatServiceDetail(service: ServiceDescription): string {
  const lines = [`${service.name} (${service.key})`, `  principal: ${service.principal}`];
  if (service.alternatePrincipals.length > 0) lines.push(`  also: ${service.alternatePrincipals.join(', ')}`);
  if (service.aliases.length > 0) lines.push(`  aliases: ${service.aliases.join(', ')}`);
  for (const [partition, principal] of Object.entries(service.principalByPartition)) {
    if (principal !== service.principal) lines.push(`  in ${partition}: ${principal}`);
  }
  if (service.regionalPrincipal) {
    const when = service.regionalPrincipal.required ? 'required' : service.regionalPrincipal.optInRegions ? 'required in opt-in Regions' : 'accepted';
    lines.push(`  regional principal: ${service.regionalPrincipal.pattern} (${when})`);
  }
  for (const integration of service.integrations) lines.push(...integrationLines(integration));
  lines.push(`  documentation: ${service.documentation}`);
  if (service.notes) lines.push(`  notes: ${service.notes}`);
  return `${lines.join('\n')}\n`;
}

function integrationLines(integration: IntegrationDescription): string[] {
  const lines = [`  ${integration.label}: ${integration.use}`];
  if (integration.status === 'documented') {
    const optional = integration.keysSent.filter((key) => !integration.keys.includes(key));
    lines.push(`    requires: ${integration.keys.join(' + ')}${optional.length > 0 ? ` (also sent: ${optional.join(', ')})` : ''}`);
    if (integration.sourceArn) lines.push(`    aws:SourceArn: ${integration.sourceArn.operator} ${integration.sourceArn.pattern}`);
    for (const alternative of integration.sourceArnAlternatives) lines.push(`      or, ${alternative.use}: ${alternative.operator} ${alternative.pattern}`);
  } else {
    lines.push(`    ${integration.status === 'documented-none' ? 'no key applies' : 'no key documented'}: ${integration.reason ?? ''}`);
  }
  if (integration.organizationKeys !== 'unknown') lines.push(`    organisation keys: ${integration.organizationKeys}`);
  if (integration.trustActions.length > 0) lines.push(`    actions: ${integration.trustActions.join(', ')}`);
  for (const evidence of integration.evidence) lines.push(`    source: ${evidence.url} (checked ${evidence.checked})`);
  return lines;
}

/** Services whose key, alias, name or principal contains `filter` (case-insensitive). */
export function filterServices(description: CatalogDescription, filter: string): CatalogDescription {
  const needle = filter.toLowerCase();
  const services = description.services.filter((service) =>
    [service.key, service.name, service.principal, ...service.aliases, ...service.alternatePrincipals].some((text) => text.toLowerCase().includes(needle)),
  );
  return { count: services.length, services };
}

function catalogRow(service: ServiceDescription): string[] {
  return [service.key, principalCell(service), trustCell(service), resourceCell(service)];
}

function principalCell(service: ServiceDescription): string {
  if (service.regionalPrincipal?.required) return service.regionalPrincipal.pattern;
  const others = service.alternatePrincipals.length > 0 ? ` (+${service.alternatePrincipals.length})` : '';
  return `${service.principal}${others}`;
}

function shortKeys(keys: readonly string[]): string {
  return keys.map((key) => key.replace(/^aws:/, '')).join('+');
}

function trustCell(service: ServiceDescription): string {
  const trust = service.integrations.find((integration) => integration.kind === 'role-trust');
  if (!trust) return '-';
  if (trust.status === 'documented') return shortKeys(trust.keys);
  return trust.status === 'documented-none' ? 'none applies' : 'none documented';
}

function resourceCell(service: ServiceDescription): string {
  const resources = service.integrations.filter((integration) => integration.kind !== 'role-trust');
  if (resources.length === 0) return '-';
  const kinds = [...new Set(resources.map(shortKind))];
  const documented = new Set(resources.filter((integration) => integration.status === 'documented').map(shortKind));
  const cell = kinds.map((kind) => (documented.has(kind) ? kind : `${kind} (no key)`)).join(', ');
  return cell.length <= RESOURCE_CELL_WIDTH ? cell : `${cell.slice(0, RESOURCE_CELL_WIDTH - 1)}…`;
}

const RESOURCE_CELL_WIDTH = 56;

function shortKind(integration: IntegrationDescription): string {
  return integration.kind === 'other-resource' ? 'other' : integration.kind;
}
