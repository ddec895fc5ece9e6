/**
 * One nx project per deputy definitions folder. A folder is a definitions project when it holds a
 * `deputy.json` marker (an explicit opt-in: a folder of YAML files is not a deputy project by accident), whose
 * optional fields say where its output goes and how it is emitted. Each project gets four targets:
 *
 * - `emit`: `deputy emit . --out-dir <outDir>` from the folder. Never cached: nx would restore outputs from its
 *   cache without looking at the files on disk, so a hand edit that `deputy emit` refuses to overwrite would be
 *   silently replaced. Run uncached, `emit` keeps its own guarantees (manifest hashes, no hand edit lost) and
 *   is cheap; `nx affected -t emit` still runs only the projects whose definitions changed.
 * - `check`: `deputy check` with the same options. Never cached: it reads the output directory, which may have
 *   been edited since.
 * - `verify`: `deputy verify .`, a pure function of the definitions: cached on them.
 * - `lint`: `deputy lint <outDir>` over what `emit` wrote (after `emit`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The marker file's name. */
export const MARKER_FILE = 'deputy.json';

/** What a `deputy.json` marker may say; every field is optional. */
export interface DeputyProjectConfig {
  /** The nx project name; default `deputy-<folder path with - for />`. */
  readonly name?: string;
  /** Output directory, relative to the folder; default `generated`. May lie outside the folder (`../../generated/ml`). */
  readonly outDir?: string;
  /** Targets to emit: `json`, `hcl`, `cfn`, `tf-json`, a comma-separated list, or `all` (default). */
  readonly target?: string;
  /** `--set` values (`account=…`, `json:region=…`, `team=ml`), in order. */
  readonly set?: readonly string[];
  /** The environment (`--env`) to emit. */
  readonly env?: string;
  /**
   * An environment file (`--env-file`), relative to the folder: an `environments:` entry with per-target
   * sections. Passed as `--environment-file` (the same option), which Node.js 20 does not read itself.
   */
  readonly envFile?: string;
  /** nx tags for the project. */
  readonly tags?: readonly string[];
}

/** Options of the plugin in `nx.json` (`{ "plugin": "@deputy/nx-plugin", "options": { … } }`). */
export interface DeputyPluginOptions {
  /** How to run deputy; default `npx deputy`. This repository uses `node <root>/packages/cli/bin/deputy.js`. */
  readonly deputyCommand?: string;
  /** Tasks every deputy target depends on, e.g. `[{ "projects": ["cli"], "target": "build" }]` where deputy is built in the workspace. */
  readonly dependsOn?: readonly (string | { readonly projects?: readonly string[] | string; readonly target: string })[];
  /** Further inputs of every target, e.g. `{workspaceRoot}/templates/**\/*` when `--templates` is used. */
  readonly extraInputs?: readonly string[];
}

/** A target as nx reads it. */
export interface InferredTarget {
  readonly executor: string;
  readonly options: { readonly command: string; readonly cwd: string };
  readonly cache: boolean;
  readonly inputs: readonly (string | { readonly externalDependencies: readonly string[] })[];
  readonly outputs?: readonly string[];
  readonly dependsOn?: readonly unknown[];
  readonly metadata: { readonly description: string; readonly technologies: readonly string[] };
}

/** A project as nx reads it. */
export interface InferredProject {
  readonly name: string;
  readonly root: string;
  readonly projectType: 'application';
  readonly tags: readonly string[];
  readonly targets: Readonly<Record<'emit' | 'check' | 'verify' | 'lint', InferredTarget>>;
}

