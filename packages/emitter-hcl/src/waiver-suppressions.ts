/**
 * A definition that waives the confused-deputy conditions for a service has decided so, with a reason. The
 * output records that decision in `deputy lint`'s own syntax — a `# deputy:ignore DPT001 <reason>` line
 * above the block that holds the waived statement — so linting deputy's output does not report it again.
 * The human notice (`Confused-deputy conditions for … waived: …`) stays on the resource.
 */
import type { WaiverRecord } from '@deputy/policy-model';
import type { HclBlock } from './hcl-syntax.js';

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

/** The block with the directives added after its own. */
export function withDirectives(hclBlock: HclBlock, directives: readonly string[]): HclBlock {
  if (directives.length === 0) return hclBlock;
  return { ...hclBlock, directives: [...(hclBlock.directives ?? []), ...directives] };
}
