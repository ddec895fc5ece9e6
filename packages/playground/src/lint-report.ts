/**
 * Lint mode: `lintText` over the pasted text (what `deputy lint` runs on each file), each finding with its
 * rule's explanation, and for a policy JSON document the verify scenario table (`deputy verify` of the file).
 */
import { convertPolicyText, DeputyInputError, formatProblem, parseSourceText, type Problem } from '@deputy/policy-model';
import { lintText, ruleById, type Finding, type LintResult } from '@deputy/lint';
import { formatModelVerification, verifyModel } from '@deputy/verify';
import type { PlaygroundState } from './playground-state.js';

/** A finding with its rule's explanation. */
export interface ExplainedFinding extends Finding {
  /** The rule's one-line summary. */
  readonly summary: string;
  /** The rule's longer description. */
  readonly explanation: string;
}

/** Everything lint mode shows. */
export interface LintReport {
  /** Why the text could not be read (a syntax error, located); no findings then. */
  readonly problems: readonly Problem[];
  /** The linter's result; an empty one when the text could not be read. */
  readonly result: LintResult;
  /** Its findings, explained. */
  readonly findings: readonly ExplainedFinding[];
  /** The verify text for a policy JSON document; undefined for other inputs. */
  readonly verification?: string;
}

/** Lints the state's text and, for a policy document, verifies it. */
export async function lintReport(state: PlaygroundState): Promise<LintReport> {
  let result: LintResult;
  try {
    result = await lintText(state.lintText, state.lintFile, state.lintKind);
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    return { problems: error.problems, result: { findings: [], suppressed: [], exemptions: [], files: [state.lintFile], policyCount: 0 }, findings: [] };
  }
  const findings = result.findings.map((finding) => {
    const rule = ruleById(finding.ruleId);
    return { ...finding, summary: rule.summary, explanation: rule.description };
  });
  const verification = state.lintKind === 'json' ? policyVerification(state.lintText, state.lintFile) : undefined;
  return { problems: [], result, findings, ...(verification !== undefined ? { verification } : {}) };
}

function policyVerification(text: string, file: string): string | undefined {
  try {
    const value = parseSourceText(text, file).value;
    if (typeof value !== 'object' || value === null || !('Statement' in value || 'Effect' in value)) return undefined;
    return formatModelVerification(verifyModel(convertPolicyText(text, file).model));
  } catch (error) {
    if (error instanceof DeputyInputError) return error.problems.map(formatProblem).join('\n');
    throw error;
  }
}
