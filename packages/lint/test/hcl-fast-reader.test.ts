/**
 * The fast HCL reader builds exactly tree-sitter's tree, or stands aside: case by case for each construct it
 * reads and each reason it stands aside, and by property over every `.tf` file of the tests, generated HCL and
 * random edits of both (many of them syntax errors): whenever the fast reader reads a text, tree-sitter reads
 * it without error to the same tree (type, named flag, offsets, start, field, children, recursively).
 * DEPUTY_FAST_HCL_RUNS sets the number of runs of each property (e.g. 100000 for a long hunt),
 * DEPUTY_FAST_HCL_SEED their seed, and DEPUTY_FAST_HCL_REPOSITORIES (directories, `:`-separated) adds the
 * `.tf` files of checked-out repositories to the files read and edited.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHclExactly, type StandAsideReason } from '../src/sources/terraform/hcl-fast-reader.js';
import { editedText, generatedTerraform } from './support/hcl-samples.js';
import { canonicalTree, treeSitterReader, type TreeSitterReading } from './support/hcl-tree-oracle.js';

const TEST_DIR = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.DEPUTY_FAST_HCL_RUNS ?? 2000);
const SEED = process.env.DEPUTY_FAST_HCL_SEED === undefined ? undefined : Number(process.env.DEPUTY_FAST_HCL_SEED);
/** Each property's time limit: a long hunt takes minutes. */
const PROPERTY_TIMEOUT = Math.max(60_000, RUNS * 5);

let treeSitter: (text: string) => TreeSitterReading;
beforeAll(async () => {
  treeSitter = await treeSitterReader();
});

function terraformFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return terraformFiles(path);
    return entry.name.endsWith('.tf') ? [path] : [];
  });
}

const REPOSITORY_DIRECTORIES = (process.env.DEPUTY_FAST_HCL_REPOSITORIES ?? '').split(':').filter((directory) => directory !== '');
const TEST_FILES = [join(TEST_DIR, 'corpus'), join(TEST_DIR, 'fixtures'), ...REPOSITORY_DIRECTORIES].flatMap(terraformFiles).map((path) => readFileSync(path, 'utf8'));

/** Fails unless the fast reader stands aside or reads `text` to tree-sitter's tree; true when it read it. */
function expectSameAsTreeSitter(text: string): boolean {
  const fast = readHclExactly(text);
  if (!('tree' in fast)) return false;
  const reference = treeSitter(text);
  expect({ text, hasError: reference.hasError, tree: canonicalTree(fast.tree.rootNode) }).toEqual({ text, hasError: false, tree: canonicalTree(reference.root) });
  return true;
}

