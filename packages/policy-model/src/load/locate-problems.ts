/** Gives path problems their file locations. */
import type { Problem } from '../problems.js';
import type { PathProblem } from '../policy/validate-policy.js';
import { formatPath, type SourceDocument } from './source-document.js';

/** Problems with `file:line:column`, in source order. */
export function locateProblems(source: SourceDocument, problems: readonly PathProblem[]): Problem[] {
  return problems
    .map((problem): Problem => ({
      code: problem.code,
      message: problem.message,
      hint: problem.hint,
      ...(problem.path.length > 0 && problem.flag === undefined && problem.location === undefined ? { path: formatPath(problem.path) } : {}),
      ...(problem.location !== undefined ? { location: problem.location } : problem.flag !== undefined ? { file: problem.flag } : { location: source.locate(problem.path, problem.atKey) }),
    }))
    .sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
}
