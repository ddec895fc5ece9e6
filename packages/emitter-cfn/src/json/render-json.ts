/**
 * Prints a template plan as JSON through the `template.json.hbs` layout. JSON has no comments, so notices
 * go into the template's `Metadata` under `DeputyNotices`, keyed by logical ID: CloudFormation keeps
 * template Metadata with the stack without acting on it, and it can name Outputs, which have no Metadata.
 */
import type { TemplateSet } from '@deputy/policy-model';
import { renderTemplate } from '@deputy/policy-model';
import type { CfnMap } from '../template/cfn-value.js';
import { cfnList, cfnMap } from '../template/cfn-value.js';
import { FORMAT_VERSION } from '../template/format-version.js';
import type { TemplateEntry, TemplatePlan } from '../template/template-plan.js';
import { jsonString } from './json-string.js';
import { jsonText } from './json-writer.js';
import { packagedJsonLayout } from './packaged-json-layout.js';

/** Indentation of a section's value: sections are members of the top-level object. */
const SECTION_INDENT = 2;

/** The Metadata key under which notices are kept. */
export const NOTICES_METADATA_KEY = 'DeputyNotices';

/** What `template.json.hbs` receives: every value already serialised as JSON, or null when a section is empty. */
export interface JsonLayoutContext {
  /** The definition file, as given (unsafe in JSON: use the serialised fields). */
  readonly source: string;
  /** `"2010-09-09"`. */
  readonly formatVersion: string;
  /** The Description as a JSON string. */
  readonly description: string;
  /** The Metadata object, or null when there are no notices. */
  readonly metadata: string | null;
  /** The Parameters object, or null when there are none. */
  readonly parameters: string | null;
  /** The Resources object. */
  readonly resources: string;
  /** The Outputs object, or null when there are none. */
  readonly outputs: string | null;
}

/** The template as JSON text, through a user's `template.json.hbs`, or the packaged layout when `templates` is undefined. */
export function renderJson(plan: TemplatePlan, source: string, description: string, templates: TemplateSet | undefined): string {
  const noticed = [...plan.parameters, ...plan.resources, ...plan.outputs].filter((entry) => entry.notices.length > 0);
  const context: JsonLayoutContext = {
    source,
    formatVersion: jsonString(FORMAT_VERSION),
    description: jsonString(description),
    metadata: noticed.length === 0 ? null : jsonText(cfnMap([[NOTICES_METADATA_KEY, cfnMap(noticed.map((entry) => [entry.logicalId, cfnList(entry.notices)]))]]), SECTION_INDENT),
    parameters: sectionText(plan.parameters),
    resources: jsonText(section(plan.resources), SECTION_INDENT),
    outputs: sectionText(plan.outputs),
  };
  return templates === undefined ? packagedJsonLayout(context) : renderTemplate(templates, 'template.json.hbs', context);
}

function section(entries: readonly TemplateEntry[]): CfnMap {
  return cfnMap(entries.map((entry) => [entry.logicalId, entry.value]));
}

function sectionText(entries: readonly TemplateEntry[]): string | null {
  return entries.length === 0 ? null : jsonText(section(entries), SECTION_INDENT);
}
