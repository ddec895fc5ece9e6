/**
 * Terraform text for the fast HCL reader's property tests: generated HCL covering the grammar (blocks,
 * attributes, every kind of expression, strings with escapes and interpolations, heredocs, comments and
 * odd spacing anywhere a token may be separated), and random edits of any text (characters and lines
 * deleted, inserted or duplicated) that make many samples syntax errors.
 */
import fc from 'fast-check';

/** Whitespace and comments between two tokens. */
const SEPARATOR = fc.constantFrom('', ' ', ' ', ' ', '\n', '\r\n', ' # c\r\n', '  ', '\n\n  ', '\t', ' # c\n', ' // c\n', ' /* c */ ', '/**/', ' /* a\n b */\n', '#\n');

const NAME = fc.constantFrom('a', 'b_c', 'for_each', 'x-y', 'data', 'local', 'var', 'each', 'value', 'null', 'true', 'false', 'in', 'for', 'if', 'endif', 'provider::aws::arn_parse', '_', 'A1', 'é', 'count');

const NUMBER = fc.constantFrom('0', '1', '42', '1.5', '2.5e3', '1.0E-2', '0x1F', '0xzz', '007');

const LITERAL_CHUNK = fc.constantFrom('abc', ' ', '  x  ', '\\n', '\\"', '\\\\', '\\u00e9', '\\U0001F510', '\\q', 'é', '𝄞', '$', '$$', '$${x}', '%', '%%{y}', '%{ if x }y%{ endif }', '%{~ if a ~}b%{~ else ~}c%{~ endif ~}', '%{ for k, v in m }${k}%{ endfor }', '%{ for x in [1] }%{ if x }!%{ endif }%{ endfor }', '%{ if }', '%{ else }', '%{ endif }', '%{endfor}', '%{ for x in y }', '#', '//', '/*', '}', '{', ':', '"', 'EOT', '\n', '\r\n');

const BINARY_OPERATOR = fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||');

/** `parts` joined, each followed by a separator. */
function spaced(parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> {
  return fc.tuple(...parts.map((part) => fc.tuple(part, SEPARATOR))).map((pairs) => pairs.map(([part, separator]) => part + separator).join(''));
}

const { expression } = fc.letrec<{ expression: string; term: string; template: string; heredoc: string; object: string; tuple: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('term'),
    spaced([tie('term'), BINARY_OPERATOR, tie('term')]),
    spaced([fc.constantFrom('-', '!'), tie('term')]),
    spaced([tie('term'), fc.constant('?'), tie('expression'), fc.constant(':'), tie('expression')]),
    spaced([tie('term'), BINARY_OPERATOR, tie('term'), BINARY_OPERATOR, tie('term')]),
  ),
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    NUMBER,
    NAME,
    tie('template'),
    tie('heredoc'),
    tie('tuple'),
    tie('object'),
    spaced([fc.constant('('), tie('expression'), fc.constant(')')]),
    spaced([NAME, fc.constant('('), fc.array(tie('expression'), { maxLength: 3 }).map((args) => args.join(', ')), fc.constantFrom('', ',', '...'), fc.constant(')')]),
    fc.tuple(NAME, fc.array(fc.oneof(fc.constantFrom('.a', '.b', '[*]', '.*', '.0', '[0]', '["k"]', ' .c', '\n.d', '[ 1 ]', '...')), { maxLength: 4 })).map(([name, rest]) => name + rest.join('')),
    spaced([fc.constant('[for'), NAME, fc.constantFrom('', ', v'), fc.constant('in'), tie('term'), fc.constant(':'), tie('expression'), fc.constantFrom('', 'if x'), fc.constant(']')]),
    spaced([fc.constant('{for'), NAME, fc.constantFrom('', ', v'), fc.constant('in'), tie('term'), fc.constant(':'), tie('term'), fc.constant('=>'), tie('expression'), fc.constantFrom('', '...'), fc.constantFrom('', 'if x'), fc.constant('}')]),
  ),
  template: fc
    .array(
      fc.oneof(
        LITERAL_CHUNK,
        tie('expression').map((inner) => `\${${inner}}`),
        tie('expression').map((inner) => `\${~ ${inner} ~}`),
        spaced([fc.constant('${'), tie('expression'), fc.constant('}')]),
        spaced([fc.constant('%{'), fc.constantFrom('', '~'), fc.constant('if'), tie('expression'), fc.constantFrom('', '~'), fc.constant('}x%{ endif }')]),
        spaced([fc.constant('%{ for'), NAME, fc.constantFrom('', ', v'), fc.constant('in'), tie('term'), fc.constant('}'), tie('template'), fc.constant('%{ endfor }')]),
      ),
      { maxLength: 4 },
    )
    .map((parts) => `"${parts.join('')}"`),
  heredoc: fc
    .tuple(fc.constantFrom('<<EOT', '<<-EOT', '<<EOF', '<< EOT', '<<EOT ', '<<'), fc.array(fc.oneof(LITERAL_CHUNK, fc.constantFrom('{"Statement": [', '  EOT x', 'EOTX', ' EO', '%{ if x ~}', '%{~ endif }', '%{ for s in l }', '%{ endfor ~}', 'EOT', 'EOF'), tie('expression').map((inner) => `\${${inner}}`)), { maxLength: 5 }), fc.constantFrom('EOT', '  EOT', 'EOT  ', 'EOF', 'EOT\r'))
    .map(([open, lines, close]) => `${open}\n${lines.join('\n')}\n${close}\n`),
  tuple: fc.array(tie('expression'), { maxLength: 3 }).chain((items) => spaced([fc.constant('['), fc.constant(items.join(', ')), fc.constantFrom('', ','), fc.constant(']')])),
  object: fc
    .array(fc.tuple(fc.oneof(NAME, tie('template'), tie('term')), fc.constantFrom(' = ', ': ', ' : ', '='), tie('expression'), fc.constantFrom(',', '\n', ', ', ' ', '')), { maxLength: 3 })
    .map((elements) => `{${elements.map(([key, separator, value, after]) => key + separator + value + after).join('')}}`),
}));

