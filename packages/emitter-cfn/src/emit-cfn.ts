/** The CloudFormation emitter: one complete template per model, in YAML (short-form intrinsics) or JSON. */
import type { CommonEmitOptions, DeputyModel, Emitter, TemplateSet } from '@deputy/policy-model';
import { defaultTemplateDir, loadTemplateSet, renderTemplate } from '@deputy/policy-model';
import { renderJson } from './json/render-json.js';
import { capabilityComment, requiredCapabilities } from './template/capabilities.js';
import { packagedDescription } from './template/packaged-description.js';
import { planTemplate } from './template/template-plan.js';
import { renderYaml, yamlBody } from './yaml/render-yaml.js';

/** The template formats the emitter writes. */
export type CfnFormat = 'yaml' | 'json';

/** Options of {@link emitCfn}. */
export interface CfnEmitOptions extends CommonEmitOptions {
  /**
   * `yaml` (default): a `.yaml` template with short-form intrinsics (`!Ref`, `!Sub`, `!GetAtt`) and notices
   * as comments. `json`: a `.json` template with long-form intrinsics (`Ref`, `Fn::Sub`, `Fn::GetAtt`) and
   * notices in the template Metadata.
   */
  readonly format?: CfnFormat;
}

let defaultTemplates: TemplateSet | undefined;

/** The packaged `cfn` templates, read once. */
export function defaultCfnTemplates(): TemplateSet {
  defaultTemplates ??= loadTemplateSet('cfn', defaultTemplateDir(import.meta.url, 'cfn'));
  return defaultTemplates;
}

/**
 * Emits `<baseName>.yaml` (or `.json`): a whole CloudFormation template for the model's roles and resource
 * policies. The packaged layouts are written in code; the template set (and Handlebars) is used only for a user's own.
 */
export const emitCfn: Emitter<CfnEmitOptions> = (model: DeputyModel, options: CfnEmitOptions = {}) => {
  const format = options.format ?? 'yaml';
  const templates = options.templates === undefined || options.templates === defaultCfnTemplates() ? undefined : options.templates;
  const capabilities = requiredCapabilities(model);
  const descriptionContext = { source: model.source, capabilities: capabilities.join(' ') };
  const description =
    templates === undefined
      ? packagedDescription(descriptionContext.source, descriptionContext.capabilities)
      : renderTemplate(templates, 'description.hbs', descriptionContext).replace(/\n+$/, '');
  const contents =
    format === 'json'
      ? renderJson(planTemplate(model), model.source, description, templates)
      : renderYaml(planTemplate(model, yamlBody), model.source, description, templates, capabilityComment(capabilities));
  return [{ path: `${model.baseName}.${format}`, contents: contents.endsWith('\n') ? contents : `${contents}\n` }];
};
