/**
 * What the packaged `template.json.hbs` renders, written in code, so that the packaged layout needs neither
 * the template set nor the Handlebars runtime. A test checks it against the template for every fixture; a
 * user's own `template.json.hbs` always goes through Handlebars.
 */
import type { JsonLayoutContext } from './render-json.js';

/** The template text for the layout context, byte for byte what the packaged `template.json.hbs` gives. */
export function packagedJsonLayout(context: JsonLayoutContext): string {
  return [
    `{\n  "AWSTemplateFormatVersion": ${context.formatVersion},\n  "Description": ${context.description},\n`,
    context.metadata ? `  "Metadata": ${context.metadata},\n` : '',
    context.parameters ? `  "Parameters": ${context.parameters},\n` : '',
    context.outputs ? `  "Resources": ${context.resources},\n  "Outputs": ${context.outputs}\n` : `  "Resources": ${context.resources}\n`,
    '}\n',
  ].join('');
}
