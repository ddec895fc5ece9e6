/** The text `deputy services` prints: one row per service with its principal, keys, SourceArn and source. */
import type { CatalogDescription, ServiceDescription } from './describe-catalog.js';
import { describeCatalog } from './describe-catalog.js';
import { formatTextTable } from './text-table.js';

const HEADERS = ['KEY', 'PRINCIPAL', 'KEYS', 'DEFAULT aws:SourceArn', 'USED IN', 'SOURCE'];

/** The catalog as a text table followed by a count line. */
export function formatCatalogTable(description: CatalogDescription = describeCatalog()): string {
  const table = formatTextTable(HEADERS, description.services.map(catalogRow));
  return `${table}\n${description.count} services. deputy services --json prints every field; notes and more sources are there.\n`;
}

function catalogRow(service: ServiceDescription): string[] {
  return [
    service.key,
    principalCell(service),
    keysCell(service),
    service.sourceArn ? `${service.sourceArn.operator} ${service.sourceArn.pattern}` : '-',
    service.usage.join(', '),
    service.documentation,
  ];
}

function principalCell(service: ServiceDescription): string {
  if (service.regionalPrincipal?.required) return service.regionalPrincipal.pattern;
  const others = service.alternatePrincipals.length > 0 ? ` (+${service.alternatePrincipals.length})` : '';
  return `${service.principal}${others}`;
}

function keysCell(service: ServiceDescription): string {
  const short = (keys: readonly string[]): string => keys.map((key) => key.replace(/^aws:/, '')).join('+');
  if (service.keys.length === 0) return 'none documented';
  const optional = service.optionalKeys.length > 0 ? ` (${short(service.optionalKeys)} optional)` : '';
  return `${short(service.keys)}${optional}`;
}
