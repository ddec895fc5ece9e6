/**
 * `{{account}}`, `{{region}}` and `{{partition}}` in definition strings, and `{account}`, `{region}`,
 * `{partition}` in catalog patterns, become references; references to fields with a literal value become
 * that text, so the model only ever refers to `current` or parameter fields.
 */
import type { Environment, EnvironmentField, PolicyString, Reference } from '../model/value.js';
import { ENVIRONMENT_FIELDS, interpolate, reference } from '../model/value.js';

const DEFINITION_PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
const CATALOG_PLACEHOLDER = /\{(account|region|partition)\}/g;

/** Placeholder names in a definition string that deputy does not know. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(DEFINITION_PLACEHOLDER)]
    .map((match) => match[1]!)
    .filter((name) => !(ENVIRONMENT_FIELDS as readonly string[]).includes(name));
}

/** Turns a definition string with `{{field}}` placeholders into a policy string. */
export function fromDefinitionText(text: string, environment: Environment): PolicyString {
  return substitute(text, DEFINITION_PLACEHOLDER, environment);
}

/** Turns a catalog pattern with `{field}` placeholders into a policy string. */
export function fromCatalogPattern(pattern: string, environment: Environment): PolicyString {
  return substitute(pattern, CATALOG_PLACEHOLDER, environment);
}

/** A reference to a field, or its literal text when the definition fixes it. */
export function environmentPart(field: EnvironmentField, environment: Environment): string | Reference {
  const setting = environment[field];
  return setting.kind === 'literal' ? setting.value : reference(field);
}

function substitute(text: string, pattern: RegExp, environment: Environment): PolicyString {
  const parts: (string | Reference)[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const field = match[1] as EnvironmentField;
    if (!(ENVIRONMENT_FIELDS as readonly string[]).includes(field)) continue;
    parts.push(text.slice(last, match.index), environmentPart(field, environment));
    last = match.index! + match[0].length;
  }
  parts.push(text.slice(last));
  return interpolate(parts);
}
