/**
 * A gap Terraform itself imposes, as in the HCL target: Terraform holds every string as a cty value, and
 * cty normalises strings — Unicode NFC, and Go's Stream-Safe Text Format, which inserts U+034F after a run
 * of 30 non-starters (measured with terraform 1.11: `"e" + 40 × U+0301` comes back with a U+034F, and so
 * does a run of 60 `ㅏ`, which JavaScript's NFC leaves alone). An argument with such text can reach AWS
 * altered. Policy documents are written in ASCII with JSON escapes (see `policy-json-template.ts`) and are
 * exempt; any other argument whose text might change gets a notice in its block's `//` comment.
 */

/** The name of this gap, as printed in notices. */
export const UNICODE_NFC_GAP = 'unicode-nfc';

/** The notice on a block whose argument text Terraform may normalise. */
export const UNICODE_NFC_NOTICE =
  `Terraform stores strings in Unicode NFC: some text in this block is not in NFC, or has a long run of non-ASCII characters, and may reach AWS normalised (${UNICODE_NFC_GAP}).`;

/**
 * True when Terraform may store the text differently: it is not in NFC, or it has a run of more than 30
 * non-ASCII code points (where the Stream-Safe limit could apply; a conservative test).
 */
export function terraformMayNormalise(text: string): boolean {
  return text !== text.normalize('NFC') || /[^\x00-\x7f]{31,}/u.test(text);
}

/** The notices of a block, with the NFC notice added when Terraform may normalise any of `texts`. */
export function withUnicodeNfcNotice(notices: readonly string[], texts: readonly string[]): readonly string[] {
  return texts.some(terraformMayNormalise) ? [...notices, UNICODE_NFC_NOTICE] : notices;
}
