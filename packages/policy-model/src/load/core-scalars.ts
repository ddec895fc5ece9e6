/**
 * What the located reader makes of a plain (unquoted) YAML scalar, decided from its text alone: YAML 1.2's
 * core schema (`null`, `true`, numbers), except that a number whose text is not the number's canonical
 * form (`012345678901`, `1e3`, `0x1f`, `+1`, `.inf`) is kept as that text. Every other plain scalar is a string.
 *
 * The patterns are those of the `yaml` package's core schema, which the located reader uses.
 */

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const NUMBER = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** A plain scalar that the core schema reads as something other than a string: null, a boolean or a number. */
export interface CoreScalar {
  /** The value the located reader gives it: the number, or its text when that is not the number's canonical form. */
  readonly value: null | boolean | number | string;
}

/** The core-schema reading of a plain scalar's text, or undefined when it is a string. */
export function coreScalar(text: string): CoreScalar | undefined {
  if (NULL.test(text)) return { value: null };
  if (TRUE.test(text)) return { value: true };
  if (FALSE.test(text)) return { value: false };
  if (!NUMBER.some((pattern) => pattern.test(text))) return undefined;
  const number = Number(text);
  return { value: String(number) === text ? number : text };
}
