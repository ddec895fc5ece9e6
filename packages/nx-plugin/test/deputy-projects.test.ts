/**
 * The nx plugin: createNodes called directly, then once through a real nx on a temporary workspace (offline):
 * `nx show projects`, `nx affected`, and an `emit` that does not restore a file over a hand edit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDeputyNodes, createNodesV2, deputyProject } from '../src/index.js';

const REPOSITORY = fileURLToPath(new URL('../../../', import.meta.url));
const PLUGIN = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const DEPUTY = join(REPOSITORY, 'packages/cli/bin/deputy.js');
const role = (name: string) => `version: 1\nroles:\n  - name: ${name}\n    trustedServices:\n      - service: personalize\n`;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deputy-nx-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('deputyProject', () => {
  it('infers emit, check, verify and lint with the marker’s options', () => {
    const dir = workspace({ 'teams/ml/deputy.json': JSON.stringify({ target: 'hcl,json', set: ['json:account=123456789012', "team=ml ops"], env: 'prod' }) });
    const project = deputyProject('teams/ml/deputy.json', dir, { deputyCommand: 'deputy' });
    expect(project.name).toBe('deputy-teams-ml');
    expect(project.root).toBe('teams/ml');
    expect(project.targets.emit.options).toEqual({ command: "deputy emit . --out-dir generated --target hcl,json --set json:account=123456789012 --set 'team=ml ops' --env prod", cwd: '{projectRoot}' });
    expect(project.targets.emit.outputs).toEqual(['{projectRoot}/generated']);
    expect(project.targets.emit.inputs).toEqual(['{projectRoot}/**/*.yaml', '{projectRoot}/**/*.yml', '{projectRoot}/**/*.json', '!{projectRoot}/generated/**/*']);
    expect([project.targets.emit.cache, project.targets.check.cache, project.targets.verify.cache, project.targets.lint.cache]).toEqual([false, false, true, true]);
    expect(project.targets.check.options.command).toBe("deputy check . --out-dir generated --target hcl,json --set json:account=123456789012 --set 'team=ml ops' --env prod");
    expect(project.targets.check.inputs).toContain('{projectRoot}/generated/**/*');
    expect(project.targets.verify.options.command).toBe("deputy verify . --set 'team=ml ops' --env prod");
    expect(project.targets.lint).toMatchObject({ options: { command: 'deputy lint generated' }, dependsOn: ['emit'], inputs: ['{projectRoot}/generated/**/*'] });
  });

  it('puts an output directory outside the folder under the workspace root, and names projects as told', () => {
    const dir = workspace({ 'teams/data/deputy.json': '{ "name": "data", "outDir": "../../generated/data", "tags": ["team:data"] }', 'package.json': '{ "devDependencies": { "@deputy/cli": "0.1.0" } }' });
    const project = deputyProject('teams/data/deputy.json', dir, { dependsOn: [{ projects: ['cli'], target: 'build' }] });
    expect(project.name).toBe('data');
    expect(project.tags).toEqual(['deputy', 'team:data']);
    expect(project.targets.emit.outputs).toEqual(['{workspaceRoot}/generated/data']);
    expect(project.targets.emit.options.command).toBe('npx deputy emit . --out-dir ../../generated/data --target all');
    expect(project.targets.emit.inputs).toEqual(['{projectRoot}/**/*.yaml', '{projectRoot}/**/*.yml', '{projectRoot}/**/*.json', { externalDependencies: ['@deputy/cli'] }]);
    expect(project.targets.emit.dependsOn).toEqual([{ projects: ['cli'], target: 'build' }]);
    expect(project.targets.lint.dependsOn).toEqual([{ projects: ['cli'], target: 'build' }, 'emit']);
  });

  it('passes an environment file to emit, check and verify, as an input when it lies outside the folder', () => {
    const dir = workspace({ 'teams/ml/deputy.json': JSON.stringify({ target: 'hcl', set: ['hcl:region=us-east-1', 'team=ml'], envFile: '../../envs/prod.yaml' }) });
    const project = deputyProject('teams/ml/deputy.json', dir, { deputyCommand: 'deputy' });
    expect(project.targets.emit.options.command).toBe('deputy emit . --out-dir generated --target hcl --set hcl:region=us-east-1 --set team=ml --environment-file ../../envs/prod.yaml');
    expect(project.targets.verify.options.command).toBe('deputy verify . --set team=ml --environment-file ../../envs/prod.yaml');
    expect(project.targets.emit.inputs).toContain('{workspaceRoot}/envs/prod.yaml');
    expect(project.targets.verify.inputs).toContain('{workspaceRoot}/envs/prod.yaml');
    const inside = workspace({ 'teams/ml/deputy.json': JSON.stringify({ envFile: 'prod.yaml' }) });
    expect(deputyProject('teams/ml/deputy.json', inside).targets.check.inputs).not.toContain('{workspaceRoot}/teams/ml/prod.yaml');
  });

  it('refuses a marker that is not a JSON object or has unknown fields', () => {
    const dir = workspace({ 'a/deputy.json': '{ "outdir": "x" }', 'b/deputy.json': '[1]', 'c/deputy.json': '' });
    expect(() => deputyProject('a/deputy.json', dir)).toThrow(/a\/deputy\.json: unknown field "outdir" \(known fields: name, outDir, target, set, env, envFile, tags, \$schema\)/);
    expect(() => deputyProject('b/deputy.json', dir)).toThrow(/a deputy\.json marker is a JSON object/);
    expect(deputyProject('c/deputy.json', dir).name).toBe('deputy-c');
  });
});

