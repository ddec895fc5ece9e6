/**
 * How Terraform holds text. Terraform keeps every string as a cty value, and cty (like HCL's parser)
 * normalises it with Go's norm.NFC: text not in NFC is composed (measured: `"e\u0301"`, and even
 * `jsondecode("\"e\\u0301\"")`, evaluate to `"é"`; `"\uF900"` to `"\u8C48"`), and the Unicode
 * Stream-Safe Text Format inserts U+034F after 30 non-starters in a row (measured with 40 × U+0301 and
 * 40 × U+FFC2). Go's composition also has a defect: golang.org/x/text's `combine` looks a pair up by the low
 * 16 bits of each character, so a character outside the BMP next to a combining mark can compose into an
 * unrelated character even when the text is already in NFC (measured with hcl2json and terraform:
 * U+130EF U+3099 → U+30F7, U+20065 U+0301 → U+00E9, U+1099 U+110BA → U+1109A). Such text reaches AWS
 * changed, whatever the spelling; the Terraform emitters say so in a comment (the `unicode-nfc` gap).
 */

/** The name of this gap, as printed in the Terraform emitters' comments. */
export const UNICODE_NFC_GAP = 'unicode-nfc';

/** The most non-starters in a row that Go's stream-safe normalisation leaves alone. */
const MAX_NON_STARTERS = 30;

/**
 * True when Terraform may hold the text differently: not in NFC, more than 30 non-starters in a row, or a
 * pair that Go's 16-bit composition lookup composes wrongly. Never false when Terraform changes the text
 * (checked against hcl2json by property tests); it can be true for a pair that Go's blocking rules keep apart.
 */
export function terraformChangesText(text: string): boolean {
  if (/^[\x00-\x7f]*$/.test(text)) return false;
  if (text !== text.normalize('NFC')) return true;
  const codes = Array.from(text, (character) => character.codePointAt(0) as number);
  let nonStarters = 0;
  let lastStarter = 0;
  for (const [index, code] of codes.entries()) {
    const character = String.fromCodePoint(code);
    nonStarters = isNonStarter(character) ? nonStarters + 1 : 0;
    if (nonStarters > MAX_NON_STARTERS) return true;
    if (!COMBINING_MARK.test(character)) {
      lastStarter = index;
      continue;
    }
    // Go composes a mark with the last starter before it; any character since the last non-mark may be it.
    if (codes.slice(lastStarter, index).some((starter) => goComposesWrongly(starter, code))) return true;
  }
  return false;
}

const COMBINING_MARK = /^\p{M}$/u;
const PLANES = 17;

/**
 * True when Go's `combine(starter, mark)`, which keys its table by `uint16(starter)<<16 + uint16(mark)`,
 * finds a composition that belongs to another pair with the same low 16 bits. Only pairs involving a
 * character outside the BMP can alias; a BMP pair is composed correctly (and JS's NFC already covers it).
 */
function goComposesWrongly(starter: number, mark: number): boolean {
  if (starter <= 0xffff && mark <= 0xffff) return false;
  for (let markPlane = 0; markPlane < PLANES; markPlane++) {
    const aliasMark = markPlane * 0x10000 + (mark & 0xffff);
    if (isSurrogate(aliasMark) || !COMBINING_MARK.test(String.fromCodePoint(aliasMark))) continue;
    for (let starterPlane = 0; starterPlane < PLANES; starterPlane++) {
      const aliasStarter = starterPlane * 0x10000 + (starter & 0xffff);
      if ((aliasStarter === starter && aliasMark === mark) || isSurrogate(aliasStarter)) continue;
      if (composesToOne(String.fromCodePoint(aliasStarter), String.fromCodePoint(aliasMark))) return true;
    }
  }
  return false;
}

/** True when the two characters form a primary composite of Unicode's composition table. */
function composesToOne(starter: string, mark: string): boolean {
  if (starter !== starter.normalize('NFC')) return false;
  const composed = (starter + mark).normalize('NFC');
  return composed !== starter + mark && [...composed].length === 1;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** A character whose compatibility decomposition starts with a combining mark or a Hangul medial or final jamo. */
function isNonStarter(character: string): boolean {
  const first = character.normalize('NFKD').codePointAt(0) as number;
  return /\p{M}/u.test(String.fromCodePoint(first)) || (first >= 0x1160 && first <= 0x11ff) || (first >= 0xd7b0 && first <= 0xd7ff);
}

