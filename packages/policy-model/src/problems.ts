/**
 * User errors: a typed catalogue of problems, each with a code, a message, a location and a hint.
 * Bugs are not problems; they are invariant failures (`assertNever`).
 */

/** A position in a source file, 1-based. */
export interface SourceLocation {
  /** The file as given by the user. */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** One thing wrong with the user's input. */
export interface Problem {
  /** Stable machine-readable code, e.g. `invalid-account-id`. */
  readonly code: string;
  /** What is wrong, in one sentence without a trailing period. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
  /** Path inside the document, e.g. `roles[0].account` or `Statement[1].Condition.StringEqual`. */
  readonly path?: string;
  /** Where in the file; absent for problems that concern a whole file or a command-line flag. */
  readonly location?: SourceLocation;
  /** The file, when there is no finer location. */
  readonly file?: string;
}

/** Thrown at the edge when input is unusable; carries every problem found. */
export class DeputyInputError extends Error {
  /** Every problem found, in source order. */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DeputyInputError';
    this.problems = problems;
  }
}

/** Formats a problem as `error: <file>:<line>:<col>: <what> (<hint>)`. */
export function formatProblem(problem: Problem): string {
  const where = problem.location
    ? `${problem.location.file}:${problem.location.line}:${problem.location.column}: `
    : problem.file
      ? `${problem.file}: `
      : '';
  const path = problem.path ? ` at ${problem.path}` : '';
  return `error: ${where}${problem.message}${path} (${problem.hint})`;
}

/** Marks code that must be unreachable; fails loudly when the types lied. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`invariant: unexpected ${what}: ${JSON.stringify(value)}`);
}
