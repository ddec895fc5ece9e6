/** `deputy services`: the service catalog, as a table or as JSON. */
import type { Command } from 'commander';
import { describeCatalog, formatCatalogTable } from '@deputy/policy-model';
import type { CliIo } from '../cli-io.js';

/** Registers `services`. */
export function registerServices(program: Command, io: CliIo): void {
  program
    .command('services')
    .description('list the service catalog: principals, confused-deputy keys, SourceArn patterns and sources')
    .option('--json', 'print the catalog as JSON')
    .action((flags: { json?: boolean }) => {
      const description = describeCatalog();
      io.stdout(flags.json ? `${JSON.stringify(description, null, 2)}\n` : formatCatalogTable(description));
    });
}