describe('the fast HCL reader reads as tree-sitter reads', () => {
  it.each([
    ['an empty file', ''],
    ['whitespace only', '  \n\n'],
    ['comments only', '# one\n// two\n/* three\n */\n'],
    ['an attribute', 'a = 1\n'],
    ['attributes on one line', 'a = 1 b = 2\n'],
    ['no final new line', 'a = 1'],
    ['a block with labels', 'resource "aws_iam_role" "r" {\n  name = "x"\n}\n'],
    ['a block with identifier labels and an empty body', 'b x y {}\n'],
    ['nested blocks', 'a {\n  b "c" {\n    d = 1\n  }\n  e {}\n}\n'],
    ['a keyword spelled name', 'terraform {\n  required_providers {\n    null = { source = "hashicorp/null" }\n  }\n}\nfor "in" if {}\n'],
    ['comments everywhere', '# head\na /* x */ = /* y */ 1 # tail\nb { # brace\n  c = f( # arg\n    1, # one\n    2 // two\n  ) # after\n} # end\n# last\n'],
    ['comments in objects, tuples and postfix chains', 'a = {\n  # first\n  k = 1 # one\n  # between\n  l = [1, # x\n  2]\n  m = x # c\n  .y\n}\n'],
    ['numbers', 'a = [0, 42, 1.5, 2.5e3, 1.0E-2, 0x1F, 007]\n'],
    ['booleans and null', 'a = [true, false, null, null.x, true[0]]\n'],
    ['strings', 'a = ["", " ", "x y", " x ", "é𝄞", "a\\"b\\\\c\\n\\r\\t\\u00e9\\U0001F510"]\n'],
    ['literal dollars and percents', 'a = ["$", "$$", "$${x}", "%", "%%", "%%{y}", "a$b%c"]\n'],
    ['interpolations', 'a = "x ${var.y} ${~ local.z ~} ${"in${n}er"} ${} ${~}"\n'],
    ['a string over two lines (tree-sitter allows it)', 'a = "x\ny"\n'],
    ['template ifs', 'a = "x %{ if c ~} y %{~ else } z %{ endif } w"\nb = "%{if a}%{endif}"\nc = "%{ if a }%{ if b }x%{ endif }%{ else }${y}%{ endif }"\n'],
    ['a heredoc identifier inside a template for (literal text there)', 'a = <<EOT\n%{ for x in y }\nEOT\n%{ endfor }\nEOT\n'],
    ['template fors', 'a = "%{ for k, v in m }${k}=${v} %{ endfor }"\nb = <<EOT\n%{~ for x in y ~}\n  ${x}\n%{ endfor }\nEOT\n'],
    ['a heredoc', 'a = <<EOT\n  {"Statement": [{"Effect": "Allow", "Resource": "${var.x}"}]}\nEOT\n'],
    ['an indented heredoc', 'locals {\n  p = <<-EOT\n    line ${local.a}\n    EOTX\n    EO\n      EOT x\n  EOT  \n}\n'],
    ['an empty heredoc', 'a = <<EOF\nEOF\n'],
    ['a heredoc of literal markers', 'a = <<EOT\n$ $$ $${x} % %% %%{y} \\q "q"\nEOT\n'],
    ['an object', 'a = {\n  k = 1,\n  "s" : [1, 2,],\n  (x) = null\n  k2 = "v" k3 = 3\n}\n'],
    ['tuples', 'a = [[], [1], [1, 2], [1, 2,]]\n'],
    ['function calls', 'a = jsonencode({ Statement = [merge(local.a, { b = concat(x, y...) })] })\nb = f()\nc = f(1,)\nd = provider::aws::arn_parse(x)\ne = templatefile("${path.module}/p.json", { x = 1 })\n'],
    ['attribute access, indexes and splats', 'a = b.c[0].d[*].e\nf = x.*.y[0].z\ng = x[*][0]\nh = local.m["k"].v\n'],
    ['legacy indexes', 'a = x.0.1\nb = x.0[1].b\nc = x.*.0\nd = x[*].0.a\ne = x. /* c */ 0\nf = 1.0.1\n'],
    ['operators', 'a = 1 + 2 * 3 - 4 / 5 % 6\nb = x == 1 && y != 2 || !z\nc = -a.b + !d\nd = a < b == c >= d\ne = - -1\n'],
    ['conditionals', 'a = x ? y : z ? 1 : 2\nb = x ? y ? 1 : 2 : 3\nc = x == "" ? y + 1 : z\n'],
    ['parentheses', 'a = (1 + 2) * (x ? y : z)\n'],
    ['for expressions', 'a = [for s in var.l : upper(s) if s != ""]\nb = { for k, v in var.m : k => v... if v }\nc = {for x in y : x => x}\n'],
    ['CRLF line ends', '# c\r\na = 1 // d\r\nb = " x\r\n"\r\nc = <<EOT\r\n  x \r\nEOT\rX\r\nEOT\r\nd = 1\re = 2\r\n/* x\r\n*/\r\n'],
    ['keywords as attribute names', 'a = local.null\nb = x.for.in.if.true\nc = [for for in x : 1]\n'],
  ])('%s', (_, text) => {
    expect(readHclExactly(text)).toHaveProperty('tree');
    expectSameAsTreeSitter(text);
  });
});

