/** How a model's parameters are named in Terraform, for decoding `var.<name>` back to environment fields. */
import { ENVIRONMENT_FIELDS, type DeputyModel, type EnvironmentField } from '@deputy/policy-model';
import { variableName } from '@deputy/terraform-plan';

/** Each variable name the model's parameters become, mapped to its environment field (the first field wins, as in the emitters). */
export function variableFields(model: DeputyModel): Map<string, EnvironmentField> {
  const fields = new Map<string, EnvironmentField>();
  for (const field of ENVIRONMENT_FIELDS) {
    const value = model.environment[field];
    if (value.kind === 'parameter' && !fields.has(variableName(value.name))) fields.set(variableName(value.name), field);
  }
  return fields;
}

/**
 * True when some string of the value holds a lone UTF-16 surrogate, which no UTF-8 file can carry (the
 * model arbitrary can produce one by cutting a tag or description in the middle of a surrogate pair).
 */
export function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasLoneSurrogate);
  return false;
}
