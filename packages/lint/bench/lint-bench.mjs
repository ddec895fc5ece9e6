#!/usr/bin/env node
/**
 * Benchmark: `deputy lint` over 1,000 Terraform files (run `npx tsc -p tsconfig.lib.json` first; this reads
 * the built dist). The files cycle through the corpus's Terraform files — jsonencode, aws_iam_policy_document,
 * heredocs, Lambda permissions, variables, dynamic blocks — each made unique by a label suffix.
 *
 *   node bench/lint-bench.mjs [--files 1000] [--runs 5]
 *
 * Reports the in-process time of lint() (parser start-up included: each run imports the linter in a fresh
 * process) and the whole process wall time, as median and max over the runs. Not a test: nothing fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const FILES = argument('--files', 1000);
const RUNS = argument('--runs', 5);

function terraformSources() {
  const roots = ['test/corpus/generated/tf-jsonencode', 'test/corpus/generated/tf-policy-document', 'test/corpus/generated/tf-heredoc', 'test/corpus/generated/lambda-permission', 'test/corpus/realistic/terraform'];
  return roots.flatMap((root) =>
    readdirSync(join(PACKAGE_DIR, root))
      .filter((name) => name.endsWith('.tf'))
      .sort()
      .map((name) => readFileSync(join(PACKAGE_DIR, root, name), 'utf8')),
  );
}

const directory = mkdtempSync(join(tmpdir(), 'deputy-lint-bench-'));
try {
  const sources = terraformSources();
  let bytes = 0;
  for (let index = 0; index < FILES; index++) {
    const text = sources[index % sources.length].replace(/^(resource|data) "([^"]+)" "([^"]+)"/gm, `$1 "$2" "$3_${index}"`);
    const module = join(directory, `module-${Math.floor(index / 50)}`);
    mkdirSync(module, { recursive: true });
    writeFileSync(join(module, `file-${index}.tf`), text);
    bytes += Buffer.byteLength(text);
  }
  const script = `
    const started = performance.now();
    const { lint } = await import(${JSON.stringify(join(PACKAGE_DIR, 'dist/index.js'))});
    const imported = performance.now();
    const result = await lint([${JSON.stringify(directory)}]);
    const done = performance.now();
    console.log(JSON.stringify({ importMs: imported - started, lintMs: done - imported, files: result.files.length, policies: result.policyCount, findings: result.findings.length + result.suppressed.length }));
  `;
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const wallMs = performance.now() - started;
    if (child.status !== 0) throw new Error(child.stderr);
    runs.push({ ...JSON.parse(child.stdout), wallMs });
  }
  const stat = (key) => {
    const values = runs.map((run) => run[key]).sort((a, b) => a - b);
    return `median ${values[Math.floor(values.length / 2)].toFixed(0)} ms, max ${values[values.length - 1].toFixed(0)} ms`;
  };
  const [first] = runs;
  console.log(`deputy lint benchmark: ${FILES} Terraform files (${(bytes / 1024).toFixed(0)} KiB), ${first.policies} policies, ${first.findings} findings; ${RUNS} runs, each in a fresh node process`);
  console.log(`  lint() incl. parser start-up: ${stat('lintMs')}`);
  console.log(`  import of @deputy/lint:       ${stat('importMs')}`);
  console.log(`  whole process (node start-up, import, lint, exit): ${stat('wallMs')}`);
  if (first.files !== FILES) console.log(`  note: ${first.files} of ${FILES} files held a policy-like construct and were parsed`);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
