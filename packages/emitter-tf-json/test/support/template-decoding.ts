/**
 * Reads Terraform JSON template strings back — the syntax of a `.tf.json` argument and of the strings
 * hcl2json returns for a `.tf`: `$${` and `%%{` are literal `${` and `%{`, `${("…")}` is literal text,
 * and each other `${path}` is a reference to the account, Region or partition.
 */
import { interpolate, reference, type EnvironmentField, type PolicyString, type Reference } from '@deputy/policy-model';

/** Maps an interpolated expression to the environment field it reads; throws for anything else. */
export type ExpressionDecoder = (expression: string) => EnvironmentField;

/**
 * A decoder for the `current` data sources plus the given `var.<name>` → field map. The Region attribute
 * is `region` for the hashicorp/aws provider 6 and `name` before; only the given provider version's is accepted.
 */
export function expressionDecoder(variables: ReadonlyMap<string, EnvironmentField>, awsProviderMajorVersion: 5 | 6 = 6): ExpressionDecoder {
  const current = new Map<string, EnvironmentField>([
    ['data.aws_caller_identity.current.account_id', 'account'],
    [`data.aws_region.current.${awsProviderMajorVersion >= 6 ? 'region' : 'name'}`, 'region'],
    ['data.aws_partition.current.partition', 'partition'],
  ]);
  return (expression) => {
    const field = current.get(expression) ?? (expression.startsWith('var.') ? variables.get(expression.slice(4)) : undefined);
    if (field === undefined) throw new Error(`unexpected interpolation \${${expression}}`);
    return field;
  };
}

/** A template as literal text and expressions, in order. */
export type TemplatePart = { readonly text: string } | { readonly expression: string };

/** Splits a template into literal text and interpolated expressions; string-literal interpolations become text. */
export function templateParts(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let index = 0;
  while (index < template.length) {
    if (template.startsWith('$${', index) || template.startsWith('%%{', index)) {
      literal += `${template[index]}{`;
      index += 3;
    } else if (template.startsWith('${', index)) {
      const end = template.indexOf('}', index);
      if (end < 0) throw new Error(`unterminated interpolation in ${JSON.stringify(template)}`);
      const expression = template.slice(index + 2, end);
      index = end + 1;
      const stringLiteral = /^\(("(?:[^"\\]|\\.)*")\)$/.exec(expression) ?? /^("(?:[^"\\]|\\.)*")$/.exec(expression);
      if (stringLiteral) {
        literal += JSON.parse(stringLiteral[1] as string) as string;
        continue;
      }
      parts.push({ text: literal }, { expression });
      literal = '';
    } else if (template.startsWith('%{', index)) {
      throw new Error(`unexpected template directive in ${JSON.stringify(template)}`);
    } else {
      literal += template[index];
      index += 1;
    }
  }
  parts.push({ text: literal });
  return parts.filter((part) => !('text' in part) || part.text !== '');
}

/** Decodes a template into a policy string. */
export function decodeTemplate(template: string, decodeExpression: ExpressionDecoder): PolicyString {
  const parts: (string | Reference)[] = templateParts(template).map((part) => ('text' in part ? part.text : reference(decodeExpression(part.expression))));
  return interpolate(parts);
}

/** Decodes a template that must hold literal text only (names, keys, descriptions). */
export function decodeLiteral(template: string): string {
  const decoded = decodeTemplate(template, (expression) => {
    throw new Error(`unexpected interpolation \${${expression}} where only text is allowed`);
  });
  if (typeof decoded !== 'string') throw new Error('invariant: literal decoding produced an interpolation');
  return decoded;
}

/** The single interpolated expression a template consists of (`${aws_iam_role.x.id}` → `aws_iam_role.x.id`). */
export function soleExpression(template: string): string | undefined {
  const parts = templateParts(template);
  const [only] = parts;
  return parts.length === 1 && only !== undefined && 'expression' in only ? only.expression : undefined;
}
