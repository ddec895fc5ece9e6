/**
 * The one place where text becomes a Terraform JSON string.
 *
 * Terraform reads a JSON string in an argument as a template: `${` opens an interpolation and `%{` a
 * directive, so both are doubled (`$${`, `%%{`) to reach AWS literally (an IAM policy variable such as
 * `${aws:username}` is written `$${aws:username}`), and a run of `$` just before an interpolation is
 * written as `${("$")}`, because `$${` would turn the interpolation into literal text.
 *
 * A caller whose strings pass through another tool (cdktf rewrites its own token encodings) gives a
 * {@link TemplateTextGuard}: it splits literal text so that tool leaves it alone, and checks the result.
 */
import { hasLoneSurrogate } from '@deputy/policy-model';

/** A piece of a template: literal text, or an expression Terraform interpolates (written `${expression}`). */
export type TemplatePiece = { readonly text: string } | { readonly expression: string };

/** Rewrites literal text for a tool the template passes through, and checks finished templates. */
export interface TemplateTextGuard {
  /** Literal text as pieces that evaluate to the same text and that the tool does not rewrite. */
  split(text: string): TemplatePiece[];
  /** Throws when a finished template still holds a shape the tool would rewrite. */
  check(template: string): void;
}

/** Literal text. */
export function text(value: string): TemplatePiece {
  return { text: value };
}

/** An interpolated expression, e.g. `data.aws_partition.current.partition`. */
export function expression(value: string): TemplatePiece {
  return { expression: value };
}

/** A Terraform string literal expression, e.g. `("$")`, used to interpolate literal text. */
export function stringLiteral(value: string): string {
  return `(${JSON.stringify(value)})`;
}

/** The Terraform JSON template string for the pieces; evaluated by Terraform, it yields the text with each expression's value. */
export function terraformTemplate(pieces: readonly TemplatePiece[], guard?: TemplateTextGuard): string {
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if ('text' in piece) assertWellFormed(piece.text);
  }
  const merged = mergeTexts(pieces);
  const safe = guard ? mergeTexts(merged.flatMap((piece) => ('text' in piece ? guard.split(piece.text) : [piece]))) : merged;
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
  guard?.check(template);
  return template;
}

/** A template of one interpolated expression, e.g. `${aws_iam_role.x.arn}`. */
export function expressionTemplate(value: string, guard?: TemplateTextGuard): string {
  return guard === undefined ? `\${${value}}` : terraformTemplate([expression(value)], guard);
}

/** Literal text as a template (no interpolations). */
export function literalTemplate(value: string, guard?: TemplateTextGuard): string {
  if (guard === undefined && !value.includes('{')) {
    assertWellFormed(value);
    return value;
  }
  return terraformTemplate([text(value)], guard);
}

function escapeTemplateText(value: string): string {
  return value.includes('${') || value.includes('%{') ? value.replace(/([$%])\{/g, '$1$1{') : value;
}

function mergeTexts(pieces: readonly TemplatePiece[]): TemplatePiece[] {
  const merged: TemplatePiece[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    const last = merged[merged.length - 1];
    if ('text' in piece && piece.text === '') continue;
    if ('text' in piece && last !== undefined && 'text' in last) merged[merged.length - 1] = text(last.text + piece.text);
    else merged.push(piece);
  }
  return merged;
}

function assertWellFormed(value: string): void {
  if (SURROGATE.test(value) && hasLoneSurrogate(value)) {
    throw new Error(`invariant: lone UTF-16 surrogate in ${JSON.stringify(value).slice(0, 80)}: a UTF-8 Terraform file cannot carry it`);
  }
}

/** Any UTF-16 surrogate: text without one (nearly all) has no lone one either. */
const SURROGATE = /[\ud800-\udfff]/;
