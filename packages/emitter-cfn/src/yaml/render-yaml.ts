/** Prints a template plan as YAML through the `template.yaml.hbs` layout (or its packaged form in code); notices become comments. */
import type { TemplateSet } from '@deputy/policy-model';
import { renderTemplate } from '@deputy/policy-model';
import type { CfnMap } from '../template/cfn-value.js';
import type { TemplateEntry, TemplatePlan } from '../template/template-plan.js';
import { PLACEHOLDER_NOTICES } from '../template/template-plan.js';
import { FORMAT_VERSION } from '../template/format-version.js';
import { commentLines, commentText, yamlString } from './yaml-scalar.js';
import { packagedYamlLayout } from './packaged-yaml-layout.js';
import { yamlMappingText } from './yaml-writer.js';

/** Indentation of an entry's body under its logical ID (the ID itself is indented by two). */
const BODY_INDENT = 4;
/** The format version as a YAML scalar, quoted once. */
const FORMAT_VERSION_TEXT = yamlString(FORMAT_VERSION);
/** The placeholder's notice as comment lines, made once: every template without resources of its own holds it. */
const PLACEHOLDER_COMMENTS = noticeComments(PLACEHOLDER_NOTICES);

/** What `template.yaml.hbs` receives: every value already serialised. */
export interface YamlLayoutContext {
  /** The definition file, as given (unsafe in YAML: use the serialised fields). */
  readonly source: string;
  /** The source file as comment text. */
  readonly sourceComment: string;
  /** Comment text naming the capabilities a deployment must acknowledge (`CAPABILITY_NAMED_IAM`); empty when none. */
  readonly capabilityComment: string;
  /** `'2010-09-09'`, quoted. */
  readonly formatVersion: string;
  /** The Description as a YAML scalar. */
  readonly description: string;
  /** Parameters entries. */
  readonly parameters: readonly YamlEntryContext[];
  /** Resources entries. */
  readonly resources: readonly YamlEntryContext[];
  /** Outputs entries. */
  readonly outputs: readonly YamlEntryContext[];
}

/** One entry of a section, serialised. */
export interface YamlEntryContext {
  /** The logical ID as a YAML key. */
  readonly key: string;
  /** Comment lines, each starting with `#`, printed before the entry at the entry's indentation. */
  readonly comments: readonly string[];
  /** The entry's mapping, indented by four spaces, without a final newline. */
  readonly body: string;
}

/** An entry's value as the body the layout prints under its logical ID: its mapping indented by four spaces. */
export function yamlBody(value: CfnMap): string {
  return yamlMappingText(value, BODY_INDENT);
}

/**
 * The template as YAML text, through a user's `template.yaml.hbs`, or the packaged layout when `templates` is
 * undefined. The plan holds each entry's body ({@link yamlBody}), printed as the entry was planned.
 */
export function renderYaml(plan: TemplatePlan<string>, source: string, description: string, templates: TemplateSet | undefined, capabilities = ''): string {
  const context: YamlLayoutContext = {
    source,
    sourceComment: commentText(source),
    capabilityComment: commentText(capabilities),
    formatVersion: FORMAT_VERSION_TEXT,
    description: yamlString(description),
    parameters: plan.parameters.map(entryContext),
    resources: plan.resources.map(entryContext),
    outputs: plan.outputs.map(entryContext),
  };
  return templates === undefined ? packagedYamlLayout(context) : renderTemplate(templates, 'template.yaml.hbs', context);
}

function entryContext(entry: TemplateEntry<string>): YamlEntryContext {
  return {
    key: yamlString(entry.logicalId),
    comments: entryComments(entry.notices),
    body: entry.value,
  };
}

function entryComments(notices: readonly string[]): readonly string[] {
  if (notices.length === 0) return [];
  return notices === PLACEHOLDER_NOTICES ? PLACEHOLDER_COMMENTS : noticeComments(notices);
}

/** Notices as comment lines, each starting with `#`. */
function noticeComments(notices: readonly string[]): string[] {
  return notices.flatMap((notice) => commentLines(notice)).map((line) => (line === '' ? '#' : `# ${line}`));
}
