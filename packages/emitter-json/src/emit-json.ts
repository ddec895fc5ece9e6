/**
 * The JSON target: each policy document of a model as its own file, exactly as the model holds it.
 *
 * Layout `directory` (the default, for definitions): `<base>/<role>.trust-policy.json`,
 * `<base>/<role>.<inline policy>.policy.json`, `<base>/<resource policy>.resource-policy.json`.
 * Layout `flat` (for `convert`): a model with one document becomes `<base>.json`.
 */
import {
  defaultTemplateDir,
  ENVIRONMENT_FIELDS,
  loadTemplateSet,
  renderTemplate,
  type CommonEmitOptions,
  type DeputyModel,
  type EmittedFile,
  type EnvironmentField,
  type PolicyDocument,
  type TemplateSet,
} from '@deputy/policy-model';
import { literalDocument, unresolvedFieldsError } from './literal-document.js';
import { serializePolicyJson } from './serialize-policy-json.js';

/** Options of the JSON emitter. */
export interface JsonEmitOptions extends CommonEmitOptions {
  /** `directory`: one folder per definition; `flat`: `<base>.json` when the model holds a single document. */
  readonly layout?: 'directory' | 'flat';
}

let defaultTemplates: TemplateSet | undefined;

/** The JSON target's packaged templates. */
export function defaultJsonTemplates(): TemplateSet {
  defaultTemplates ??= loadTemplateSet('json', defaultTemplateDir(import.meta.url, 'json'));
  return defaultTemplates;
}

/** Emits every policy document of the model as JSON. */
export function emitJson(model: DeputyModel, options: JsonEmitOptions = {}): EmittedFile[] {
  const templates = options.templates ?? defaultJsonTemplates();
  const documents = documentsOf(model);
  const unresolved = new Set<EnvironmentField>();
  const files = documents.map(({ path, document }) => {
    const literal = literalDocument(document);
    literal.unresolved.forEach((field) => unresolved.add(field));
    return { path, contents: renderTemplate(templates, 'policy.json.hbs', { document: serializePolicyJson(literal.document), source: model.source }) };
  });
  if (unresolved.size > 0) throw unresolvedFieldsError(model, ENVIRONMENT_FIELDS.filter((field) => unresolved.has(field)));
  if (options.layout === 'flat' && files.length === 1) return [{ path: `${model.baseName}.json`, contents: files[0]!.contents }];
  return files;
}

function documentsOf(model: DeputyModel): { path: string; document: PolicyDocument }[] {
  const base = model.baseName;
  return [
    ...model.roles.flatMap((role) => [
      { path: `${base}/${role.id}.trust-policy.json`, document: role.trustPolicy },
      ...role.inlinePolicies.map((policy) => ({ path: `${base}/${role.id}.${policy.id}.policy.json`, document: policy.document })),
    ]),
    ...model.resourcePolicies.map((policy) => ({ path: `${base}/${policy.id}.resource-policy.json`, document: policy.document })),
  ];
}
