/**
 * The one place where text becomes a Terraform JSON string.
 *
 * Terraform reads a JSON string in an argument as a template: `${` opens an interpolation and `%{` a
 * directive, so both are doubled (`$${`, `%%{`) to reach AWS literally (an IAM policy variable such as
 * `${aws:username}` is written `$${aws:username}`), and a run of `$` just before an interpolation is
 * written as `${("$")}`, because `$${` would turn the interpolation into literal text.
 *
 * The string then passes through cdktf, which would replace its own token encodings (see
 * `cdktf-token-markers.ts`). Where literal text holds such a shape, one character of it is written as a
 * string-literal interpolation (`${("#")}{TfToken[…`, `1${("e")}+289`): Terraform evaluates it to the same
 * text, and cdktf no longer recognises the shape. The result is checked once more as a whole.
 */
import { DeputyInputError, hasLoneSurrogate } from '@deputy/policy-model';
import { firstTokenNumber, hasCdktfTokenShape, MAP_TOKEN_VALUES, markerOpeningAt } from './cdktf-token-markers.js';

/** A piece of a template: literal text, or an expression Terraform interpolates (written `${expression}`). */
export type TemplatePiece = { readonly text: string } | { readonly expression: string };

/** Literal text. */
export function text(value: string): TemplatePiece {
  return { text: value };
}

/** An interpolated expression, e.g. `data.aws_partition.current.partition`. */
export function expression(value: string): TemplatePiece {
  return { expression: value };
}

/** The Terraform JSON template string for the pieces; evaluated by Terraform, it yields the text with each expression's value. */
export function terraformTemplate(pieces: readonly TemplatePiece[]): string {
  const safe = mergeTexts(mergeTexts(pieces).flatMap((piece) => ('text' in piece ? neutraliseTokenShapes(piece.text) : [piece])));
  let template = '';
  for (let index = 0; index < safe.length; index++) {
    const piece = safe[index] as TemplatePiece;
    if ('expression' in piece) {
      template += `\${${piece.expression}}`;
      continue;
    }
    const next = safe[index + 1];
    const dollars = next !== undefined && 'expression' in next ? (/\$+$/.exec(piece.text)?.[0] ?? '') : '';
    template += escapeTemplateText(piece.text.slice(0, piece.text.length - dollars.length));
    if (dollars !== '') template += `\${${stringLiteral(dollars)}}`;
  }
  if (hasCdktfTokenShape(template)) {
    throw new Error(`invariant: a Terraform template still holds a cdktf token shape: ${JSON.stringify(template).slice(0, 200)}`);
  }
  return template;
}

/** Literal text as a template (no interpolations). */
export function literalTemplate(value: string): string {
  return terraformTemplate([text(value)]);
}

/**
 * Text for a field Terraform reads literally (variable and output descriptions, `//` comments): written as
 * it is, since no escape exists there. Text that cdktf would read as one of its tokens cannot be carried:
 * that is a user error naming the field.
 */
export function literalOnlyText(value: string, field: string, source: string): string {
  assertWellFormed(value);
  if (hasCdktfTokenShape(value)) {
    throw new DeputyInputError([
      {
        code: 'cdktf-token-text',
        message: `${field} contains text that cdktf reads as one of its tokens (\${TfToken[…]}, #{TfToken[…]}, &{TfToken[…]}, "${MAP_TOKEN_VALUES[0]}" or a token-encoded number)`,
        hint: 'Terraform reads this field literally, so no escape can carry it through cdktf: reword the text, or use the hcl target',
        file: source,
      },
    ]);
  }
  return value;
}

function escapeTemplateText(value: string): string {
  return value.replace(/([$%])\{/g, '$1$1{');
}

function stringLiteral(value: string): string {
  return `(${JSON.stringify(value)})`;
}

/** Splits literal text so that no cdktf token shape survives, writing one character of each shape as an interpolation. */
function neutraliseTokenShapes(value: string): TemplatePiece[] {
  assertWellFormed(value);
  const pieces: TemplatePiece[] = [];
  let literal = '';
  const whole = MAP_TOKEN_VALUES.includes(value);
  for (let index = 0; index < value.length; index++) {
    const character = value[index] as string;
    if ((whole && index === 0) || markerOpeningAt(value, index) !== undefined) {
      pieces.push(text(literal), expression(stringLiteral(character)));
      literal = '';
      continue;
    }
    literal += character;
  }
  pieces.push(text(literal));
  return pieces.flatMap((piece) => ('text' in piece ? splitTokenNumbers(piece.text) : [piece]));
}

function splitTokenNumbers(value: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let rest = value;
  for (let span = firstTokenNumber(rest); span !== undefined; span = firstTokenNumber(rest)) {
    pieces.push(text(rest.slice(0, span.exponent)), expression(stringLiteral('e')));
    rest = rest.slice(span.exponent + 1);
  }
  pieces.push(text(rest));
  return pieces;
}

function mergeTexts(pieces: readonly TemplatePiece[]): TemplatePiece[] {
  const merged: TemplatePiece[] = [];
  for (const piece of pieces) {
    const last = merged[merged.length - 1];
    if ('text' in piece && piece.text === '') continue;
    if ('text' in piece && last !== undefined && 'text' in last) merged[merged.length - 1] = text(last.text + piece.text);
    else merged.push(piece);
  }
  return merged;
}

function assertWellFormed(value: string): void {
  if (hasLoneSurrogate(value)) {
    throw new Error(`invariant: lone UTF-16 surrogate in ${JSON.stringify(value).slice(0, 80)}: a UTF-8 Terraform file cannot carry it`);
  }
}