const { body } = fc.letrec<{ body: string; item: string }>((tie) => ({
  body: fc.array(fc.tuple(tie('item'), SEPARATOR), { maxLength: 4 }).map((items) => items.map(([item, separator]) => `${item}\n${separator}`).join('')),
  item: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    spaced([NAME, fc.constant('='), expression]),
    spaced([NAME, fc.array(fc.constantFrom('"aws_iam_role"', 'x', '"a b"', '""', '"${x}"'), { maxLength: 2 }).map((labels) => labels.join(' ')), fc.constant('{'), tie('body'), fc.constant('}')]),
  ),
}));

/** A generated Terraform file. */
export const generatedTerraform: fc.Arbitrary<string> = fc.tuple(SEPARATOR, body).map(([leading, text]) => leading + text);

/** One random edit of a text. */
const EDIT = fc.record({
  kind: fc.constantFrom('delete-character', 'insert', 'duplicate-character', 'delete-line', 'duplicate-line'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  inserted: fc.constantFrom('{', '}', '[', ']', '(', ')', '"', '$', '${', '%{', '~', '#', '//', '/*', '*/', '=', ':', ',', '.', '?', '!', '<<', '-', '+', '\n', ' ', '\t', '\\', 'for ', 'in', 'if', 'null', 'EOT', 'é', '\r'),
});

function applyEdit(text: string, edit: { kind: string; at: number; inserted: string }): string {
  const at = Math.floor(edit.at * text.length);
  if (edit.kind === 'delete-character') return text.slice(0, at) + text.slice(at + 1);
  if (edit.kind === 'insert') return text.slice(0, at) + edit.inserted + text.slice(at);
  if (edit.kind === 'duplicate-character') return text.slice(0, at + 1) + text.slice(at);
  const lines = text.split('\n');
  const line = Math.floor(edit.at * lines.length);
  if (edit.kind === 'delete-line') lines.splice(line, 1);
  else lines.splice(line, 0, lines[line] ?? '');
  return lines.join('\n');
}

/** `text` after one to four random edits. */
export function editedText(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.array(EDIT, { minLength: 1, maxLength: 4 })).map(([original, edits]) => edits.reduce(applyEdit, original));
}
