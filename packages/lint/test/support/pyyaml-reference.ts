/**
 * The reference for reading CloudFormation YAML: PyYAML's SafeLoader (what cfn-lint, and CloudFormation-side
 * Python tooling, read templates with) with the short-form intrinsic tags turned into `{ "Fn::X": … }` and
 * timestamps left as text, plus cfn-lint's own decoder for its verdict. One Python call per batch. Absent
 * Python/cfn-lint: a printed notice and a skip, or a failure when DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { LocatedValue } from '../../src/located/located-value.js';

/** What PyYAML and cfn-lint make of one file. */
export interface PyYamlReading {
  /** The value PyYAML reads (JSON-compatible; infinities as `{ $float }`); null when it fails. */
  readonly value: unknown;
  /** PyYAML's error, first line; null when it reads the file. */
  readonly error: string | null;
  /** cfn-lint's decoder matches (E0000 …); empty when cfn-lint accepts the file. */
  readonly cfnLint: readonly string[];
}

const SCRIPT = `
import json, sys, math, yaml
from cfnlint.decode import decode_str
class Loader(yaml.SafeLoader):
    pass
Loader.yaml_implicit_resolvers = {k: [(t, r) for (t, r) in v if t != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
def intrinsic(loader, suffix, node):
    name = suffix if suffix in ('Ref', 'Condition') else 'Fn::' + suffix
    if isinstance(node, yaml.ScalarNode): value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode): value = loader.construct_sequence(node, True)
    else: value = loader.construct_mapping(node, True)
    return {name: value}
Loader.add_multi_constructor('!', intrinsic)
def plain(value):
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)): return {'$float': repr(value)}
    if isinstance(value, dict): return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list): return [plain(v) for v in value]
    return value
out = {}
for path in sys.argv[1:]:
    text = open(path, encoding='utf-8').read()
    try:
        value = plain(yaml.load(text, Loader=Loader)); error = None
    except yaml.YAMLError as exc:
        value = None; error = str(exc).split('\\n')[0]
    _, matches = decode_str(text)
    out[path] = {'value': value, 'error': error, 'cfnLint': [str(m) for m in matches]}
json.dump(out, sys.stdout)
`;

/** A Python that imports PyYAML and cfn-lint; undefined (after a notice) when none does. */
export function referencePython(): string | undefined {
  const candidates = [process.env['DEPUTY_CFN_LINT_PYTHON'], shebangInterpreter(commandPath('pyenv', ['which', 'cfn-lint'])), shebangInterpreter(commandPath('sh', ['-c', 'command -v cfn-lint'])), 'python3'];
  for (const python of candidates) {
    if (python === undefined) continue;
    const probe = spawnSync(python, ['-c', 'import sys, yaml, cfnlint.decode; print(sys.executable)'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() !== '') return probe.stdout.trim();
  }
  if (process.env['DEPUTY_REQUIRE_EXTERNAL_VALIDATORS'] === '1') throw new Error('no Python with PyYAML and cfn-lint, but DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1 requires it');
  console.warn('notice: no Python with PyYAML and cfn-lint; skipping the comparison with CloudFormation\'s YAML reader');
  return undefined;
}

/** Reads every file with PyYAML and cfn-lint's decoder, in one call. */
export function readWithPyYaml(python: string, files: readonly string[]): Map<string, PyYamlReading> {
  const result = spawnSync(python, ['-c', SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`PyYAML reference failed (${result.status}): ${result.stderr}`);
  return new Map(Object.entries(JSON.parse(result.stdout) as Record<string, PyYamlReading>));
}

/** A located value as the plain data PyYAML yields (intrinsics as `{ name: argument }`, infinities as `{ $float }`). */
export function plainValue(value: LocatedValue): unknown {
  switch (value.kind) {
    case 'object':
      return Object.fromEntries(value.entries.map((entry) => [entry.key, plainValue(entry.value)]));
    case 'array':
      return value.items.map(plainValue);
    case 'intrinsic':
      return { [value.name]: plainValue(value.argument) };
    case 'text':
      return value.parts.map((part) => (typeof part === 'string' ? part : part.opaque)).join('');
    case 'number':
      return Number.isFinite(value.value) ? value.value : { $float: Number.isNaN(value.value) ? 'nan' : value.value > 0 ? 'inf' : '-inf' };
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    default:
      return { $opaque: value.raw };
  }
}

function commandPath(command: string, args: readonly string[]): string | undefined {
  const result = spawnSync(command, [...args], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function shebangInterpreter(script: string | undefined): string | undefined {
  if (script === undefined || script === '' || !existsSync(script)) return undefined;
  const first = readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  return /^#!\s*(\S*python\S*)/.exec(first)?.[1];
}