describe('the fast HCL reader stands aside', () => {
  it.each<[string, StandAsideReason, string]>([
    ['a syntax error', 'syntax', 'a = \n'],
    ['an unclosed block', 'syntax', 'a {\n  b = 1\n'],
    ['an unclosed string', 'syntax', 'a = "x\n'],
    ['an unknown escape', 'syntax', 'a = "\\q"\n'],
    ['a short unicode escape', 'syntax', 'a = "\\u12"\n'],
    ['an unclosed heredoc', 'syntax', 'a = <<EOT\nx\n'],
    ['a heredoc closed at the end of the text', 'syntax', 'a = <<EOT\nx\nEOT'],
    ['an unclosed block comment', 'syntax', 'a = 1 /* x\n'],
    ['an interpolated block label (tree-sitter reads `${` as literal text there)', 'syntax', 'b "${x}" {}\n'],
    ['null called', 'syntax', 'a = null(1)\n'],
    ['an object as the whole file', 'object-file', '{\n  "a": 1\n}\n'],
    ['a vertical tab', 'unusual-character', 'a =\v1\n'],
    ['a no-break space', 'unusual-character', 'a =\u00a01\n'],
    ['a byte order mark', 'unusual-character', '\ufeffa = 1\n'],
    ['a lone surrogate', 'unusual-character', 'a = "\ud800"\n'],
    ['a control character', 'unusual-character', 'a = "\u0001"\n'],
    ['a non-ASCII identifier', 'non-ascii-identifier', 'é = 1\n'],
    ['a non-ASCII letter inside an identifier', 'non-ascii-identifier', 'a = xé\n'],
    ['for as a variable', 'keyword-name', 'a = [for]\n'],
    ['for as an object key', 'keyword-name', 'a = { for = 1 }\n'],
    ['in as a variable', 'keyword-name', 'a = f(in)\n'],
    ['an unclosed template if', 'syntax', 'a = "%{ if x }y"\n'],
    ['a template else without if', 'syntax', 'a = "x%{ else }y"\n'],
    ['a template endfor closing an if', 'syntax', 'a = "%{ if x }y%{ endfor }"\n'],
    ['two template elses', 'syntax', 'a = "%{ if x }y%{ else }z%{ else }w%{ endif }"\n'],
    ['an unknown directive', 'syntax', 'a = "%{ when x }"\n'],
    ['a heredoc identifier after a space', 'heredoc-form', 'a = << EOT\nx\nEOT\n'],
    ['text after a heredoc identifier', 'heredoc-form', 'a = <<EOT # c\nx\nEOT\n'],
    ['an empty heredoc identifier', 'heredoc-form', 'a = <<\nx\n\n'],
    ['nesting deeper than the stack', 'too-deep', `a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
  ])('on %s', (_, reason, text) => {
    expect(readHclExactly(text)).toMatchObject({ standsAside: reason });
    if (reason === 'syntax' && !text.startsWith('b "${')) expect(treeSitter(text).hasError).toBe(true);
  });
});

describe('the fast HCL reader, by property', () => {
  const parameters = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

  it('reads every .tf file of the tests as tree-sitter does', () => {
    expect(TEST_FILES.length).toBeGreaterThan(50);
    const read = TEST_FILES.filter((text) => expectSameAsTreeSitter(text)).length;
    if (REPOSITORY_DIRECTORIES.length === 0) expect(read).toBe(TEST_FILES.length);
  });

  it('reads every .tf file of the tests with CRLF line ends as tree-sitter does', () => {
    const read = TEST_FILES.filter((text) => expectSameAsTreeSitter(text.replace(/\n/g, '\r\n'))).length;
    if (REPOSITORY_DIRECTORIES.length === 0) expect(read).toBe(TEST_FILES.length);
  });

  it('reads generated HCL as tree-sitter does or stands aside', () => {
    let read = 0;
    fc.assert(
      fc.property(generatedTerraform, (text) => {
        if (expectSameAsTreeSitter(text)) read++;
      }),
      parameters,
    );
    expect(read).toBeGreaterThan(RUNS / 10);
  }, PROPERTY_TIMEOUT);

  it('reads random edits of generated HCL as tree-sitter does or stands aside', () => {
    fc.assert(fc.property(editedText(generatedTerraform), (text) => void expectSameAsTreeSitter(text)), parameters);
  }, PROPERTY_TIMEOUT);

  it('reads random edits of the tests .tf files as tree-sitter does or stands aside', () => {
    fc.assert(fc.property(editedText(fc.constantFrom(...TEST_FILES)), (text) => void expectSameAsTreeSitter(text)), parameters);
  }, PROPERTY_TIMEOUT);
});
