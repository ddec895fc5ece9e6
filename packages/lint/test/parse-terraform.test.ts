/**
 * The one entry point for HCL (parse-terraform.ts): the fast reader's tree where it reads a file, tree-sitter
 * (loaded only then) where it stands aside, syntax errors reported by tree-sitter with their locations as
 * before, and the locals of the module's other files read through the same path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeputyInputError } from '@deputy/policy-model';
import { describe, expect, it, vi } from 'vitest';
import { parseTerraform, parseTerraformLeniently } from '../src/sources/terraform/parse-terraform.js';
import { scanTerraformFile } from '../src/sources/terraform/terraform-file.js';
import { terraformParser } from '../src/sources/terraform/tree-sitter-terraform.js';
import { canonicalTree, treeSitterReader } from './support/hcl-tree-oracle.js';

vi.mock('../src/sources/terraform/tree-sitter-terraform.js', async (original) => {
  const actual = await original<typeof import('../src/sources/terraform/tree-sitter-terraform.js')>();
  return { terraformParser: vi.fn(actual.terraformParser) };
});

const POLICY = `resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = local.service } }]
  })
}
`;

function moduleDirectory(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'deputy-parse-terraform-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
  return directory;
}

/** These run in order: web-tree-sitter, once loaded, stays loaded. */
describe('parseTerraform', () => {
  it('reads a file the fast reader reads, and its module locals, without loading web-tree-sitter', async () => {
    const directory = moduleDirectory({ 'main.tf': POLICY, 'locals.tf': 'locals {\n  service = "lambda.amazonaws.com"\n}\n' });
    const scan = await scanTerraformFile(POLICY, join(directory, 'main.tf'));
    expect(scan.policies).toHaveLength(1);
    expect(JSON.stringify(scan.policies[0]!.statements)).toContain('lambda.amazonaws.com');
    expect(await parseTerraformLeniently('x = { Statement = [] }')).toBeDefined();
    expect(terraformParser).not.toHaveBeenCalled();
  });

  it('loads web-tree-sitter for a module locals file the fast reader stands aside on (a non-ASCII name), and reads it', async () => {
    const directory = moduleDirectory({ 'main.tf': POLICY, 'locals.tf': 'locals {\n  service = "lambda.amazonaws.com"\n  clé = 1\n}\n' });
    const scan = await scanTerraformFile(POLICY, join(directory, 'main.tf'));
    expect(JSON.stringify(scan.policies[0]!.statements)).toContain('lambda.amazonaws.com');
    expect(terraformParser).toHaveBeenCalled();
  });

  it('gives tree-sitter the files the fast reader stands aside on: the same tree', async () => {
    const text = 'clé = [for s in l : s]\nb = local.clé\n';
    const tree = await parseTerraform(text, 'main.tf');
    expect(canonicalTree(tree.rootNode)).toBe(canonicalTree((await treeSitterReader())(text).root));
  });

  it('reports syntax errors with their locations, as tree-sitter finds them', async () => {
    const error = await parseTerraform('a = 1\nb = \n', 'main.tf').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeputyInputError);
    expect((error as DeputyInputError).problems).toEqual([expect.objectContaining({ code: 'hcl-syntax-error', message: 'HCL syntax error: missing identifier', location: { file: 'main.tf', line: 3, column: 1 } })]);
  });

  it('reads HCL with syntax errors leniently (for a jsonencode inside a tf.json string)', async () => {
    const tree = await parseTerraformLeniently('x = jsonencode({ Statement = [ })');
    expect(tree?.rootNode.descendantsOfType('ERROR').length).toBeGreaterThan(0);
  });
});
