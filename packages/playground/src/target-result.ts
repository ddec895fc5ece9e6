/** The outcome of emitting one target: its files, or the problems that stopped it. */
import { DeputyInputError, type EmittedFile, type Problem } from '@deputy/policy-model';
import type { TargetName } from './targets.js';

/** One target's files or problems. */
export type TargetResult =
  | { readonly target: TargetName; readonly ok: true; readonly files: readonly EmittedFile[] }
  | { readonly target: TargetName; readonly ok: false; readonly problems: readonly Problem[] };

/** Runs an emitter; a DeputyInputError becomes the target's problems, any other error is a bug and is rethrown. */
export function targetResult(target: TargetName, emit: () => EmittedFile[]): TargetResult {
  try {
    return { target, ok: true, files: emit() };
  } catch (error) {
    return { target, ok: false, problems: problemsOf(error) };
  }
}

/** The problems of a user error; rethrows anything else. */
export function problemsOf(error: unknown): readonly Problem[] {
  if (error instanceof DeputyInputError) return error.problems;
  throw error;
}
