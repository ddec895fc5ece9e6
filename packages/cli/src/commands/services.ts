/**
 * `deputy services [filter]`: the service catalog as a compact table, filtered by key, name or principal;
 * one service in full (every integration with its keys, SourceArn, reason and AWS sources) when the filter
 * names exactly one; `--json` for every field.
 */
import type { Command } from 'commander';
import { DeputyInputError, describeCatalog, filterServices, findService, formatCatalogTable, formatServiceDetail, suggestServices } from '@deputy/policy-model';
import type { CliIo } from '../cli-io.js';

/** Registers `services`. */
export function registerServices(program: Command, io: CliIo): void {
  program
    .command('services')
    .description('list the service catalog: principals, integrations, confused-deputy keys, SourceArn patterns and AWS sources')
    .argument('[filter]', 'a catalog key or principal (shows that service in full), or text that keys, names or principals contain')
    .option('--json', 'print the catalog (or the matching services) as JSON')
    .action((filter: string | undefined, flags: { json?: boolean }) => {
      const catalog = describeCatalog();
      const exact = filter === undefined ? undefined : findService(filter)?.entry;
      const description = exact ? { count: 1, services: catalog.services.filter((service) => service.key === exact.key) } : filter === undefined ? catalog : filterServices(catalog, filter);
      if (description.count === 0) {
        const suggestions = suggestServices(filter!);
        throw new DeputyInputError([
          { code: 'unknown-service', message: `no service matches ${JSON.stringify(filter)}`, hint: suggestions.length > 0 ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : 'deputy services lists the catalog', file: 'filter' },
        ]);
      }
      if (flags.json) io.stdout(`${JSON.stringify(description, null, 2)}\n`);
      else io.stdout(exact || description.count === 1 ? formatServiceDetail(description.services[0]!) : formatCatalogTable(description));
    });
}
