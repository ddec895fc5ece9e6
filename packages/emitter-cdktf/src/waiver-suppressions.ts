/**
 * A definition that waives the confused-deputy conditions for a service has decided so, with a reason. The
 * `.tf.json` records that decision in `deputy lint`'s own syntax — a `deputy:ignore DPT001 <reason>` item
 * in the `//` comment of the block that holds the waived statement (the `locals` object for a policy attached
 * to nothing) — so linting deputy's output does not report it again. The human notice stays beside it.
 */
import type { WaiverRecord } from '@deputy/policy-model';

/** The lint rule a waiver answers: DPT001, missing-confused-deputy-condition. */
export const WAIVED_LINT_RULE = 'DPT001';

/**
 * One `deputy:ignore` directive per distinct reason, in model order. Lint reads a directive as one line, so
 * the reason's line breaks and runs of white space are written as single spaces.
 */
export function waiverDirectives(waivers: readonly WaiverRecord[] | undefined): string[] {
  const reasons = (waivers ?? []).map((waiver) => waiver.reason.replace(/\s+/g, ' ').trim());
  return [...new Set(reasons)].map((reason) => `deputy:ignore ${WAIVED_LINT_RULE} ${reason}`);
}
