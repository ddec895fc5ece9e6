/**
 * CloudFormation YAML is read to the values CloudFormation's reader (PyYAML, YAML 1.1) reads: every fixture in
 * fixtures/yaml-as-cloudformation (one construct each, shaped like public templates) is compared with PyYAML,
 * and cfn-lint's decoder must accept it (except the duplicate-key fixture, which cfn-lint reports and deputy
 * reads with a notice). A property compares generated templates the same way.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DeputyInputError } from '@deputy/policy-model';
import { describe, expect, it } from 'vitest';
import { parseCfnYaml } from '../src/sources/cfn-yaml.js';
import { relaxIndentation } from '../src/sources/yaml/relaxed-indent.js';
import { resolvePlainScalar } from '../src/sources/yaml/pyyaml-scalars.js';
import { plainValue, readWithPyYaml, referencePython } from './support/pyyaml-reference.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/yaml-as-cloudformation/', import.meta.url));
const fixtureNames = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml')).sort();
const python = referencePython();

function readOurs(text: string, file = 'template.yaml'): unknown {
  const read = parseCfnYaml(text, file);
  return read.root === undefined ? null : plainValue(read.root);
}

describe.skipIf(python === undefined)('YAML read as PyYAML reads it', () => {
  const references = python === undefined ? new Map() : readWithPyYaml(python, fixtureNames.map((name) => join(FIXTURES, name)));

  it.each(fixtureNames)('%s', (name) => {
    const reference = references.get(join(FIXTURES, name))!;
    expect(reference.error).toBeNull();
    if (name.startsWith('duplicate-keys')) expect(reference.cfnLint.join('\n')).toContain('Duplicate found');
    else expect(reference.cfnLint).toEqual([]);
    expect(readOurs(readFileSync(join(FIXTURES, name), 'utf8'))).toEqual(reference.value);
  });

  it('reads generated templates with under-indented continuations and YAML 1.1 scalars to the same values (property)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'deputy-yaml-property-'));
    const templates = fc.sample(templateArbitrary, { numRuns: 150, seed: 1402 });
    const files = templates.map((text, index) => {
      const path = join(directory, `t${index}.yaml`);
      writeFileSync(path, text);
      return path;
    });
    const readings = readWithPyYaml(python!, files);
    let compared = 0;
    files.forEach((path, index) => {
      const reading = readings.get(path)!;
      if (reading.error !== null) return;
      compared++;
      expect({ template: templates[index], value: readOurs(templates[index]!) }).toEqual({ template: templates[index], value: reading.value });
    });
    expect(compared).toBeGreaterThan(140);
  });
});

const SCALARS = ['yes', 'No', 'on', 'OFF', 'y', 'true', '012345678901', '012345670123', '123456789012', '0x1F', '1_000', '1e3', '1.0e+3', '1:20', '08', '~', 'null', '2012-10-17', '-.5', '.inf', 'arn:aws:s3:::b/*', "it's", 'a # not a comment', 'sts:AssumeRole', '${AWS::AccountId}'];
const scalarArbitrary = fc.tuple(fc.constantFrom(...SCALARS), fc.constantFrom('plain', 'single', 'double')).map(([text, style]) => {
  if (style === 'single' || text.startsWith('${') || text.includes('#') || text.includes("'")) return `'${text.replace(/'/g, "''")}'`;
  if (style === 'double') return JSON.stringify(text);
  return text;
});
const continuationArbitrary = fc.array(scalarArbitrary, { minLength: 1, maxLength: 4 }).chain((items) =>
  fc.tuple(fc.constant(items), fc.constantFrom('flow-sequence', 'flow-mapping', 'quoted-sub', 'block'), fc.integer({ min: 0, max: 8 })),
);
const templateArbitrary = fc.array(continuationArbitrary, { minLength: 1, maxLength: 5 }).map((values) => {
  const lines = ['Resources:', '  Thing:', '    Type: AWS::SNS::Topic', '    Properties:'];
  values.forEach(([items, shape, indent], index) => {
    const pad = ' '.repeat(indent);
    if (shape === 'flow-sequence') lines.push(`      Key${index}: [`, ...items.map((item, position) => `${pad}${item}${position < items.length - 1 ? ',' : ''}`), `${' '.repeat(Math.min(indent, 6))}]`);
    if (shape === 'flow-mapping') lines.push(`      Key${index}: {`, ...items.map((item, position) => `${pad}"k${position}": ${item}${position < items.length - 1 ? ',' : ''}`), '      }');
    if (shape === 'quoted-sub') lines.push(`      Key${index}: !Sub '{`, ...items.map((item) => `${pad}"v": "${item.replace(/'/g, "''").replace(/"/g, '')}",`), `${' '.repeat(Math.min(indent, 6))}}'`);
    if (shape === 'block') lines.push(`      Key${index}:`, ...items.map((item) => `        - ${item}`));
  });
  return `${lines.join('\n')}\n`;
});

describe('lenient indentation', () => {
  it('leaves text the yaml package reads untouched', () => {
    expect(relaxIndentation('a:\n  b: [1,\n    2]\n')).toBeUndefined();
  });

  it('maps columns on re-indented lines back to the file (an intrinsic is placed at its argument)', () => {
    const text = "A:\n  B: [\n  !Ref X,\n  'c'\n  ]\n";
    const root = parseCfnYaml(text, 'f.yaml').root!;
    expect(root.kind).toBe('object');
    const b = root.kind === 'object' ? root.entries[0]!.value : undefined;
    const items = b?.kind === 'object' ? b.entries[0]!.value : undefined;
    expect(items?.kind === 'array' ? items.items.map((item) => item.at) : []).toEqual([
      { line: 3, column: 8 },
      { line: 4, column: 3 },
    ]);
  });

  it('leaves block scalars alone', () => {
    expect(relaxIndentation("A: |\n  {\n  'x\nB: '\n  y'\n")).toBeUndefined();
  });
});

describe('what CloudFormation rejects stays unreadable, without library hints', () => {
  it('reports a scalar followed by text', () => {
    const error = (() => {
      try {
        parseCfnYaml("Description: 'RDS events' (uksb-1tthgi812)\nResources: {}\n", 'bad.yaml');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DeputyInputError);
    const problem = (error as DeputyInputError).problems[0]!;
    expect(problem.location).toMatchObject({ file: 'bad.yaml', line: 1 });
    expect(problem.message).not.toMatch(/please use|parseAllDocuments/i);
  });

  it('recognises a multi-document stream as not a template', () => {
    expect(parseCfnYaml('apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\n', 'k8s.yaml')).toMatchObject({ multiDocument: true, root: undefined });
  });

  it('reads a duplicate key with the last value and a notice', () => {
    const read = parseCfnYaml('A: 1\nB: 2\nA: 3\n', 'dup.yaml');
    expect(plainValue(read.root!)).toEqual({ B: 2, A: 3 });
    expect(read.notices).toEqual([expect.objectContaining({ code: 'yaml-duplicate-key', file: 'dup.yaml', at: { line: 3, column: 1 } })]);
  });
});

describe('PyYAML scalar resolution', () => {
  it.each([
    ['012345678901', { kind: 'text', value: '012345678901' }],
    ['012345670123', { kind: 'number', value: 0o12345670123 }],
    ['yes', { kind: 'boolean', value: true }],
    ['Off', { kind: 'boolean', value: false }],
    ['1:20', { kind: 'number', value: 80 }],
    ['1e3', { kind: 'text', value: '1e3' }],
    ['2012-10-17', { kind: 'text', value: '2012-10-17' }],
    ['~', { kind: 'null' }],
    ['-0x1F', { kind: 'number', value: -31 }],
  ] as const)('%s', (text, expected) => {
    expect(resolvePlainScalar(text)).toEqual(expected);
  });
});
