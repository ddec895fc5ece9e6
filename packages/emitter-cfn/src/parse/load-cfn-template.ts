/** Reads a CloudFormation template (YAML with short-form tags, or JSON) into plain data with long-form intrinsics. */
import { load } from 'js-yaml';
import { CFN_YAML_SCHEMA } from './cfn-yaml-schema.js';

/** Template formats. */
export type CfnTemplateFormat = 'yaml' | 'json';

/** Parses template text; YAML short forms come back as their JSON long forms. Throws on malformed input. */
export function loadCfnTemplate(text: string, format: CfnTemplateFormat): unknown {
  return format === 'json' ? JSON.parse(text) : load(text, { schema: CFN_YAML_SCHEMA });
}

/** The format a template file name implies (`.json` → json, anything else → yaml). */
export function templateFormatOf(path: string): CfnTemplateFormat {
  return path.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}
