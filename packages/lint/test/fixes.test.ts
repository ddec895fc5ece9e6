/**
 * Every suggested fix is real code in its file's syntax: parsed back with a real parser (JSON.parse, the
 * yaml package with CloudFormation tags, hcl2json), put into the weakened policy, and linted again — the
 * corrected policy must be clean.
 */
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseYaml, type ScalarTag } from 'yaml';
import { describe, expect, test } from 'vitest';
import { lintText, type Finding } from '../src/index.js';
import { BASE_CASES, type Json, type PolicyJson } from './support/corpus-cases.js';
import { corpusFiles, type CorpusFile } from './support/corpus-files.js';

const CFN_TAGS: ScalarTag[] = ['Ref', 'Sub', 'GetAtt'].map((name) => ({
  tag: `!${name}`,
  resolve: (value: string) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }),
}));

type Corrected = { Condition?: Json; Service?: Json; attributes?: Record<string, Json> };

describe('fixes parse in their syntax and clean the policy', () => {
  const weakened = corpusFiles().filter((file) => file.expected.length > 0);
  for (const file of weakened) {
    test(file.path, async () => {
      const kind = file.path.endsWith('.tf') ? 'terraform' : file.path.endsWith('.tf.json') ? 'tf-json' : file.path.endsWith('.yaml') ? 'yaml' : 'json';
      const [finding] = (await lintText(file.contents, file.path, kind)).findings;
      expect(finding?.fix?.text, 'the fix has text').toBeDefined();
      const corrected = await parseFix(file, finding!);
      const relinted = file.policy ? await lintCorrectedPolicy(file, file.policy, corrected) : await lintCorrectedPermission(file, corrected);
      expect(relinted.map((remaining) => `${remaining.ruleId} ${remaining.message}`), finding!.fix!.text).toEqual([]);
    });
  }
});

/** Parses the fix text with the real parser of the file's syntax into plain data. */
async function parseFix(file: CorpusFile, finding: Finding): Promise<Corrected> {
  const text = finding.fix!.text!;
  const syntax = file.path.split('/')[0]!;
  if (syntax === 'lambda-permission') return { attributes: await permissionAttributes(file.path, text) };
  if (syntax === 'json' || syntax === 'cfn-json' || syntax === 'tf-heredoc' || syntax === 'tf-json-string') return JSON.parse(`{${text}}`) as Corrected;
  if (syntax === 'cfn-yaml') return parseYaml(text, { customTags: CFN_TAGS }) as Corrected;
  if (syntax === 'tf-jsonencode') {
    const parsed = (await parseHcl('fix.tf', `locals {\n${text}\n}\n`)) as { locals: Record<string, Json>[] };
    return parsed.locals[0] as Corrected;
  }
  if (syntax === 'tf-policy-document') {
    const parsed = (await parseHcl('fix.tf', `data "aws_iam_policy_document" "fix" {\n  statement {\n${text}\n  }\n}\n`)) as { data: { aws_iam_policy_document: { fix: { statement: Record<string, Json>[] }[] } } };
    const statement = parsed.data.aws_iam_policy_document.fix[0]!.statement[0]!;
    return fromPolicyDocument(statement);
  }
  if (syntax === 'tf-json-policy-document') return fromPolicyDocument(JSON.parse(`{${text}}`) as Record<string, Json>);
  throw new Error(`no parser for ${syntax}`);
}

function fromPolicyDocument(statement: Record<string, Json>): Corrected {
  if (statement.identifiers !== undefined) return { Service: statement.identifiers };
  const condition: Record<string, Record<string, Json>> = {};
  for (const block of statement.condition as { test: string; variable: string; values: Json }[]) {
    condition[block.test] = { ...(condition[block.test] ?? {}), [block.variable]: block.values };
  }
  return { Condition: condition };
}

/** Puts the corrected part into the policy and lints it: as a CloudFormation template when it uses intrinsics, else as a Terraform JSON string (whose `${…}` are references). */
async function lintCorrectedPolicy(file: CorpusFile, policy: PolicyJson, corrected: Corrected): Promise<readonly Finding[]> {
  const copy = JSON.parse(JSON.stringify(policy)) as PolicyJson;
  const statement = copy.Statement[0]!;
  if (corrected.Condition !== undefined) statement.Condition = corrected.Condition;
  if (corrected.Service !== undefined) statement.Principal = { Service: corrected.Service };
  const text = JSON.stringify(copy);
  if (text.includes('"Ref"') || text.includes('"Fn::Sub"')) {
    const attachment = BASE_CASES.find((base) => file.path.split('/')[1]!.startsWith(base.name))!.attachment;
    const template = { AWSTemplateFormatVersion: '2010-09-09', Resources: { Subject: { Type: attachment.cfnType, Properties: { ...attachment.cfnOther, [attachment.cfnProperty]: copy } } } };
    return (await lintText(JSON.stringify(template, null, 2), 'corrected.json', 'json')).findings;
  }
  const configuration = { resource: { aws_iam_role: { corrected: { assume_role_policy: text } } } };
  return (await lintText(JSON.stringify(configuration, null, 2), 'corrected.tf.json', 'tf-json')).findings;
}

async function lintCorrectedPermission(file: CorpusFile, corrected: Corrected): Promise<readonly Finding[]> {
  const original = await permissionAttributes(file.path, file.contents, true);
  const merged = { ...original, ...corrected.attributes };
  const configuration = { resource: { aws_lambda_permission: { corrected: merged } } };
  return (await lintText(JSON.stringify(configuration, null, 2), 'corrected.tf.json', 'tf-json')).findings;
}

/** The attributes of a Lambda permission (or of its fix), with CloudFormation names mapped to Terraform's and intrinsics to `${…}`. */
async function permissionAttributes(path: string, text: string, whole = false): Promise<Record<string, Json>> {
  const names: Record<string, string> = { SourceAccount: 'source_account', SourceArn: 'source_arn', Principal: 'principal', Action: 'action', FunctionName: 'function_name' };
  const terraformValue = (value: Json): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? `\${${JSON.stringify(value)}}` : value);
  if (path.endsWith('.tf')) {
    const parsed = (await parseHcl('p.tf', whole ? text : `resource "aws_lambda_permission" "fix" {\n${text}\n}\n`)) as { resource: { aws_lambda_permission: Record<string, Record<string, Json>[]> } };
    return Object.values(parsed.resource.aws_lambda_permission)[0]![0]!;
  }
  if (path.endsWith('.tf.json')) {
    if (whole) return Object.values((JSON.parse(text) as { resource: { aws_lambda_permission: Record<string, Record<string, Json>> } }).resource.aws_lambda_permission)[0]!;
    return JSON.parse(`{${text}}`) as Record<string, Json>;
  }
  const data = (path.endsWith('.yaml') ? parseYaml(text, { customTags: CFN_TAGS }) : JSON.parse(whole ? text : `{${text}}`)) as Record<string, Json>;
  const properties = whole ? ((data as { Resources: { Subject: { Properties: Record<string, Json> } } }).Resources.Subject.Properties) : data;
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [names[key] ?? key, terraformValue(value)]));
}
