/**
 * cfn-lint and the YAML 1.1 reader it is built on (PyYAML, through `cfnlint.decode`), run once per batch of
 * templates. Tests use them when present and skip with a notice when absent, unless
 * `DEPUTY_REQUIRE_EXTERNAL_VALIDATORS=1`, which turns absence into a failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** True when CI demands the external validators. */
export function validatorsRequired(): boolean {
  return process.env.DEPUTY_REQUIRE_EXTERNAL_VALIDATORS === '1';
}

/** One cfn-lint finding. */
export interface CfnLintMatch {
  /** The rule, e.g. `E3031`. */
  readonly rule: string;
  /** The template file. */
  readonly file: string;
  /** The message. */
  readonly message: string;
}

/** True when `cfn-lint` runs. */
export function cfnLintAvailable(): boolean {
  return spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Lints every template in one call and returns every error and warning. */
export function runCfnLint(files: readonly string[]): CfnLintMatch[] {
  const result = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0 && result.stdout.trim() === '') throw new Error(`cfn-lint failed (${result.status}): ${result.stderr}`);
  const matches = JSON.parse(result.stdout || '[]') as { Rule: { Id: string }; Filename: string; Message: string }[];
  return matches.map((match) => ({ rule: match.Rule.Id, file: match.Filename, message: match.Message }));
}

const DECODE_SCRIPT = `
import datetime, json, sys
from cfnlint.decode import decode_str
def tagged(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return {"$python": type(value).__name__, "value": value.isoformat()}
    raise TypeError(repr(value))
out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        template, matches = decode_str(handle.read())
    out[path] = {"template": template, "errors": [str(match) for match in matches]}
json.dump(out, sys.stdout, default=tagged)
`;

/** A Python interpreter that can import cfnlint, or undefined. */
export function pythonWithCfnLint(): string | undefined {
  const candidates = [process.env.DEPUTY_CFN_LINT_PYTHON, shebangInterpreter(which('cfn-lint')), shebangInterpreter(pyenvWhich('cfn-lint')), 'python3'];
  for (const python of candidates) {
    if (python === undefined) continue;
    for (let attempt = 0; attempt < 3; attempt++) {
      const probe = spawnSync(python, ['-c', 'import sys, cfnlint.decode; print(sys.executable)'], { encoding: 'utf8' });
      if (probe.status === 0 && probe.stdout.trim() !== '') return probe.stdout.trim();
      if (probe.status === 1) break;
    }
  }
  return undefined;
}

/** What PyYAML (cfn-lint's reader, YAML 1.1) makes of each template, in one call. Dates come back tagged. */
export function decodeWithPyYaml(python: string, files: readonly string[]): Map<string, { template: unknown; errors: string[] }> {
  const result = spawnSync(python, ['-c', DECODE_SCRIPT, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`cfnlint.decode failed (${result.status}): ${result.stderr}`);
  return new Map(Object.entries(JSON.parse(result.stdout) as Record<string, { template: unknown; errors: string[] }>));
}

function which(command: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The real script behind a pyenv shim (a shim's own shebang is bash, and `python3` may resolve elsewhere under npm). */
function pyenvWhich(command: string): string | undefined {
  const result = spawnSync('pyenv', ['which', command], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function shebangInterpreter(script: string | undefined): string | undefined {
  if (script === undefined || !existsSync(script)) return undefined;
  const first = readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\s*(\S*python\S*)/.exec(first);
  return match?.[1];
}
