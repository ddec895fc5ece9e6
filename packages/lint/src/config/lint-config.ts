/**
 * The lint configuration, for adopting deputy on an existing repository: `.deputy-lint.yaml` (or `.yml`), or
 * the `lint` section of `deputy.config.json`, found in the scan root (the first directory given, else the
 * working directory), or named with `--config`.
 *
 *     ignore:                      # globs, relative to the config file, as in .gitignore
 *       - examples/legacy/**
 *       - "*.generated.json"
 *     include-generated: [vendor]  # generated directories to walk anyway (true: all of them)
 *     rules:                       # per-rule severity: off | note | warning | error
 *       DPT002: warning
 *       DPT012: off
 *     baseline: .deputy-baseline.json
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DeputyInputError, type Problem } from '@deputy/policy-model';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { isRuleId } from '../rules/rule-catalog.js';
import { compileGlob, type PathGlob } from './path-glob.js';

/** A rule's configured level: `off` drops its findings. */
export type RuleLevel = 'off' | 'note' | 'warning' | 'error';

/** The levels a rule may be set to. */
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'note', 'warning', 'error'];

/** Config file names looked for in the scan root, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.deputy-lint.yaml', '.deputy-lint.yml', 'deputy.config.json'];

/**
 * Directories that hold generated or vendored copies of code, never walked unless the config's
 * `include-generated` names them: Terraform and Terragrunt caches, SAM and Serverless Framework build
 * output, CDK synth output, package managers' folders, version control.
 */
export const GENERATED_DIRECTORIES: readonly string[] = ['.git', '.hg', '.svn', '.terraform', '.terragrunt-cache', '.aws-sam', '.serverless', 'cdk.out', 'node_modules', 'vendor', '.venv', 'venv', '__pycache__', '.tox', '.cache'];

/** The lint configuration, resolved. */
export interface LintConfig {
  /** The config file read, as given or found; undefined when none was found (defaults). */
  readonly file?: string;
  /** The directory `ignore` globs are relative to. */
  readonly root: string;
  /** Files and directories never walked. */
  readonly ignore: readonly PathGlob[];
  /** Generated directories walked anyway, or `all`. */
  readonly includeGenerated: readonly string[] | 'all';
  /** Per-rule levels that replace the rules' default severities. */
  readonly rules: ReadonlyMap<string, RuleLevel>;
  /** The baseline file named in the config (absolute), if any. */
  readonly baseline?: string;
}

/** Where to look for the config. */
export interface ConfigSearch {
  /** `--config`: this file, which must exist. */
  readonly explicit?: string;
  /** The scan root, looked in for {@link CONFIG_FILE_NAMES}. */
  readonly root: string;
  /** The working directory `explicit` is resolved against. */
  readonly cwd: string;
}

const KEYS = ['ignore', 'include-generated', 'rules', 'baseline'];

/** The defaults: nothing ignored beyond the generated directories, every rule at its own severity. */
export function defaultLintConfig(root: string): LintConfig {
  return { root, ignore: [], includeGenerated: [], rules: new Map() };
}

/** Finds and reads the config; throws {@link DeputyInputError} listing every problem in it. */
export function loadLintConfig(search: ConfigSearch): LintConfig {
  const path = search.explicit !== undefined ? resolve(search.cwd, search.explicit) : CONFIG_FILE_NAMES.map((name) => join(search.root, name)).find((candidate) => existsSync(candidate));
  if (path === undefined) return defaultLintConfig(search.root);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DeputyInputError([{ code: 'config-unreadable', message: code === 'ENOENT' ? 'no such config file' : `cannot read the config (${code ?? 'unknown error'})`, hint: 'check the --config path', file: search.explicit ?? path }]);
  }
  return parseLintConfig(text, path);
}

