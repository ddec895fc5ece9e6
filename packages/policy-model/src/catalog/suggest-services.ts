/** Did-you-mean suggestions for unknown services. */
import { didYouMean } from '../did-you-mean.js';
import { SERVICE_CATALOG } from './service-catalog.js';

/** Catalog keys and principals close to `input`, best first. */
export function suggestServices(input: string): string[] {
  const candidates = SERVICE_CATALOG.flatMap((entry) => [entry.key, entry.principal]);
  return didYouMean(input, candidates);
}
