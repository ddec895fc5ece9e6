/**
 * A gap Terraform itself imposes, as in the HCL target: Terraform holds every string as a cty value, and
 * cty normalises strings — Unicode NFC with Go's tables, and Go's Stream-Safe Text Format, which inserts
 * U+034F after a run of 30 non-starters (measured with terraform 1.11: `"e" + 40 × U+0301` comes back with
 * a U+034F, and so does a run of 60 `ㅏ`, which JavaScript's NFC leaves alone); see `terraformChangesText`
 * in @deputy/policy-model. An argument with such text can reach AWS altered. Policy documents are written
 * in ASCII with JSON escapes (see `policy-json-template.ts`) and are exempt; any other argument whose text
 * might change gets a notice in its block's `//` comment.
 */
import { terraformChangesText, UNICODE_NFC_GAP } from '@deputy/policy-model';

export { UNICODE_NFC_GAP };

/** The notice on a block whose argument text Terraform may normalise. */
export const UNICODE_NFC_NOTICE =
  `Terraform normalises every string to Unicode NFC with Go's tables: some text in this block will reach AWS changed (${UNICODE_NFC_GAP}).`;

/** The notices of a block, with the NFC notice added when Terraform may normalise any of `texts`. */
export function withUnicodeNfcNotice(notices: readonly string[], texts: readonly string[]): readonly string[] {
  return texts.some(terraformChangesText) ? [...notices, UNICODE_NFC_NOTICE] : notices;
}
