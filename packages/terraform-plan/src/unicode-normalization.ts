/**
 * A gap Terraform itself imposes on every serialisation: Terraform holds every string as a cty value, and
 * cty normalises strings — Unicode NFC with Go's tables, and Go's Stream-Safe Text Format (see
 * `terraformChangesText` in @deputy/policy-model). Text with such characters can reach AWS altered; a
 * block holding it carries this notice.
 */
import { UNICODE_NFC_GAP } from '@deputy/policy-model';

export { UNICODE_NFC_GAP, terraformChangesText } from '@deputy/policy-model';

/** The notice on a block whose text Terraform will normalise. */
export const UNICODE_NFC_NOTICE =
  `Terraform normalises every string to Unicode NFC with Go's tables: some text in this block will reach AWS changed (${UNICODE_NFC_GAP}).`;
