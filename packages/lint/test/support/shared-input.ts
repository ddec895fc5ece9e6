/**
 * Inputs that live outside this package (the shared AWS docs corpus, the lead's committed examples): a test
 * that needs one skips with a printed notice when it is absent, and fails instead when CI=true.
 */
import { existsSync } from 'node:fs';

/** True when the path exists; otherwise prints a notice, or throws on CI. */
export function requireSharedInput(path: string, purpose: string): boolean {
  if (existsSync(path)) return true;
  if (process.env['CI'] === 'true') throw new Error(`${path} is missing but CI=true requires it (${purpose})`);
  console.warn(`notice: ${path} is absent; skipping ${purpose}`);
  return false;
}