/** Parses config text read from `path` (YAML, or JSON with the settings under `lint`). */
export function parseLintConfig(text: string, path: string): LintConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined, fallback = 0) => {
    const position = lineCounter.linePos(node?.range?.[0] ?? fallback);
    return { file: path, line: position.line, column: position.col };
  };
  for (const error of document.errors) problems.push({ code: 'config-syntax-error', message: `syntax error: ${error.message.split('\n')[0]}`, hint: 'fix the config at this position', location: at(undefined, error.pos[0]) });
  if (problems.length > 0) throw new DeputyInputError(problems);
  let settings = document.contents as Node | null;
  if (path.endsWith('.json')) settings = isMap(settings) ? ((settings.get('lint', true) as Node | undefined) ?? null) : null;
  const root = dirname(path);
  if (settings === null) return { ...defaultLintConfig(root), file: path };
  if (!isMap(settings)) throw new DeputyInputError([{ code: 'config-invalid', message: 'the lint config must be a mapping', hint: `use the keys ${KEYS.join(', ')}`, location: at(settings) }]);
  const ignore: PathGlob[] = [];
  let includeGenerated: readonly string[] | 'all' = [];
  const rules = new Map<string, RuleLevel>();
  let baseline: string | undefined;
  for (const pair of settings.items) {
    const key = pair.key as Node;
    const value = pair.value as Node | null;
    const name = isScalar(key) ? String(key.value) : '';
    if (name === 'ignore') {
      for (const item of stringList(value, 'ignore', problems, at)) ignore.push(compileGlob(item));
    } else if (name === 'include-generated') {
      if (isScalar(value) && typeof value.value === 'boolean') includeGenerated = value.value ? 'all' : [];
      else includeGenerated = stringList(value, 'include-generated', problems, at);
    } else if (name === 'rules') {
      if (!isMap(value)) {
        problems.push({ code: 'config-invalid', message: '"rules" must map rule ids to off, note, warning or error', hint: 'e.g. rules: { DPT002: warning }', location: at(value ?? key) });
        continue;
      }
      for (const rule of value.items) {
        const id = isScalar(rule.key) ? String(rule.key.value).toUpperCase() : '';
        const level = isScalar(rule.value) ? String(rule.value.value) : '';
        if (!isRuleId(id)) problems.push({ code: 'config-invalid', message: `unknown rule ${JSON.stringify(id)}`, hint: 'use a rule id such as DPT001 (deputy lint --help lists them in the README)', location: at(rule.key as Node) });
        else if (!(RULE_LEVELS as readonly string[]).includes(level)) problems.push({ code: 'config-invalid', message: `invalid level ${JSON.stringify(level)} for ${id}`, hint: `use ${RULE_LEVELS.join(', ')}`, location: at((rule.value as Node | null) ?? (rule.key as Node)) });
        else rules.set(id, level as RuleLevel);
      }
    } else if (name === 'baseline') {
      if (isScalar(value) && typeof value.value === 'string' && value.value !== '') baseline = resolve(root, value.value);
      else problems.push({ code: 'config-invalid', message: '"baseline" must be a file path', hint: 'e.g. baseline: .deputy-baseline.json', location: at(value ?? key) });
    } else {
      problems.push({ code: 'config-invalid', message: `unknown key ${JSON.stringify(name)}`, hint: `use ${KEYS.join(', ')}`, location: at(key) });
    }
  }
  if (problems.length > 0) throw new DeputyInputError(problems);
  return { file: path, root, ignore, includeGenerated, rules, ...(baseline !== undefined ? { baseline } : {}) };
}

function stringList(value: Node | null, key: string, problems: Problem[], at: (node: Node | null | undefined) => Problem['location']): string[] {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (isSeq(value) && value.items.every((item) => isScalar(item) && typeof item.value === 'string')) return value.items.map((item) => String((item as { value: unknown }).value));
  problems.push({ code: 'config-invalid', message: `"${key}" must be a list of strings`, hint: `e.g. ${key}: [examples/**]`, location: at(value) });
  return [];
}
