/**
 * A definition that waives the confused-deputy conditions for a service has decided so, with a reason. The
 * template records that decision on the resource holding the waived statement, in `deputy lint`'s own
 * syntax — `Metadata: { deputy: { ignore: [ { rule: DPT001, reason: … } ] } }` — so linting deputy's output
 * does not report it again. The human notice stays a comment (YAML) or a `DeputyNotices` entry (JSON).
 */
import type { WaiverRecord } from '@deputy/policy-model';
import type { CfnMap } from './cfn-value.js';
import { cfnList, cfnMap } from './cfn-value.js';

/** The lint rule a waiver answers: DPT001, missing-confused-deputy-condition. */
export const WAIVED_LINT_RULE = 'DPT001';

/** One `Metadata.deputy.ignore` entry. */
export interface LintSuppression {
  /** The lint rule, `DPT001`. */
  readonly rule: string;
  /** Why its findings are accepted: the waiver's reason. */
  readonly reason: string;
}

/**
 * One suppression per distinct reason, in model order. Lint reads a suppression as one line, so the
 * reason's line breaks and runs of white space are written as single spaces.
 */
export function waiverSuppressions(waivers: readonly WaiverRecord[] | undefined): LintSuppression[] {
  if (waivers === undefined || waivers.length === 0) return [];
  const reasons = waivers.map((waiver) => waiver.reason.replace(/\s+/g, ' ').trim());
  return [...new Set(reasons)].map((reason) => ({ rule: WAIVED_LINT_RULE, reason }));
}

/** The resource Metadata for the waivers, or undefined when there are none. */
export function waiverMetadata(waivers: readonly WaiverRecord[] | undefined): CfnMap | undefined {
  const suppressions = waiverSuppressions(waivers);
  if (suppressions.length === 0) return undefined;
  const ignore = cfnList(suppressions.map((suppression) => cfnMap([['rule', suppression.rule], ['reason', suppression.reason]])));
  return cfnMap([['deputy', cfnMap([['ignore', ignore]])]]);
}
