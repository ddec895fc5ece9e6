/**
 * The plain copy of a parsed Terraform file (syntax-node.ts) answers every question the readers ask exactly
 * as the web-tree-sitter tree does: each node's type, named flag, offsets, start, text, parent, children,
 * object-element fields and `descendantsOfType`, over every `.tf` file of the tests and a few shapes the
 * corpus lacks (comments everywhere, heredocs, templates, non-ASCII text, syntax errors).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node } from 'web-tree-sitter';
import { describe, expect, test } from 'vitest';
import { copySyntaxTree, type SyntaxNode } from '../src/sources/terraform/syntax-node.js';
import { terraformParser } from '../src/sources/terraform/tree-sitter-terraform.js';

const TEST_DIR = dirname(fileURLToPath(import.meta.url));

function terraformFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return terraformFiles(path);
    return entry.name.endsWith('.tf') ? [path] : [];
  });
}

const SHAPES: Record<string, string> = {
  comments: `# a comment\nresource "aws_iam_role" "r" { # after the brace\n  /* block */ name = "x" // trailing\n  assume_role_policy = jsonencode({\n    # inside\n    Statement = [{ Effect = "Allow", /* here */ Action = "sts:AssumeRole" }]\n  })\n}\n`,
  heredoc: 'locals {\n  p = <<-EOT\n    {"Statement": [{"Effect": "Allow", "Resource": "${var.x}"}]}\n  EOT\n  q = "a ${local.p} %{ if true }b%{ endif } \\u00e9"\n}\n',
  unicode: 'locals {\n  "clé" = "été ✓ 𝄞"\n  m = { "k" : 1, k2 = [1, 2.5, true, null] }\n}\n',
  expressions: 'locals {\n  a = var.x ? [for s in var.l : upper(s) if s != ""] : { for k, v in var.m : k => v... }\n  b = local.c[0].d["e"][*].f\n  c = (1 + 2) * -3\n}\n',
  error: 'resource "aws_iam_role" "r" {\n  name = \n  policy = jsonencode({ Statement = [ }\n}\n',
  empty: '',
};

async function parseBoth(text: string): Promise<[Node, SyntaxNode, () => void]> {
  const parsed = (await terraformParser()).parse(text);
  if (parsed === null) throw new Error('no tree');
  return [parsed.rootNode, copySyntaxTree(parsed, text).rootNode, () => parsed.delete()];
}

/** Compares two nodes and their subtrees; returns the number of nodes compared. */
function compare(real: Node, copy: SyntaxNode, path: string): number {
  const describe = (node: { type: string; startIndex: number; endIndex: number }): string => `${node.type}@${node.startIndex}-${node.endIndex}`;
  expect({ path, type: copy.type, isNamed: copy.isNamed, startIndex: copy.startIndex, endIndex: copy.endIndex, startPosition: copy.startPosition, text: copy.text }).toEqual({
    path,
    type: real.type,
    isNamed: real.isNamed,
    startIndex: real.startIndex,
    endIndex: real.endIndex,
    startPosition: real.startPosition,
    text: real.text,
  });
  expect(copy.parent === null ? null : describe(copy.parent)).toEqual(real.parent === null ? null : describe(real.parent));
  expect(copy.namedChildren.map(describe)).toEqual(real.namedChildren.map((child) => describe(child!)));
  for (const field of ['key', 'val']) {
    const expected = real.childForFieldName(field);
    const actual = copy.childForFieldName(field);
    expect([field, actual === null ? null : describe(actual)]).toEqual([field, expected === null ? null : describe(expected)]);
  }
  const realChildren = real.children.filter((child): child is Node => child !== null);
  expect(copy.children.length).toBe(realChildren.length);
  return realChildren.reduce((count, child, index) => count + compare(child, copy.children[index]!, `${path}/${index}`), 1);
}

async function expectSameTree(text: string): Promise<number> {
  const [real, copy, done] = await parseBoth(text);
  try {
    const types = ['block', 'object', 'template_expr', 'string_lit', 'function_call'];
    expect(copy.descendantsOfType(types).map((node) => `${node.type}@${node.startIndex}`)).toEqual(real.descendantsOfType(types).map((node) => `${node!.type}@${node!.startIndex}`));
    return compare(real, copy, '');
  } finally {
    done();
  }
}

describe('the copied Terraform syntax tree equals the web-tree-sitter tree', () => {
  test.each(Object.keys(SHAPES))('%s', async (name) => {
    expect(await expectSameTree(SHAPES[name]!)).toBeGreaterThan(0);
  });

  test('every .tf file of the tests', async () => {
    const files = terraformFiles(TEST_DIR);
    expect(files.length).toBeGreaterThan(50);
    let nodes = 0;
    for (const file of files) nodes += await expectSameTree(readFileSync(file, 'utf8'));
    expect(nodes).toBeGreaterThan(files.length * 20);
  });
});
