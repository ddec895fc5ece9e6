/**
 * A gap of the Terraform target itself, whatever the policy style: Terraform normalises every string
 * (Unicode NFC with Go's tables, stream-safe; see `terraformChangesText` in @deputy/policy-model), and no HCL
 * spelling avoids it. The emitter writes the text as the model holds it and puts a comment on every block
 * that holds text Terraform will change.
 */
import { terraformChangesText, UNICODE_NFC_GAP } from '@deputy/policy-model';
import { UNICODE_NFC_NOTICE } from '@deputy/terraform-plan';
import type { HclBlock, HclBodyItem, HclExpression } from './hcl-syntax.js';

export { terraformChangesText, UNICODE_NFC_GAP };

/** The comment on a block whose text Terraform will normalise. */
export const UNICODE_NFC_COMMENT = UNICODE_NFC_NOTICE;

/** The block, with the NFC comment added when Terraform would change any of its text. */
export function withUnicodeNfcNotice(block: HclBlock): HclBlock {
  if (!textsIn(block.body).some(terraformChangesText)) return block;
  return { ...block, comments: [...(block.comments ?? []), UNICODE_NFC_COMMENT] };
}

function textsIn(items: readonly HclBodyItem[]): string[] {
  return items.flatMap((item) => (item.kind === 'attribute' ? expressionTexts(item.value) : [...item.labels, ...textsIn(item.body)]));
}

function expressionTexts(expression: HclExpression): string[] {
  switch (expression.kind) {
    case 'template':
      return expression.parts.filter((part): part is string => typeof part === 'string');
    case 'tuple':
      return expression.items.flatMap(expressionTexts);
    case 'object':
      return expression.entries.flatMap((entry) => [entry.key, ...expressionTexts(entry.value)]);
    case 'call':
      return expression.args.flatMap(expressionTexts);
    case 'traversal':
    case 'number':
    case 'bool':
      return [];
  }
}
