/**
 * Adopting deputy on an existing repository: generated directories skipped by default, a config file
 * (ignore globs, include-generated, per-rule levels), and a baseline that records today's findings so that
 * later runs fail only on new ones (and list the fixed ones), matched across line moves.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { compileGlob } from '../src/config/path-glob.js';
import { RULES } from '../src/rules/rule-catalog.js';
import { runLintCommand } from './support/run-lint-command.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const HOLE_TF = readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/tf-jsonencode/personalize-trust--conditions-stripped.tf'), 'utf8');
const HOLE_YAML = readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/cfn-yaml/personalize-trust--conditions-stripped.yaml'), 'utf8');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'deputy-adoption-'));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

interface Report {
  files: string[];
  findings: { ruleId: string; file: string; severity: string }[];
  skipped: { file: string; reason: string }[];
  baseline?: { known: number; fixed: { file: string; ruleId: string }[]; updated: boolean };
}

async function report(args: readonly string[], cwd: string): Promise<Report> {
  const run = await runLintCommand([...args, '--format', 'json'], cwd);
  return JSON.parse(run.stdout) as Report;
}

const GENERATED = ['.terragrunt-cache/abc/main.tf', '.terraform/modules/m/main.tf', '.aws-sam/build/template.yaml', '.serverless/cloudformation-template-update-stack.json', 'cdk.out/Stack.template.json', 'node_modules/pkg/main.tf', 'vendor/mod/main.tf'];

describe('generated directories', () => {
  test('are skipped by default and listed; include-generated walks them', async () => {
    const files: Record<string, string> = { 'main.tf': HOLE_TF };
    for (const path of GENERATED) files[path] = path.endsWith('.tf') ? HOLE_TF : path.endsWith('.yaml') ? HOLE_YAML : JSON.stringify({ Statement: [] });
    const root = tree(files);
    const plain = await report(['.'], root);
    expect(plain.files).toEqual(['main.tf']);
    expect(plain.skipped.map((entry) => entry.file)).toEqual(['.aws-sam', '.serverless', '.terraform', '.terragrunt-cache', 'cdk.out', 'node_modules', 'vendor']);
    expect(new Set(plain.skipped.map((entry) => entry.reason))).toEqual(new Set(['generated directory']));
    writeFileSync(join(root, '.deputy-lint.yaml'), 'include-generated: [vendor, .aws-sam]\n');
    expect((await report(['.'], root)).files).toEqual(['.aws-sam/build/template.yaml', 'main.tf', 'vendor/mod/main.tf']);
    writeFileSync(join(root, '.deputy-lint.yaml'), 'include-generated: true\n');
    expect((await report(['.'], root)).files).toHaveLength(1 + GENERATED.length);
  });
});

describe('the config file', () => {
  test('ignore globs leave files and directories out, relative to the config', async () => {
    const root = tree({ 'a/main.tf': HOLE_TF, 'b/legacy/main.tf': HOLE_TF, 'c/x.generated.tf': HOLE_TF, '.deputy-lint.yaml': 'ignore:\n  - b/legacy/\n  - "*.generated.tf"\n' });
    const result = await report(['.'], root);
    expect(result.files).toEqual(['a/main.tf']);
    expect(result.skipped).toEqual([
      { file: 'b/legacy', reason: 'ignored by b/legacy/' },
      { file: 'c/x.generated.tf', reason: 'ignored by *.generated.tf' },
    ]);
  });

  test('per-rule levels: off drops a rule, note/warning/error replace its severity', async () => {
    const root = tree({ 'main.tf': HOLE_TF, '.deputy-lint.yaml': 'rules:\n  DPT001: note\n' });
    const noted = await report(['.'], root);
    expect(noted.findings.filter((finding) => finding.ruleId === 'DPT001').map((finding) => finding.severity)).toEqual(['note']);
    writeFileSync(join(root, '.deputy-lint.yaml'), 'rules:\n  DPT001: off\n');
    expect((await report(['.'], root)).findings.filter((finding) => finding.ruleId === 'DPT001')).toEqual([]);
    const onlyNotes = tree({ 'main.tf': HOLE_TF, '.deputy-lint.yaml': `rules:\n${RULES.map((rule) => `  ${rule.id}: note`).join('\n')}\n` });
    const run = await runLintCommand(['.'], onlyNotes);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^deputy lint: 0 errors, 0 warnings, \d+ notes? in 1 file/m);
    expect((await runLintCommand(['.', '--severity', 'note'], onlyNotes)).code).toBe(1);
  });

  test('deputy.config.json holds the settings under "lint"; --config names another file', async () => {
    const root = tree({ 'a/main.tf': HOLE_TF, 'b/main.tf': HOLE_TF, 'deputy.config.json': JSON.stringify({ lint: { ignore: ['b/'] } }), 'other.yaml': 'ignore: [a/]\n' });
    expect((await report(['.'], root)).files).toEqual(['a/main.tf']);
    expect((await report(['.', '--config', 'other.yaml'], root)).files).toEqual(['b/main.tf']);
  });

  test('a config mistake exits 2 with file:line:col and a hint', async () => {
    const root = tree({ 'main.tf': HOLE_TF, '.deputy-lint.yaml': 'ignore: [x]\nrules:\n  DPT001: loud\n  DPX999: off\nignroe: []\n' });
    const run = await runLintCommand(['.'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const config = join(root, '.deputy-lint.yaml');
    expect(run.stderr).toBe(
      [
        `error: ${config}:3:11: invalid level "loud" for DPT001 (use off, note, warning, error)`,
        `error: ${config}:4:3: unknown rule "DPX999" (use a rule id such as DPT001 (deputy lint --help lists them in the README))`,
        `error: ${config}:5:1: unknown key "ignroe" (use ignore, include-generated, rules, baseline)`,
        '',
      ].join('\n'),
    );
  });
});

describe('the baseline', () => {
  test('records findings, then reports only new ones and the fixed ones, across line moves', async () => {
    const root = tree({ 'a.tf': HOLE_TF, 'b.tf': HOLE_TF });
    const recorded = await runLintCommand(['.', '--baseline', 'baseline.json', '--update-baseline'], root);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toMatch(/no findings in 2 files .*; baseline recorded: \d+ known, 0 fixed$/m);
    const baseline = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as { format: number; findings: { file: string; ruleId: string; fingerprint: string }[] };
    expect(baseline.format).toBe(1);
    expect(baseline.findings.filter((entry) => entry.ruleId === 'DPT001').map((entry) => entry.file)).toEqual(['a.tf', 'b.tf']);

    writeFileSync(join(root, 'a.tf'), `# a comment moves everything down\n\n${HOLE_TF}`);
    const moved = await runLintCommand(['.', '--baseline', 'baseline.json'], root);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(new RegExp(`no findings in 2 files .*; baseline: ${baseline.findings.length} known, 0 fixed$`, 'm'));

    writeFileSync(join(root, 'b.tf'), '# fixed\n');
    writeFileSync(join(root, 'c.tf'), HOLE_TF);
    const changed = await report(['.', '--baseline', 'baseline.json'], root);
    expect(changed.findings.filter((finding) => finding.ruleId === 'DPT001').map((finding) => finding.file)).toEqual(['c.tf']);
    expect(changed.baseline!.fixed.filter((entry) => entry.ruleId === 'DPT001').map((entry) => entry.file)).toEqual(['b.tf']);
    expect((await runLintCommand(['.', '--baseline', 'baseline.json'], root)).code).toBe(1);
  });

  test('a second copy of a recorded finding in the same place is new', async () => {
    const twice = HOLE_TF.replace(/\n$/, '') + '\n' + HOLE_TF.replace('personalize_trust__conditions_stripped', 'personalize_trust__conditions_stripped');
    const root = tree({ 'a.tf': HOLE_TF });
    await runLintCommand(['.', '--baseline', 'baseline.json', '--update-baseline'], root);
    writeFileSync(join(root, 'a.tf'), twice);
    const result = await report(['.', '--baseline', 'baseline.json'], root);
    expect(result.findings.filter((finding) => finding.ruleId === 'DPT001')).toHaveLength(1);
  });

  test('the config can name the baseline; a missing baseline or --update-baseline alone is a usage error', async () => {
    const root = tree({ 'a.tf': HOLE_TF, '.deputy-lint.yaml': 'baseline: .deputy-baseline.json\n' });
    const missing = await runLintCommand(['.'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such baseline file (record one with deputy lint --baseline <file> --update-baseline)');
    expect((await runLintCommand(['.', '--update-baseline'], root)).code).toBe(2);
    expect((await runLintCommand(['.', '--baseline', '.deputy-baseline.json', '--update-baseline'], root)).code).toBe(0);
    expect((await runLintCommand(['.'], root)).code).toBe(0);
  });
});

describe('path globs', () => {
  test.each([
    ['*.tf', 'a/b/c.tf', false, true],
    ['/*.tf', 'a/c.tf', false, false],
    ['/*.tf', 'c.tf', false, true],
    ['a/**/x.tf', 'a/x.tf', false, true],
    ['a/**/x.tf', 'a/b/c/x.tf', false, true],
    ['build/', 'build', false, false],
    ['build/', 'src/build', true, true],
    ['legacy', 'x/legacy/y.tf', false, true],
    ['te?t', 'test', true, true],
  ] as const)('%s matches %s (directory %s): %s', (pattern, path, directory, expected) => {
    expect(compileGlob(pattern).matches(path, directory)).toBe(expected);
  });
});
