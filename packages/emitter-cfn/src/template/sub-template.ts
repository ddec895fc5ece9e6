/**
 * `Fn::Sub` template strings. In a Sub string `${Name}` is replaced by a parameter, pseudo parameter or
 * resource, and `${!Text}` is written to mean the literal `${Text}` (so IAM policy variables such as
 * `${aws:username}` reach AWS unchanged). {@link parseSubTemplate} reads a Sub string the way
 * CloudFormation documents it; deputy writes a Sub string only when reading it back gives the parts it meant.
 */

/** A piece of a Sub string: literal text, or a variable (`${Name}`). */
export type SubPart = string | SubVariable;

/** A `${Name}` variable of a Sub string. */
export interface SubVariable {
  /** The name between `${` and `}`: a logical ID, a pseudo parameter, or `Resource.Attribute`. */
  readonly variable: string;
}

/** Literal text escaped for a Sub string: every `${` becomes `${!`. */
export function escapeSubText(text: string): string {
  return text.replaceAll('${', '${!');
}

/** Writes parts as a Sub string. */
export function writeSubTemplate(parts: readonly SubPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? escapeSubText(part) : `\${${part.variable}}`)).join('');
}

/**
 * Reads a Sub string: each `${` up to the next `}` is a variable, or literal text when it starts with `!`
 * (`${!x}` is `${x}`); a `${` with no `}` after it is literal text. Adjacent text is merged, empty text dropped.
 */
export function parseSubTemplate(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('${', at);
    const close = open === -1 ? -1 : template.indexOf('}', open + 2);
    if (open === -1 || close === -1) {
      text += template.slice(at);
      break;
    }
    text += template.slice(at, open);
    const content = template.slice(open + 2, close);
    if (content.startsWith('!')) {
      text += `\${${content.slice(1)}}`;
    } else {
      if (text !== '') parts.push(text);
      text = '';
      parts.push({ variable: content });
    }
    at = close + 1;
  }
  if (text !== '') parts.push(text);
  return parts;
}

/** Merges adjacent text parts and drops empty ones. */
export function mergeSubParts(parts: readonly SubPart[]): SubPart[] {
  const merged: SubPart[] = [];
  parts.forEach((part) => {
    const last = merged[merged.length - 1];
    if (typeof part !== 'string') merged.push(part);
    else if (typeof last === 'string') merged[merged.length - 1] = last + part;
    else if (part !== '') merged.push(part);
  });
  return merged;
}

/** True when two part lists are the same text and variables in the same order. */
export function sameSubParts(left: readonly SubPart[], right: readonly SubPart[]): boolean {
  return (
    left.length === right.length &&
    left.every((part, index) => {
      const other = right[index]!;
      return typeof part === 'string' ? part === other : typeof other !== 'string' && part.variable === other.variable;
    })
  );
}
