/** Numbers written the same way for every reader of a template. */

/**
 * A number as text that JSON, YAML 1.2 and YAML 1.1 all read as the same number: JavaScript's shortest
 * form, with `.0` added to an exponent form's mantissa (`1e+21` → `1.0e+21`), since YAML 1.1 reads a float
 * only when it has a decimal point.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`invariant: cannot write the number ${value} in a template`);
  const text = Object.is(value, -0) ? '0' : String(value);
  const exponent = text.indexOf('e');
  if (exponent === -1) return text;
  const mantissa = text.slice(0, exponent);
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}${text.slice(exponent)}`;
}
