/**
 * Strings reach the stack through cdktf, which would replace its own token encodings (see
 * `cdktf-token-markers.ts`). Where literal text holds such a shape, one character of it is written as a
 * string-literal interpolation (`${("#")}{TfToken[…`, `1${("e")}+289`): Terraform evaluates it to the same
 * text, and cdktf no longer recognises the shape. Fields Terraform reads literally (descriptions, `//`
 * comments) have no such escape: text cdktf would rewrite there is a user error.
 */
import { DeputyInputError, hasLoneSurrogate } from '@deputy/policy-model';
import { expression, stringLiteral, text, type TemplatePiece, type TemplateTextGuard } from '@deputy/terraform-plan';
import { firstTokenNumber, hasCdktfTokenShape, MAP_TOKEN_VALUES, markerOpeningAt } from './cdktf-token-markers.js';

/** The guard every template written through cdktf uses. */
export const CDKTF_TEXT_GUARD: TemplateTextGuard = {
  split: neutraliseTokenShapes,
  check(template: string): void {
    if (hasCdktfTokenShape(template)) {
      throw new Error(`invariant: a Terraform template still holds a cdktf token shape: ${JSON.stringify(template).slice(0, 200)}`);
    }
  },
};

/**
 * Text for a field Terraform reads literally (variable and output descriptions, `//` comments): written as
 * it is, since no escape exists there. Text that cdktf would read as one of its tokens cannot be carried:
 * that is a user error naming the field.
 */
export function literalOnlyText(value: string, field: string, source: string): string {
  if (hasLoneSurrogate(value)) throw new Error(`invariant: lone UTF-16 surrogate in ${JSON.stringify(value).slice(0, 80)}`);
  if (hasCdktfTokenShape(value)) {
    throw new DeputyInputError([
      {
        code: 'cdktf-token-text',
        message: `${field} contains text that cdktf reads as one of its tokens (\${TfToken[…]}, #{TfToken[…]}, &{TfToken[…]}, "${MAP_TOKEN_VALUES[0]}" or a token-encoded number)`,
        hint: 'Terraform reads this field literally, so no escape can carry it through cdktf: reword the text, or use the hcl or tf-json target',
        file: source,
      },
    ]);
  }
  return value;
}

/** Splits literal text so that no cdktf token shape survives, writing one character of each shape as an interpolation. */
function neutraliseTokenShapes(value: string): TemplatePiece[] {
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
