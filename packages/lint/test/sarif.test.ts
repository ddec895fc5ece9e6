/**
 * `--format sarif` against the official SARIF 2.1.0 schema (test/fixtures/sarif-schema-2.1.0.json, see its
 * README), plus what GitHub code scanning relies on: every rule declared, results pointing at
 * repository-relative files with 1-based lines, levels it understands, stable fingerprints.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { formatSarif, lint, RULES } from '../src/index.js';
import { runLintCommand } from './support/run-lint-command.js';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The schema is draft-04 (`id`, `$schema` draft-04); ajv 8 reads it once `id` is named `$id` and the
 * draft-04 meta-schema reference is dropped — no keyword this schema uses changed meaning between drafts
 * (it has no boolean exclusiveMinimum/Maximum). ajv-formats is not installed, so the three formats the
 * schema uses are checked here.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(PACKAGE_DIR, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  if (typeof id !== 'string') throw new Error('the SARIF schema has no id');
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'http://base.invalid/dir/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value));
  return ajv.compile({ $id: id, ...rest });
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

describe('SARIF output', () => {
  const validate = sarifValidator();

  test('the schema itself rejects what it should (the validator is real)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] })).toBe(true);
  });

  test('a run with findings in every syntax validates, and meets what GitHub code scanning reads', async () => {
    const run = await runLintCommand(['test/corpus', '--format', 'sarif'], PACKAGE_DIR);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    const valid = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(sarifRun!.results.length).toBeGreaterThan(100);
    expect(sarifRun!.results.length).toBeLessThanOrEqual(25_000);
    for (const result of sarifRun!.results) {
      expect(sarifRun!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const location = result.locations[0]!.physicalLocation;
      expect(location.artifactLocation.uri).toMatch(/^test\/corpus\//);
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
    }
    const fingerprints = sarifRun!.results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri} ${Object.values(result.partialFingerprints)[0]}`);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  test('a clean run validates with an empty result list; suppressed findings are left out', async () => {
    const clean = JSON.parse((await runLintCommand(['test/corpus/generated/json/personalize-trust.json', '--format', 'sarif'], PACKAGE_DIR)).stdout) as SarifLog;
    expect(validate(clean)).toBe(true);
    expect(clean.runs[0]!.results).toEqual([]);
    const suppressedOnly = JSON.parse((await runLintCommand(['test/corpus/realistic/json/public-dataset.json', '--format', 'sarif'], PACKAGE_DIR)).stdout) as SarifLog;
    expect(suppressedOnly.runs[0]!.results).toEqual([]);
  });

  test('files outside the working directory get absolute file: URIs that still validate', async () => {
    const result = await lint([join(PACKAGE_DIR, 'test/corpus/generated/json/personalize-trust--conditions-stripped.json')], { cwd: '/' === PACKAGE_DIR ? '/tmp' : join(PACKAGE_DIR, 'src') });
    const log = JSON.parse(formatSarif(result, { toolVersion: '0.0.0-test' })) as SarifLog;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\//);
  });

  test('files that could not be read and lenient readings are tool notifications; the log still validates', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'deputy-sarif-'));
    writeFileSync(join(directory, 'good.yaml'), readFileSync(join(PACKAGE_DIR, 'test/corpus/generated/cfn-yaml/personalize-trust--conditions-stripped.yaml'), 'utf8').replace("      RoleName: 'personalize-access'\n", "      RoleName: 'a'\n      RoleName: 'b'\n"));
    writeFileSync(join(directory, 'broken.json'), '{"Statement": [}');
    const run = await runLintCommand(['.', '--format', 'sarif'], directory);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; descriptor: { id: string } }[] }[] }[] };
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((notification) => [notification.level, notification.descriptor.id])).toEqual([
      ['error', 'json-syntax-error'],
      ['note', 'yaml-duplicate-key'],
    ]);
  });
});
