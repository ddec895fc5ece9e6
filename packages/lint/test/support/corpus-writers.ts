/**
 * Writes a JSON policy in every syntax the linter reads: raw JSON, CloudFormation YAML and JSON, Terraform
 * `jsonencode`, `aws_iam_policy_document`, heredoc, and `.tf.json` (a JSON string and a policy-document data
 * source). HCL follows `terraform fmt` layout (checked by the corpus test when terraform is installed).
 */
import type { Attachment, Json, PolicyJson } from './corpus-cases.js';

/** The syntaxes of the corpus, with their file extensions. */
export const SYNTAXES = {
  json: '.json',
  'cfn-yaml': '.yaml',
  'cfn-json': '.json',
  'tf-jsonencode': '.tf',
  'tf-policy-document': '.tf',
  'tf-heredoc': '.tf',
  'tf-json-string': '.tf.json',
  'tf-json-policy-document': '.tf.json',
} as const;

/** A corpus syntax. */
export type CorpusSyntax = keyof typeof SYNTAXES;

/** Writes a policy attached as described, in a syntax. */
export function writePolicy(syntax: CorpusSyntax, policy: PolicyJson, attachment: Attachment, name: string): string {
  switch (syntax) {
    case 'json':
      return `${JSON.stringify(policy, null, 2)}\n`;
    case 'cfn-yaml':
      return cfnYaml(policy, attachment);
    case 'cfn-json':
      return `${JSON.stringify(cfnTemplate(policy, attachment), null, 2)}\n`;
    case 'tf-jsonencode':
      return tfResource(attachment, name, { [attachment.tfAttribute]: { raw: `jsonencode(${hclValue(policy, '  ')})` } });
    case 'tf-heredoc':
      return tfResource(attachment, name, { [attachment.tfAttribute]: { raw: `<<-EOF\n${indent(JSON.stringify(policy, null, 2), '    ')}\n  EOF` } });
    case 'tf-policy-document':
      return `${policyDocument(policy, name)}\n${tfResource(attachment, name, { [attachment.tfAttribute]: { raw: `data.aws_iam_policy_document.${label(name)}.json` } })}`;
    case 'tf-json-string':
      return `${JSON.stringify({ resource: { [attachment.tfType]: { [label(name)]: { ...attachment.tfOther, [attachment.tfAttribute]: JSON.stringify(policy) } } } }, null, 2)}\n`;
    case 'tf-json-policy-document':
      return `${JSON.stringify(
        {
          data: { aws_iam_policy_document: { [label(name)]: policyDocumentJson(policy) } },
          resource: { [attachment.tfType]: { [label(name)]: { ...attachment.tfOther, [attachment.tfAttribute]: `\${data.aws_iam_policy_document.${label(name)}.json}` } } },
        },
        null,
        2,
      )}\n`;
  }
}

/** A Terraform label from a file stem. */
export function label(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/** The logical id of the corpus resource. */
export const LOGICAL_ID = 'Subject';

function cfnTemplate(policy: PolicyJson, attachment: Attachment): Json {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { [LOGICAL_ID]: { Type: attachment.cfnType, Properties: { ...attachment.cfnOther, [attachment.cfnProperty]: policy } } },
  };
}

function cfnYaml(policy: PolicyJson, attachment: Attachment): string {
  return `${yaml(cfnTemplate(policy, attachment), '')}\n`;
}

/** Block-style YAML; every string is single-quoted, keys are plain when unambiguous. */
export function yaml(value: Json, pad: string): string {
  if (Array.isArray(value)) {
    return value.map((item) => (isObject(item) || Array.isArray(item) ? `${pad}-\n${yaml(item, `${pad}  `)}` : `${pad}- ${yamlScalar(item)}`)).join('\n');
  }
  if (isObject(value)) {
    return Object.entries(value)
      .map(([key, item]) => (isObject(item) || Array.isArray(item) ? `${pad}${yamlKey(key)}:\n${yaml(item, `${pad}  `)}` : `${pad}${yamlKey(key)}: ${yamlScalar(item)}`))
      .join('\n');
  }
  return `${pad}${yamlScalar(value)}`;
}

function yamlKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9:_-]*$/.test(key) ? key : `'${key.replace(/'/g, "''")}'`;
}

function yamlScalar(value: Json): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

/** An HCL expression for a JSON value, in `terraform fmt` layout at the given indentation. */
export function hclValue(value: Json, pad: string): string {
  if (Array.isArray(value)) {
    if (value.every((item) => !isObject(item) && !Array.isArray(item))) return `[${value.map((item) => hclValue(item, pad)).join(', ')}]`;
    return `[\n${value.map((item) => `${pad}  ${hclValue(item, `${pad}  `)},`).join('\n')}\n${pad}]`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => ({ key: hclKey(key), value: hclValue(item, `${pad}  `) }));
    return `{\n${alignedLines(entries, `${pad}  `).join('\n')}\n${pad}}`;
  }
  return JSON.stringify(value);
}

