/**
 * The Terraform parser: web-tree-sitter with the tree-sitter-hcl project's Terraform grammar, loaded once
 * from the WASM file the grammar package ships (offline, no native build).
 */
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

let loading: Promise<Parser> | undefined;

/** The shared Terraform parser, initialised on first use. */
export function terraformParser(): Promise<Parser> {
  loading ??= createParser();
  return loading;
}

async function createParser(): Promise<Parser> {
  const require = createRequire(import.meta.url);
  await Parser.init();
  const language = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
