/** JSON strings that YAML 1.1 readers take the same way as JSON readers. */

/** Characters `JSON.stringify` escapes (quote, backslash, C0 controls, surrogates when unpaired) or that {@link jsonString} escapes after it. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const YAML_LINE_BREAKS_AND_CONTROLS = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/**
 * A string as JSON, with the characters JSON allows raw but YAML 1.1 reads as line breaks or refuses
 * (C1 controls such as NEL, U+2028, U+2029, the BOM, U+FFFE/U+FFFF) written as `\uXXXX`: CloudFormation
 * tooling often reads JSON templates with a YAML parser, which would fold or reject them. A string with
 * none of these characters (nearly every one) is only put in quotes.
 */
export function jsonString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(YAML_LINE_BREAKS_AND_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