function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** `key = value` lines; consecutive single-line values have their `=` aligned, as terraform fmt does. */
function alignedLines(entries: readonly { key: string; value: string }[], pad: string): string[] {
  const lines: string[] = [];
  let group: { key: string; value: string }[] = [];
  const flush = (): void => {
    const width = Math.max(...group.map((entry) => entry.key.length));
    for (const entry of group) lines.push(`${pad}${entry.key.padEnd(width)} = ${entry.value}`);
    group = [];
  };
  for (const entry of entries) {
    if (entry.value.includes('\n') && !entry.value.startsWith('<<')) {
      if (group.length > 0) flush();
      lines.push(`${pad}${entry.key} = ${entry.value}`);
    } else {
      group.push(entry);
    }
  }
  if (group.length > 0) flush();
  return lines;
}

function tfResource(attachment: Attachment, name: string, policyAttribute: Record<string, { raw: string }>): string {
  const entries = [
    ...Object.entries(attachment.tfOther).map(([key, value]) => ({ key, value: JSON.stringify(value) })),
    ...Object.entries(policyAttribute).map(([key, value]) => ({ key, value: value.raw })),
  ];
  return `resource "${attachment.tfType}" "${label(name)}" {\n${alignedLines(entries, '  ').join('\n')}\n}\n`;
}

function policyDocument(policy: PolicyJson, name: string): string {
  const statements = policy.Statement.map((statement) => `  statement {\n${statementBody(statement, '    ')}\n  }`);
  return `data "aws_iam_policy_document" "${label(name)}" {\n  version = ${JSON.stringify(policy.Version)}\n\n${statements.join('\n\n')}\n}\n`;
}

function statementBody(statement: { [key: string]: Json }, pad: string): string {
  const attributes: { key: string; value: string }[] = [];
  if (statement.Sid !== undefined) attributes.push({ key: 'sid', value: JSON.stringify(statement.Sid) });
  attributes.push({ key: 'effect', value: JSON.stringify(statement.Effect) });
  attributes.push({ key: 'actions', value: hclValue(list(statement.Action), pad) });
  if (statement.Resource !== undefined) attributes.push({ key: 'resources', value: hclValue(list(statement.Resource), pad) });
  const blocks = [...principalBlocks(statement.Principal), ...conditionBlocks(statement.Condition)].map((block) => `${pad}${block.type} {\n${alignedLines(block.attributes, `${pad}  `).join('\n')}\n${pad}}`);
  return [alignedLines(attributes, pad).join('\n'), ...blocks].join('\n\n');
}

function principalBlocks(principal: Json | undefined): { type: string; attributes: { key: string; value: string }[] }[] {
  if (principal === undefined) return [];
  if (principal === '*') return [{ type: 'principals', attributes: [{ key: 'type', value: '"*"' }, { key: 'identifiers', value: '["*"]' }] }];
  return Object.entries(principal as Record<string, Json>).map(([type, identifiers]) => ({
    type: 'principals',
    attributes: [
      { key: 'type', value: JSON.stringify(type) },
      { key: 'identifiers', value: hclValue(list(identifiers), '') },
    ],
  }));
}

function conditionBlocks(condition: Json | undefined): { type: string; attributes: { key: string; value: string }[] }[] {
  if (condition === undefined) return [];
  return Object.entries(condition as Record<string, Record<string, Json>>).flatMap(([operator, keys]) =>
    Object.entries(keys).map(([key, values]) => ({
      type: 'condition',
      attributes: [
        { key: 'test', value: JSON.stringify(operator) },
        { key: 'variable', value: JSON.stringify(key) },
        { key: 'values', value: hclValue(list(values), '') },
      ],
    })),
  );
}

function policyDocumentJson(policy: PolicyJson): Json {
  return {
    version: policy.Version,
    statement: policy.Statement.map((statement) => ({
      ...(statement.Sid !== undefined ? { sid: statement.Sid } : {}),
      effect: statement.Effect!,
      actions: list(statement.Action),
      ...(statement.Resource !== undefined ? { resources: list(statement.Resource) } : {}),
      ...(statement.Principal !== undefined
        ? {
            principals:
              statement.Principal === '*'
                ? [{ type: '*', identifiers: ['*'] }]
                : Object.entries(statement.Principal as Record<string, Json>).map(([type, identifiers]) => ({ type, identifiers: list(identifiers) })),
          }
        : {}),
      ...(statement.Condition !== undefined
        ? {
            condition: Object.entries(statement.Condition as Record<string, Record<string, Json>>).flatMap(([operator, keys]) =>
              Object.entries(keys).map(([key, values]) => ({ test: operator, variable: key, values: list(values) })),
            ),
          }
        : {}),
    })),
  };
}

function list(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
