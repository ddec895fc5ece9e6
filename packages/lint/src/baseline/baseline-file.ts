/** Reads and writes baseline files (JSON, stable order, one entry per recorded finding). */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DeputyInputError } from '@deputy/policy-model';
import { BASELINE_FORMAT, type Baseline } from './baseline.js';

/** Reads a baseline; a missing file is an empty baseline only when `missingIsEmpty` (for `--update-baseline`). */
export function readBaseline(path: string, display: string, missingIsEmpty: boolean): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && missingIsEmpty) return { format: BASELINE_FORMAT, findings: [] };
    throw new DeputyInputError([{ code: 'baseline-unreadable', message: code === 'ENOENT' ? 'no such baseline file' : `cannot read the baseline (${code ?? 'unknown error'})`, hint: 'record one with deputy lint --baseline <file> --update-baseline', file: display }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DeputyInputError([{ code: 'baseline-invalid', message: `the baseline is not JSON (${(error as Error).message})`, hint: 'record it again with --update-baseline', file: display }]);
  }
  const baseline = parsed as Partial<Baseline>;
  const valid = baseline !== null && typeof baseline === 'object' && baseline.format === BASELINE_FORMAT && Array.isArray(baseline.findings) && baseline.findings.every((entry) => typeof entry?.fingerprint === 'string' && typeof entry.file === 'string' && typeof entry.ruleId === 'string' && typeof entry.message === 'string');
  if (!valid) throw new DeputyInputError([{ code: 'baseline-invalid', message: `not a deputy baseline (format ${BASELINE_FORMAT})`, hint: 'record it again with --update-baseline', file: display }]);
  return baseline as Baseline;
}

/** Writes a baseline atomically (a temporary file renamed over the old one), so no half-written file is left. */
export function writeBaseline(path: string, baseline: Baseline): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(baseline, null, 2)}\n`);
  renameSync(temporary, path);
}
