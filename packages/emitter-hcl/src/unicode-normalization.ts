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

/**
 * The block, with the NFC comment added when Terraform would change any of its text. `printedBody` is the
 * block's body as `writeBody` prints it: text Terraform changes is never ASCII, and the writer prints every
 * other character either as it is or as a `\u`/`\U` escape, so a printed body with neither holds no such
 * text and the syntax tree need not be walked again.
 */
export function withUnicodeNfcNotice(block: HclBlock, printedBody: string): HclBlock {
  if (!mayHoldNonAscii(printedBody) || !bodyChanges(block.body)) return block;
  return { ...block, comments: [...(block.comments ?? []), UNICODE_NFC_COMMENT] };
}

function mayHoldNonAscii(printedBody: string): boolean {
  return NON_ASCII.test(printedBody) || printedBody.includes('\\u') || printedBody.includes('\\U');
}

const NON_ASCII = /[^\x00-\x7f]/;

function bodyChanges(items: readonly HclBodyItem[]): boolean {
  for (const item of items) {
    if (item.kind === 'attribute' ? expressionChanges(item.value) : item.labels.some(terraformChangesText) || bodyChanges(item.body)) return true;
  }
  return false;
}

function expressionChanges(expression: HclExpression): boolean {
  switch (expression.kind) {
    case 'template':
      return expression.parts.some((part) => typeof part === 'string' && terraformChangesText(part));
    case 'tuple':
      return expression.items.some(expressionChanges);
    case 'object':
      return expression.entries.some((entry) => terraformChangesText(entry.key) || expressionChanges(entry.value));
    case 'call':
      return expression.args.some(expressionChanges);
    case 'traversal':
    case 'number':
    case 'bool':
      return false;
  }
}
