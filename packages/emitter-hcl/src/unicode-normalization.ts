/**
 * A gap of the Terraform target itself, whatever the policy style: HCL and cty normalise every string with
 * Go's norm.NFC (measured: `"e\u0301"`, and even `jsondecode("\"e\\u0301\"")`, evaluate to `"é"`;
 * `"\uF900"` to `"\u8C48"`), which also applies the Unicode Stream-Safe Text Format: after 30 non-starters
 * in a row it inserts U+034F (measured with 40 × U+0301 and 40 × U+FFC2). Such text reaches AWS changed,
 * and no HCL spelling avoids it. The emitter writes the text as the model holds it and puts a comment on
 * every block that holds such text.
 */
import type { HclBlock, HclBodyItem, HclExpression } from './hcl-syntax.js';

/** The name of this gap, as printed in comments. */
export const UNICODE_NFC_GAP = 'unicode-nfc';

/** The comment on a block whose text Terraform will normalise. */
export const UNICODE_NFC_COMMENT =
  `Terraform stores strings in Unicode NFC: some text in this block is not in NFC and will reach AWS normalised (${UNICODE_NFC_GAP}).`;

/** The most non-starters in a row that Go's stream-safe normalisation leaves alone. */
const MAX_NON_STARTERS = 30;

/** The block, with the NFC comment added when Terraform would change any of its text. */
export function withUnicodeNfcNotice(block: HclBlock): HclBlock {
  if (!textsIn(block.body).some(terraformChangesText)) return block;
  return { ...block, comments: [...(block.comments ?? []), UNICODE_NFC_COMMENT] };
}

/** True when Terraform would hold the text differently: not in NFC, or more than 30 non-starters in a row. */
export function terraformChangesText(text: string): boolean {
  if (text !== text.normalize('NFC')) return true;
  let run = 0;
  for (const character of text) {
    run = isNonStarter(character) ? run + 1 : 0;
    if (run > MAX_NON_STARTERS) return true;
  }
  return false;
}

/** A character whose compatibility decomposition starts with a combining mark or a Hangul medial or final jamo. */
function isNonStarter(character: string): boolean {
  const first = character.normalize('NFKD').codePointAt(0) as number;
  return /\p{M}/u.test(String.fromCodePoint(first)) || (first >= 0x1160 && first <= 0x11ff) || (first >= 0xd7b0 && first <= 0xd7ff);
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
