/**
 * The service catalog's public surface: lookups by key and principal, the plain-data description and text
 * table that `deputy services` prints, ARN pattern helpers and the checks the catalog tests run.
 */
export * from './catalog-lookups.js';
export * from './arn-pattern.js';
export * from './catalog-checks.js';
export * from './describe-catalog.js';
export * from './format-catalog.js';
export * from './text-table.js';
export * from './catalog-integrations.js';
export * from './opt-in-regions.js';
export * from './source-arn-context-keys.js';
export * from './integration-kind.js';
