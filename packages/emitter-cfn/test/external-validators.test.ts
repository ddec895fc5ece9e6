/**
 * External validators, each in one batch call: cfn-lint reports no errors and no warnings on the template
 * of every fixture and hand-built model (both formats); and PyYAML, the YAML 1.1 reader cfn-lint uses,
 * reads every such template and a sample of hostile property-test templates exactly as js-yaml does, so no
 * value means one thing to CloudFormation tooling and another to JavaScript.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonString } from '../src/json/json-string.js';
import { emitCfn } from '../src/index.js';
import { loadCfnTemplate, templateFormatOf } from '../src/testing.js';
import { cfnModelArbitrary } from './support/arbitraries.js';
import { allCases, emitBothFormats } from './support/cases.js';
import { cfnLintAvailable, decodeWithPyYaml, pythonWithCfnLint, runCfnLint, validatorsRequired } from './support/external-tools.js';

/**
 * Findings that come from a fixture's content rather than from the emitter, by case and rule. A gap that no
 * longer occurs fails the test, so the list cannot go stale.
 */
const KNOWN_LINT_GAPS: readonly { readonly case: string; readonly rule: string; readonly reason: string }[] = [];

/**
 * Named gap: YAML readers accept implicit (JSON-style) keys of at most 1024 characters as written, so a JSON template
 * with a longer key (only hostile property-test keys are that long; IAM condition keys are far shorter) is
 * valid JSON but not readable by a YAML 1.1 reader. YAML templates write such keys as explicit `? key` entries.
 */
const YAML_IMPLICIT_KEY_LIMIT = 1024;

/** The longest key of the value as the JSON template writes it (escapes count). */
function longestKey(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(longestKey));
  if (typeof value !== 'object' || value === null) return 0;
  return Math.max(0, ...Object.entries(value).map(([key, entry]) => Math.max(jsonString(key).length, longestKey(entry))));
}

const directory = mkdtempSync(join(tmpdir(), 'deputy-cfn-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writeAll(files: readonly { name: string; contents: string }[]): string[] {
  return files.map((file) => {
    const path = join(directory, file.name);
    writeFileSync(path, file.contents);
    return path;
  });
}

function caseTemplates(): { name: string; contents: string }[] {
  return allCases().flatMap((testCase) => emitBothFormats(testCase.model).map((file) => ({ name: `${testCase.name}.${file.path.split('.').pop()}`, contents: file.contents })));
}

function unavailable(tool: string, skip: (note: string) => void): void {
  const note = `${tool} is not available`;
  if (validatorsRequired()) throw new Error(`${note}, and DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 requires it`);
  console.warn(`skipped: ${note}`);
  skip(note);
}

describe('cfn-lint', () => {
  it('reports no errors and no warnings on any case template, apart from named fixture gaps', (context) => {
    if (!cfnLintAvailable()) return unavailable('cfn-lint', (note) => context.skip(note));
    const paths = writeAll(caseTemplates());
    const matches = runCfnLint(paths);
    const caseOf = (file: string) => basename(file).replace(/\.(yaml|json)$/, '');
    const unexplained = matches.filter((match) => !KNOWN_LINT_GAPS.some((gap) => gap.case === caseOf(match.file) && gap.rule === match.rule));
    expect(unexplained).toEqual([]);
    for (const gap of KNOWN_LINT_GAPS) {
      expect(matches.some((match) => caseOf(match.file) === gap.case && match.rule === gap.rule), `stale gap ${gap.case} ${gap.rule}`).toBe(true);
    }
  });
});

describe('YAML 1.1 reader (PyYAML via cfnlint.decode)', () => {
  it('reads every case template and a sample of hostile templates exactly as js-yaml does', (context) => {
    const python = pythonWithCfnLint();
    if (python === undefined) return unavailable('a Python with cfn-lint', (note) => context.skip(note));
    const hostile = fc
      .sample(cfnModelArbitrary(), { numRuns: 150, seed: 20_251_128 })
      .flatMap((model, index) => (['yaml', 'json'] as const).map((format) => ({ name: `hostile-${index}.${format}`, contents: emitCfn(model, { format })[0]!.contents })));
    const templates = [...caseTemplates(), ...hostile];
    const paths = writeAll(templates);
    const decoded = decodeWithPyYaml(python, paths);
    let unreadableJson = 0;
    paths.forEach((path, index) => {
      const python = decoded.get(path);
      const loaded = loadCfnTemplate(templates[index]!.contents, templateFormatOf(path));
      if (python?.errors.length && templateFormatOf(path) === 'json' && longestKey(loaded) > YAML_IMPLICIT_KEY_LIMIT) {
        unreadableJson++;
        return;
      }
      expect(python?.errors, path).toEqual([]);
      expect(python?.template, path).toStrictEqual(JSON.parse(JSON.stringify(loaded)));
    });
    expect(unreadableJson, 'JSON templates left out for the implicit-key limit').toBeLessThan(paths.filter((path) => templateFormatOf(path) === 'json').length / 2);
  });
});
