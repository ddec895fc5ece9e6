/**
 * The one place that parses Terraform HCL. The fast reader (hcl-fast-reader.ts) reads most files to the tree
 * tree-sitter would give; a file it stands aside on is parsed by web-tree-sitter and copied, exactly as before.
 * web-tree-sitter is loaded only when a file needs it, so a run the fast reader reads entirely never loads
 * the WASM parser (nor does each worker thread that runs it).
 */
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import type { Node as ParsedNode, Parser, Tree as ParsedTree } from 'web-tree-sitter';
import { readHclExactly } from './hcl-fast-reader.js';
import { copySyntaxTree, type SyntaxTree } from './syntax-node.js';
import { terraformParser } from './tree-sitter-terraform.js';

/** Reads a `.tf` file's text; throws {@link DeputyInputError} with its syntax errors (at most five) when it is not valid HCL. */
export async function parseTerraform(text: string, file: string): Promise<SyntaxTree> {
  const fast = readHclExactly(text);
  if ('tree' in fast) return fast.tree;
  const parsed = (await terraformParser()).parse(text);
  if (parsed === null) throw new DeputyInputError([{ code: 'hcl-parse-failed', message: 'the Terraform parser returned nothing', hint: 'check that the file is HCL', file }]);
  try {
    const problems = syntaxProblems(parsed, file);
    if (problems.length > 0) throw new DeputyInputError(problems);
    return copySyntaxTree(parsed, text);
  } finally {
    parsed.delete();
  }
}

/** Reads HCL text to its tree even with syntax errors (tree-sitter's tree then holds `ERROR` nodes); undefined when tree-sitter gives nothing. */
export async function parseTerraformLeniently(text: string): Promise<SyntaxTree | undefined> {
  const fast = readHclExactly(text);
  if ('tree' in fast) return fast.tree;
  const parsed = (await terraformParser()).parse(text);
  if (parsed === null) return undefined;
  try {
    return copySyntaxTree(parsed, text);
  } finally {
    parsed.delete();
  }
}

/** Parses valid HCL text synchronously: its tree, or undefined when it has syntax errors. */
export type ValidTerraformParse = (text: string) => SyntaxTree | undefined;

/** The fast reader stood aside and web-tree-sitter is not loaded yet. */
class TreeSitterNeeded extends Error {}

let loadedParser: Parser | undefined;

/**
 * Runs `read`, which parses with the synchronous function it is given (for a caller that cannot wait, such
 * as the reading of other files' locals). When a text needs web-tree-sitter before it is loaded, the parser is
 * loaded and `read` runs again from the start, so `read` must do nothing that a second run would repeat.
 */
export async function withValidTerraformParse<T>(read: (parse: ValidTerraformParse) => T): Promise<T> {
  if (loadedParser === undefined) {
    try {
      return read((text) => parseValid(text, undefined));
    } catch (error) {
      if (!(error instanceof TreeSitterNeeded)) throw error;
    }
    loadedParser = await terraformParser();
  }
  const parser = loadedParser;
  return read((text) => parseValid(text, parser));
}

function parseValid(text: string, parser: Parser | undefined): SyntaxTree | undefined {
  const fast = readHclExactly(text);
  if ('tree' in fast) return fast.tree;
  if (parser === undefined) throw new TreeSitterNeeded();
  const parsed = parser.parse(text);
  if (parsed === null) return undefined;
  try {
    return parsed.rootNode.hasError ? undefined : copySyntaxTree(parsed, text);
  } finally {
    parsed.delete();
  }
}

function syntaxProblems(tree: ParsedTree, file: string): Problem[] {
  if (!tree.rootNode.hasError) return [];
  const problems: Problem[] = [];
  const visit = (node: ParsedNode): void => {
    if (problems.length >= 5) return;
    if (node.isError || node.isMissing) {
      problems.push({
        code: 'hcl-syntax-error',
        message: node.isMissing ? `HCL syntax error: missing ${node.type}` : `HCL syntax error near ${JSON.stringify(node.text.slice(0, 30))}`,
        hint: 'fix the Terraform syntax here (terraform validate shows the details)',
        location: { file, line: node.startPosition.row + 1, column: node.startPosition.column + 1 },
      });
      return;
    }
    for (const child of node.children) if (child && child.hasError) visit(child);
  };
  visit(tree.rootNode);
  return problems;
}
