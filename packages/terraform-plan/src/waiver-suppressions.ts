/**
 * A definition that waives the confused-deputy conditions for a service has decided so, with a reason. Every
 * Terraform serialisation records that decision in `deputy lint`'s own syntax — a `deputy:ignore DPT001
 * <reason>` comment on the block that holds the waived statement — so linting deputy's output does not
 * report it again.
 */
import type { WaiverRecord } from '@deputy/policy-model';

/** The lint rule a waiver answers: DPT001, missing-confused-deputy-condition. */
export const WAIVED_LINT_RULE = 'DPT001';

/**
 * One `deputy:ignore` directive per distinct reason, in model order. A directive is one comment line, so
 * the reason's line breaks and runs of white space are written as single spaces.
 */
export function waiverDirectives(waivers: readonly WaiverRecord[] | undefined): string[] {
  const reasons = (waivers ?? []).map((waiver) => oneLineReason(waiver.reason));
  return [...new Set(reasons)].map((reason) => `deputy:ignore ${WAIVED_LINT_RULE} ${reason}`);
}

/** The reason as a suppression carries it: on one line, white space collapsed. */
export function oneLineReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').trim();
}
