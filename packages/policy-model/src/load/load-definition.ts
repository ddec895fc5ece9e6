/**
 * Loads a definition file (YAML or JSON) into a model, or throws {@link DeputyInputError} with every
 * problem found, each at `file:line:column` with a path and a hint.
 */
import { basename, extname } from 'node:path';
import type { Definition } from '../definition/definition.js';
import { validateDefinitionSchema } from '../definition/validate-definition-schema.js';
import type { DeputyModel } from '../model/model.js';
import type { EnvironmentField } from '../model/value.js';
import { normalizeDefinition } from '../normalize/normalize-definition.js';
import { DeputyInputError } from '../problems.js';
import { locateProblems } from './locate-problems.js';
import { readSourceFile } from './read-source-file.js';
import { parseSourceText } from './source-document.js';

/** Options for loading a definition. */
export interface LoadDefinitionOptions {
  /** Literal values for fields the definition leaves `current` or makes parameters (`--set account=…`); literals written in the definition win. */
  readonly set?: Partial<Record<EnvironmentField, string>>;
}

/** Reads, checks and normalises a definition file. */
export function loadDefinitionFile(file: string, options: LoadDefinitionOptions = {}): DeputyModel {
  return loadDefinitionText(readSourceFile(file), file, options);
}

/** Checks and normalises definition text; `file` names it in messages and headers. */
export function loadDefinitionText(text: string, file: string, options: LoadDefinitionOptions = {}): DeputyModel {
  const source = parseSourceText(text, file);
  const schemaProblems = validateDefinitionSchema(source.value);
  if (schemaProblems.length > 0) throw new DeputyInputError(locateProblems(source, schemaProblems));
  const result = normalizeDefinition(source.value as Definition, {
    source: file,
    baseName: baseNameOf(file),
    ...(options.set ? { set: options.set } : {}),
  });
  if (!result.model) throw new DeputyInputError(locateProblems(source, result.problems));
  return result.model;
}

/** The file name without directory and extension (`examples/personalize.yaml` → `personalize`). */
export function baseNameOf(file: string): string {
  return basename(file, extname(file));
}
