/**
 * Recognises YAML and JSON files that are not infrastructure code, so that a directory walk skips them
 * without noise: Kubernetes manifests and Helm templates, OpenAPI definitions, CI configurations (GitHub,
 * GitLab, CodeBuild buildspecs), Compose files and JSON-with-comments editor configs. SAM and Serverless
 * Framework files are infrastructure and are read; so is an OpenAPI file carrying an API Gateway resource
 * policy (`x-amazon-apigateway-policy`). A file named on the command line is always read.
 */
import type { FileKind } from './discover-files.js';

const CLOUDFORMATION = /^(?:AWSTemplateFormatVersion|Resources|Transform)\s*:|["']?Type["']?\s*:\s*["']?AWS::/m;

/** The reason given for a file that does not parse and holds template placeholders. */
export const TEMPLATE_REASON = 'template with {{ }} placeholders (Helm, Jinja, Go templates)';

/**
 * True when text that failed to parse holds template syntax (`{{ … }}` other than CloudFormation's
 * `{{resolve:…}}`, or `{% … %}`): the file is a template for another tool, not a broken template for AWS.
 * Placeholders inside quoted strings parse, so such files (deputy's own definitions) are read as usual.
 */
export function hasTemplateSyntax(text: string): boolean {
  return /\{\{-?\s*(?!resolve:)[-.$\w(]|\{%/.test(text);
}

/** Why a walked file is not infrastructure code, or undefined when it may be (checked before parsing). */
export function notInfrastructureReason(display: string, text: string, kind: FileKind): string | undefined {
  const name = display.slice(display.lastIndexOf('/') + 1).toLowerCase();
  if (kind === 'json') {
    if (/^(?:tsconfig.*|jsconfig|package(?:-lock)?|composer|\.eslintrc|cdk|cdk\.context)\.json$/.test(name) || /(?:^|\/)\.(?:vscode|devcontainer|idea)\//.test(display)) return 'tool configuration (JSON)';
    return undefined;
  }
  if (kind !== 'yaml') return undefined;
  if (/(?:^|\/)\.github\/workflows\//.test(display) || /^\.gitlab-ci(?:\..+)?\.ya?ml$/.test(name) || /^(?:buildspec|appspec|azure-pipelines|\.travis|bitbucket-pipelines|cloudbuild|\.pre-commit-config|mkdocs|codecov|\.?dependabot)[\w.-]*\.ya?ml$/.test(name)) return 'CI or tool configuration';
  if (/^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/.test(name)) return 'Compose file';
  if (/^chart\.ya?ml$/.test(name) || (/(?:^|\/)templates\/[^/]*\.(?:ya?ml|tpl)$/.test(display) && /\{\{-?\s*(?!resolve:)[-.$\w(]/.test(text))) return 'Helm chart';
  if (CLOUDFORMATION.test(text)) return undefined;
  if (/^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text)) return 'Kubernetes manifest';
  if (/^(?:openapi|swagger)\s*:/m.test(text) && !text.includes('x-amazon-apigateway-policy')) return 'OpenAPI definition';
  if (/^on\s*:/m.test(text) && /^jobs\s*:/m.test(text)) return 'GitHub Actions workflow';
  if (/^services\s*:/m.test(text) && /^\s+image\s*:/m.test(text) && !/^provider\s*:/m.test(text)) return 'Compose file';
  return undefined;
}
