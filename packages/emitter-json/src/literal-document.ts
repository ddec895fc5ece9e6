/** Raw JSON has no way to say "the current account": every reference must already be a literal. */
import {
  DeputyInputError,
  isInterpolation,
  mapPolicyStrings,
  somePolicyString,
  type DeputyModel,
  type EnvironmentField,
  type LiteralPolicyDocument,
  type PolicyDocument,
  type PolicyString,
} from '@deputy/policy-model';

/** The document with literal strings only, or the fields it still refers to; a document already literal is returned as it is. */
export function literalDocument(document: PolicyDocument): { document: LiteralPolicyDocument; unresolved: EnvironmentField[] } {
  if (!somePolicyString(document, isInterpolation)) return { document: document as LiteralPolicyDocument, unresolved: [] };
  const unresolved = new Set<EnvironmentField>();
  const literal = mapPolicyStrings<PolicyString, string>(document, (value) => {
    if (!isInterpolation(value)) return value;
    return value.parts
      .map((part) => {
        if (typeof part === 'string') return part;
        unresolved.add(part.field);
        return '';
      })
      .join('');
  });
  return { document: literal, unresolved: [...unresolved] };
}

/** Throws the user error for a model whose documents refer to fields without literal values. */
export function unresolvedFieldsError(model: DeputyModel, fields: readonly EnvironmentField[]): DeputyInputError {
  const flags = fields.map((field) => `--set ${field}=${field === 'account' ? '123456789012' : field === 'region' ? 'us-east-1' : 'aws'}`).join(' ');
  return new DeputyInputError([
    {
      code: 'json-needs-literals',
      message: `target json needs a literal ${fields.join(', ')}, but the definition uses ${fields.map((field) => describe(model, field)).join(', ')}`,
      hint: `raw JSON cannot refer to the deploying account or a parameter; give values with ${flags}`,
      file: model.source,
    },
  ]);
}

function describe(model: DeputyModel, field: EnvironmentField): string {
  const setting = model.environment[field];
  return setting.kind === 'parameter' ? `parameter ${setting.name}` : `${field}: ${setting.kind}`;
}