/** The project of one marker file (path relative to the workspace root, `/` separators). */
export function deputyProject(markerFile: string, workspaceRoot: string, options: DeputyPluginOptions = {}): InferredProject {
  const root = posix.dirname(markerFile.split('\\').join('/'));
  const config = readConfig(join(workspaceRoot, markerFile));
  const outDir = config.outDir ?? 'generated';
  const outPath = posix.normalize(posix.join(root, outDir.split('\\').join('/')));
  const outputs = root === '.' ? `{workspaceRoot}/${outPath}` : outPath.startsWith(`${root}/`) ? `{projectRoot}/${outPath.slice(root.length + 1)}` : `{workspaceRoot}/${outPath}`;
  const deputy = options.deputyCommand ?? 'npx deputy';
  const generateFlags = [
    `--out-dir ${quote(outDir)}`,
    `--target ${quote(config.target ?? 'all')}`,
    ...(config.set ?? []).map((value) => `--set ${quote(value)}`),
    ...(config.env !== undefined ? [`--env ${quote(config.env)}`] : []),
    ...(config.envFile !== undefined ? [`--environment-file ${quote(config.envFile)}`] : []),
  ].join(' ');
  const verifyFlags = [
    ...(config.set ?? []).filter((value) => !TARGET_SCOPED_SET.test(value)).map((value) => `--set ${quote(value)}`),
    ...(config.env !== undefined ? [`--env ${quote(config.env)}`] : []),
    ...(config.envFile !== undefined ? [`--environment-file ${quote(config.envFile)}`] : []),
  ];
  const envFilePath = config.envFile === undefined ? undefined : posix.normalize(posix.join(root, config.envFile.split('\\').join('/')));
  const envFileInput = envFilePath === undefined || envFilePath.startsWith(`${root}/`) || root === '.' ? [] : [`{workspaceRoot}/${envFilePath}`];
  const cli = dependsOnInstalledCli(workspaceRoot) ? [{ externalDependencies: ['@deputy/cli'] }] : [];
  const ownOutputs = outputs.startsWith('{projectRoot}/') ? [`!${outputs}/**/*`] : [];
  const definitions = [`{projectRoot}/**/*.yaml`, `{projectRoot}/**/*.yml`, `{projectRoot}/**/*.json`, ...ownOutputs, ...envFileInput, ...(options.extraInputs ?? []), ...cli];
  const dependsOn = options.dependsOn ?? [];
  const target = (command: string, description: string, cache: boolean, extra: Partial<InferredTarget> = {}): InferredTarget => ({
    executor: 'nx:run-commands',
    options: { command: `${deputy} ${command}`, cwd: '{projectRoot}' },
    cache,
    inputs: definitions,
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    metadata: { description, technologies: ['deputy'] },
    ...extra,
  });
  return {
    name: config.name ?? `deputy-${root === '.' ? 'root' : root.replace(/\//g, '-')}`,
    root,
    projectType: 'application',
    tags: ['deputy', ...(config.tags ?? [])],
    targets: {
      emit: target(`emit . ${generateFlags}`, `Emit the definitions into ${outDir} (uncached: emit itself refuses to overwrite hand edits)`, false, { outputs: [outputs] }),
      check: target(`check . ${generateFlags}`, `Check that ${outDir} is current (exit 1 listing stale, missing or edited files)`, false, { inputs: [...definitions, `${outputs}/**/*`] }),
      verify: target(['verify .', ...verifyFlags].join(' '), 'Prove the policies stop the confused deputy without denying the service', true),
      lint: target(`lint ${quote(outDir)}`, `Lint the generated ${outDir} for confused-deputy holes`, true, {
        inputs: [`${outputs}/**/*`, ...cli],
        dependsOn: [...dependsOn, 'emit'],
      }),
    },
  };
}

/**
 * True when the workspace installs `@deputy/cli` from the registry (its root package.json lists it), so its
 * version is an input of every target; in deputy's own repository the CLI is a workspace project instead.
 */
function dependsOnInstalledCli(workspaceRoot: string): boolean {
  const file = join(workspaceRoot, 'package.json');
  if (!existsSync(file)) return false;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: object; devDependencies?: object };
  return [manifest.dependencies, manifest.devDependencies].some((deps) => deps !== undefined && '@deputy/cli' in deps);
}

function readConfig(file: string): DeputyProjectConfig {
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message}); a deputy.json marker is {} or { "outDir": …, "target": …, "set": […], "env": …, "envFile": … }`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file}: a deputy.json marker is a JSON object`);
  const known = ['name', 'outDir', 'target', 'set', 'env', 'envFile', 'tags', '$schema'];
  const unknown = Object.keys(parsed).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`${file}: unknown field ${JSON.stringify(unknown[0])} (known fields: ${known.join(', ')})`);
  return parsed as DeputyProjectConfig;
}

/** `--set json:account=…`: for one emit target; `verify` has none and refuses it. */
const TARGET_SCOPED_SET = /^[a-z][a-z-]*:[A-Za-z_]\w*=/;

/** Quotes a shell word unless it is plain. */
function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
