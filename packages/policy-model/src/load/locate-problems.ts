/** Gives path problems their file locations. */
import type { Problem } from '../problems.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { formatPath, type SourceDocument } from './source-document.js';

/** Problems with `file:line:column`, in source order. */
export function locateProblems(source: SourceDocument, problems: readonly PathProblem[]): Problem[] {
  return problems
    .map((problem) => ({
      code: problem.code,
      message: problem.message,
      hint: problem.hint,
      ...(problem.path.length > 0 ? { path: formatPath(problem.path) } : {}),
      location: source.locate(problem.path),
    }))
    .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
}