describe('createNodesV2', () => {
  it('matches every deputy.json and gives one project per folder, keyed by its root', async () => {
    const dir = workspace({ 'teams/ml/deputy.json': '{}', 'deputy.json': '{}' });
    expect(createNodesV2[0]).toBe('**/deputy.json');
    const results = await createDeputyNodes(['teams/ml/deputy.json', 'deputy.json'], undefined, { workspaceRoot: dir, nxJsonConfiguration: {} });
    expect(results.map(([file, result]) => [file, Object.keys(result.projects ?? {}), Object.values(result.projects ?? {})[0]?.name])).toEqual([
      ['teams/ml/deputy.json', ['teams/ml'], 'deputy-teams-ml'],
      ['deputy.json', ['.'], 'deputy-root'],
    ]);
  });
});

const canRun = existsSync(PLUGIN) && existsSync(join(REPOSITORY, 'packages/cli/dist/main.js')) && spawnSync('git', ['--version']).status === 0;

describe.runIf(canRun)('through nx (offline)', () => {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'false' };
  const nx = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(REPOSITORY, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd, env, encoding: 'utf8' });
  const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd, encoding: 'utf8' });

  it('shows a project per team, re-emits only the affected team, and never restores over a hand edit', () => {
    const dir = workspace({
      'package.json': '{ "name": "teams", "private": true }',
      'nx.json': JSON.stringify({ plugins: [{ plugin: PLUGIN, options: { deputyCommand: `node ${DEPUTY}` } }], neverConnectToCloud: true, useDaemonProcess: false }),
      'teams/ml/deputy.json': '{ "target": "hcl" }',
      'teams/ml/ml.yaml': role('ml-a'),
      'teams/data/deputy.json': '{ "name": "data", "outDir": "../../generated/data", "target": "hcl" }',
      'teams/data/data.yaml': role('data-a'),
      '.gitignore': 'node_modules\n.nx\n',
    });
    symlinkSync(join(REPOSITORY, 'node_modules'), join(dir, 'node_modules'));
    const shown = nx(dir, 'show', 'projects', '--json');
    expect(shown.status, shown.stderr).toBe(0);
    expect((JSON.parse(shown.stdout) as string[]).sort()).toEqual(['data', 'deputy-teams-ml']);

    const emitted = nx(dir, 'run-many', '-t', 'emit');
    expect(emitted.status, emitted.stdout + emitted.stderr).toBe(0);
    expect(readFileSync(join(dir, 'generated/data/hcl/data.tf'), 'utf8')).toContain('# Source: data.yaml');
    expect(nx(dir, 'run', 'deputy-teams-ml:check').status).toBe(0);

    const tf = join(dir, 'teams/ml/generated/hcl/ml.tf');
    const generated = readFileSync(tf, 'utf8');
    writeFileSync(tf, `${generated}# hand edit\n`);
    const again = nx(dir, 'run', 'deputy-teams-ml:emit');
    expect(again.status).not.toBe(0);
    expect(again.stdout + again.stderr).toContain('error: generated/hcl/ml.tf: was edited by hand since deputy generated it');
    expect(readFileSync(tf, 'utf8')).toBe(`${generated}# hand edit\n`);
    expect(nx(dir, 'run', 'deputy-teams-ml:check').status).not.toBe(0);
    writeFileSync(tf, generated);

    expect(git(dir, 'init', '-q', '.').status).toBe(0);
    git(dir, 'add', '-A');
    expect(git(dir, 'commit', '-qm', 'teams').status).toBe(0);
    writeFileSync(join(dir, 'teams/ml/ml.yaml'), role('ml-b'));
    git(dir, 'commit', '-qam', 'ml changes');
    const affected = nx(dir, 'show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD', '--json');
    expect(JSON.parse(affected.stdout)).toEqual(['deputy-teams-ml']);
    const reemitted = nx(dir, 'affected', '-t', 'emit', '--base=HEAD~1', '--head=HEAD');
    expect(reemitted.status, reemitted.stdout).toBe(0);
    expect(reemitted.stdout).toContain('deputy-teams-ml:emit');
    expect(reemitted.stdout).not.toContain('data:emit');
    expect(readFileSync(tf, 'utf8')).toContain('"ml-b"');
  });
});
