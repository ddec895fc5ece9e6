/**
 * A shared output directory: definitions whose outputs are already there but that this run was not given
 * (another team's) are read again — not written — so that the shared Terraform declarations keep what their
 * files use and this run is checked against them.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { CrossDefinitionChecks, DeputyInputError, definitionClaims, loadDefinitionText, readSourceFile } from '@deputy/policy-model';
import { posix, type DefinitionInput } from './definition-inputs.js';
import { readManifest } from './generated-manifest.js';
import type { ModelRenderer } from './render-targets.js';
import type { TargetSetValues } from './shared-options.js';

/** What loading another definition needs of a group of targets. */
export interface ContextGroup {
  /** The group's `--set` values. */
  readonly set: TargetSetValues;
  /** Its renderer, which takes the other definitions' shared declarations. */
  readonly render: ModelRenderer;
}

/**
 * Definitions this run does not cover whose outputs are already in its target directories (the manifest
 * records each file's definition): another team's, in a shared output directory. They are read again, not
 * written, so that the directory's shared Terraform declarations keep their variables and so that this run is
 * checked against them (a role or Terraform address another team already declares).
 */
export function otherDefinitions(targetDirs: readonly string[], covers: (definition: string) => boolean, cwd: string): DefinitionInput[] {
  const found = new Map<string, DefinitionInput>();
  for (const targetDir of targetDirs) {
    for (const entry of Object.values(readManifest(targetDir).files)) {
      if (entry.source === undefined) continue;
      const absolute = resolve(targetDir, entry.source);
      if (found.has(absolute) || covers(absolute) || !existsSync(absolute)) continue;
      found.set(absolute, { file: relative(cwd, absolute), absolute, sourceLabel: posix(relative(dirname(absolute), absolute)) });
    }
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}

/**
 * Loads the other definitions of the output directory into each renderer's shared declarations and into the
 * cross-definition checks. One that does not load with this run's values (it needs its own --set or --env) is
 * left out, with a warning.
 */
export function loadContext(others: readonly DefinitionInput[], groups: readonly ContextGroup[], environment: string | undefined, crossChecks: CrossDefinitionChecks): string[] {
  const warnings: string[] = [];
  for (const input of others) {
    try {
      const text = readSourceFile(input.absolute, input.file);
      for (const [index, group] of groups.entries()) {
        const model = loadDefinitionText(text, input.file, { set: group.set.environment, source: input.sourceLabel, ...(environment !== undefined ? { environment } : {}), ...(group.set.file ? { environmentFile: group.set.file } : {}) });
        if (index === 0) crossChecks.add(input.file, input.absolute, definitionClaims(model), true);
        group.render.addContext(model);
      }
    } catch (error) {
      if (!(error instanceof DeputyInputError)) throw error;
      warnings.push(`warning: ${input.file}: its outputs share the output directory, but it does not load with this run's values (${error.problems[0]?.message ?? 'invalid'}); emit it together with this run so that shared declarations and cross-definition checks include it`);
    }
  }
  return warnings;
}

/** Each definition's Source label → the path the user knows it by, for labels that name one file only. */
export function userFileNames(inputs: readonly DefinitionInput[]): Map<string, string> {
  const names = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const input of inputs) {
    if (names.has(input.sourceLabel) && names.get(input.sourceLabel) !== input.file) ambiguous.add(input.sourceLabel);
    names.set(input.sourceLabel, input.file);
  }
  for (const label of ambiguous) names.delete(label);
  return names;
}

/** The shared files; problems (two definitions declaring one Terraform address) name the files as the user gave them. */
export function sharedFilesNaming(render: ModelRenderer, userFiles: ReadonlyMap<string, string>): ReturnType<ModelRenderer['sharedFiles']> {
  try {
    return render.sharedFiles();
  } catch (error) {
    if (!(error instanceof DeputyInputError)) throw error;
    const rename = (text: string) => text.replace(/(?<=^| )([^ ]+)(?= and |$)/g, (label: string) => userFiles.get(label) ?? label);
    throw new DeputyInputError(error.problems.map((problem) => ({ ...problem, message: rename(problem.message), ...(problem.file !== undefined ? { file: userFiles.get(problem.file) ?? problem.file } : {}) })));
  }
}

