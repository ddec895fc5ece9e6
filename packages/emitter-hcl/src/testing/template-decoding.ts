/**
 * Turns a Terraform JSON template string (as hcl2json renders a quoted HCL string) back into a policy
 * string: `$${` and `%%{` are literal `${` and `%{`, `${("$")}` is a literal `$`, and each `${path}` is a
 * reference to the account, Region or partition.
 */
import { interpolate, reference, type EnvironmentField, type PolicyString, type Reference } from '@deputy/policy-model';

/** Maps a traversal path to the environment field it reads; throws for anything else. */
export type TraversalDecoder = (path: string) => EnvironmentField;

const CURRENT_PATHS: ReadonlyMap<string, EnvironmentField> = new Map([
  ['data.aws_caller_identity.current.account_id', 'account'],
  ['data.aws_region.current.region', 'region'],
  ['data.aws_region.current.name', 'region'],
  ['data.aws_partition.current.partition', 'partition'],
]);

/** A decoder for the `current` data sources plus the given `var.<name>` → field map. */
export function traversalDecoder(variables: ReadonlyMap<string, EnvironmentField>): TraversalDecoder {
  return (path) => {
    const field = CURRENT_PATHS.get(path) ?? (path.startsWith('var.') ? variables.get(path.slice(4)) : undefined);
    if (field === undefined) throw new Error(`unexpected reference \${${path}}`);
    return field;
  };
}

/** Decodes one rendered template into a policy string. */
export function decodeTemplate(rendered: string, decodeTraversal: TraversalDecoder): PolicyString {
  const parts: (string | Reference)[] = [];
  let literal = '';
  let index = 0;
  while (index < rendered.length) {
    if (rendered.startsWith('$${', index) || rendered.startsWith('%%{', index)) {
      literal += `${rendered[index]}{`;
      index += 3;
    } else if (rendered.startsWith('${', index)) {
      const end = rendered.indexOf('}', index);
      const expression = rendered.slice(index + 2, end);
      index = end + 1;
      const dollars = /^\("(\$+)"\)$/.exec(expression);
      if (dollars) {
        literal += dollars[1];
        continue;
      }
      parts.push(literal, reference(decodeTraversal(expression)));
      literal = '';
    } else if (rendered.startsWith('%{', index)) {
      throw new Error(`unexpected template directive in ${JSON.stringify(rendered)}`);
    } else {
      literal += rendered[index];
      index += 1;
    }
  }
  parts.push(literal);
  return interpolate(parts);
}

/** Decodes a template that must hold literal text only (keys, names, Sids). */
export function decodeLiteral(rendered: string): string {
  const decoded = decodeTemplate(rendered, (path) => {
    throw new Error(`unexpected reference \${${path}} where only text is allowed`);
  });
  if (typeof decoded !== 'string') throw new Error('invariant: literal decoding produced an interpolation');
  return decoded;
}
