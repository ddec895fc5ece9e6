/**
 * Compares what was recovered from a `.tf` file with the model it was emitted from, and lists every
 * difference with its path. The expectation is the model itself, with two adjustments only:
 * - references to `literal` environment fields are inlined (the emitter writes their text);
 * - text is expected in the form Terraform holds it (Unicode NFC, stream-safe; the `unicode-nfc` gap);
 * - a document written as an `aws_iam_policy_document` data source is expected in the form the data source
 *   gives it — the differences of form named in `POLICY_DOCUMENT_GAPS` that do not change meaning
 *   (statement list, set order and duplicates, one-element lists as strings, scalar condition values as
 *   strings, empty Sid / Id / Condition dropped). Anything that changes meaning still shows up as a difference.
 */
import {
  ENVIRONMENT_FIELDS,
  interpolate,
  listOf,
  referencedFields,
  statementsOf,
  type ConditionBlock,
  type ConditionValue,
  type DeputyModel,
  type Environment,
  type EnvironmentField,
  type OneOrMany,
  type PolicyDocument,
  type PolicyString,
  type Principal,
  type ResourcePolicyModel,
  type Statement,
  type Tag,
} from '@deputy/policy-model';
import { variableName } from '@deputy/terraform-plan';
import { applyTimeText, compareBytes } from './policy-document-simulator.js';
import { inTerraformForm, terraformTextForms, textsIn } from './terraform-text.js';
import type { RecoveredDocument, RecoveredResourcePolicy, RecoveredTerraform } from './terraform-recovery.js';

/** Every difference between the recovered file and the model, as `path: expected … got …`; empty when they agree. */
export async function differencesFromModel(recovered: RecoveredTerraform, model: DeputyModel): Promise<string[]> {
  const forms = await terraformTextForms(textsIn(model));
  const inline = (value: PolicyString): PolicyString => inlineLiterals(value, model.environment);
  const found: string[] = [];
  const compare = (path: string, expected: unknown, actual: unknown): void => compareValues(found, path, inTerraformForm(expected, forms), actual);
  const compareDocument = (path: string, document: PolicyDocument, got: RecoveredDocument): void => {
    const inlined = inTerraformForm(mapDocumentStrings(document, inline), forms);
    compareValues(found, path, got.form === 'jsonencode' ? inlined : dataSourceForm(inlined), got.document);
  };
  compare('roles.length', model.roles.length, recovered.roles.length);
  model.roles.forEach((role, index) => {
    const got = recovered.roles[index];
    const path = `roles[${index}]`;
    if (!got) return;
    compare(`${path}.name`, role.name, got.name);
    compare(`${path}.description`, role.description, got.description);
    compare(`${path}.path`, role.path, got.path);
    compare(`${path}.maxSessionDuration`, role.maxSessionDuration, got.maxSessionDuration);
    compare(`${path}.permissionsBoundary`, role.permissionsBoundary && inline(role.permissionsBoundary), got.permissionsBoundary);
    compareDocument(`${path}.trustPolicy`, role.trustPolicy, got.trustPolicy);
    compare(`${path}.inlinePolicies.length`, role.inlinePolicies.length, got.inlinePolicies.length);
    role.inlinePolicies.forEach((policy, policyIndex) => {
      const gotPolicy = got.inlinePolicies[policyIndex];
      if (!gotPolicy) return;
      compare(`${path}.inlinePolicies[${policyIndex}].name`, policy.name, gotPolicy.name);
      compareDocument(`${path}.inlinePolicies[${policyIndex}].document`, policy.document, gotPolicy.policy);
    });
    compare(`${path}.managedPolicyArns`, role.managedPolicyArns.map(inline), got.managedPolicyArns);
    compare(`${path}.tags`, sortTags(inTerraformForm(role.tags, forms)), sortTags(got.tags));
  });
  const policies = [...recovered.resourcePolicies];
  model.resourcePolicies.forEach((policy, index) =>
    compareResourcePolicy(found, `resourcePolicies[${index}]`, policy, policies, model.environment, compare, compareDocument),
  );
  compare('resourcePolicies (left over)', [], policies.map((policy) => `${policy.resourceType}.${policy.label}`));
  const fields = printedFields(model);
  const expectedVariables = ENVIRONMENT_FIELDS.flatMap((field) => {
    const value = model.environment[field];
    return value.kind === 'parameter' && fields.has(field)
      ? [{ name: variableName(value.name), field, type: '${string}', description: value.description }]
      : [];
  });
  compare('variables', expectedVariables, recovered.variables);
  const dataSources = { account: 'aws_caller_identity.current', region: 'aws_region.current', partition: 'aws_partition.current' };
  const expectedData = ENVIRONMENT_FIELDS.filter((field) => model.environment[field].kind === 'current' && fields.has(field)).map(
    (field) => dataSources[field],
  );
  compare('dataSources', expectedData, recovered.dataSources);
  return found;
}

function sortTags(tags: readonly Tag[]): Tag[] {
  return [...tags].sort((left, right) => compareBytes(left.key, right.key));
}

function compareResourcePolicy(
  found: string[],
  path: string,
  policy: ResourcePolicyModel,
  remaining: RecoveredResourcePolicy[],
  environment: Environment,
  compare: (path: string, expected: unknown, actual: unknown) => void,
  compareDocument: (path: string, document: PolicyDocument, got: RecoveredDocument) => void,
): void {
  const inline = (value: PolicyString): PolicyString => inlineLiterals(value, environment);
  const attachment = policy.attachment;
  if (attachment.type === 'lambda-permission') {
    statementsOf(policy.document).forEach((statement, index) => {
      const got = remaining.shift();
      if (got?.resourceType !== 'aws_lambda_permission') return void found.push(`${path}.Statement[${index}]: expected an aws_lambda_permission`);
      compare(`${path}.functionName`, inline(attachment.functionName), got.functionName);
      compare(`${path}.Statement[${index}]`, mapStatementStrings(expectedLambdaStatement(statement), inline), got.statement);
    });
    return;
  }
  const got = remaining.shift();
  const expectedType = {
    's3-bucket': 'aws_s3_bucket_policy',
    'sns-topic': 'aws_sns_topic_policy',
    'sqs-queue': 'aws_sqs_queue_policy',
    document: 'output',
  }[attachment.type];
  if (got?.resourceType !== expectedType) return void found.push(`${path}: expected ${expectedType}, got ${got?.resourceType}`);
  if (got.resourceType !== 'output' && got.resourceType !== 'aws_lambda_permission') {
    const target = attachment.type === 's3-bucket' ? attachment.bucket : attachment.type === 'sns-topic' ? attachment.topicArn : attachment.type === 'sqs-queue' ? attachment.queueUrl : '';
    compare(`${path}.target`, inline(target), got.target);
  }
  if (got.resourceType !== 'aws_lambda_permission') compareDocument(`${path}.document`, policy.document, got.policy);
}

/** The statement AWS holds after AddPermission, from a normalised lambda-permission statement. */
function expectedLambdaStatement(statement: Statement): Statement {
  const [principalType, identifiers] = Object.entries(statement.Principal as object)[0] as [string, OneOrMany<PolicyString>];
  const conditionValue = (key: string): PolicyString | undefined => {
    for (const keys of Object.values(statement.Condition ?? {})) {
      for (const [name, values] of Object.entries(keys)) {
        if (name.toLowerCase() === key) return listOf(values)[0] as PolicyString;
      }
    }
    return undefined;
  };
  const sourceArn = conditionValue('aws:sourcearn');
  const sourceAccount = conditionValue('aws:sourceaccount');
  const condition = {
    ...(sourceArn !== undefined ? { ArnLike: { 'aws:SourceArn': sourceArn } } : {}),
    ...(sourceAccount !== undefined ? { StringEquals: { 'aws:SourceAccount': sourceAccount } } : {}),
  };
  return {
    ...(statement.Sid ? { Sid: statement.Sid } : {}),
    Effect: 'Allow',
    Principal: { [principalType]: listOf(identifiers)[0] as PolicyString },
    Action: listOf(statement.Action)[0] as PolicyString,
    ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
  };
}

/** A document in the form the policy document data source gives it, for the differences that keep its meaning. */
export function dataSourceForm(document: PolicyDocument): PolicyDocument {
  return {
    ...(document.Version !== undefined ? { Version: document.Version } : {}),
    ...(document.Id ? { Id: document.Id } : {}),
    Statement: statementsOf(document).map((statement) => {
      const result: { -readonly [key in keyof Statement]: Statement[key] } = { Effect: statement.Effect };
      if (statement.Sid) result.Sid = statement.Sid;
      for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
        const value = statement[key];
        if (value !== undefined) result[key] = setForm(value);
      }
      for (const key of ['Principal', 'NotPrincipal'] as const) {
        const value = statement[key];
        if (value !== undefined) result[key] = principalForm(value);
      }
      if (statement.Condition && Object.keys(statement.Condition).length > 0) result.Condition = conditionForm(statement.Condition);
      return result;
    }),
  };
}

function setForm(value: OneOrMany<PolicyString>): OneOrMany<PolicyString> {
  const list = listOf(value);
  if (list.length === 0) return [];
  const unique = new Map(list.map((item) => [applyTimeText(item), item]));
  const sorted = [...unique.entries()].sort(([left], [right]) => compareBytes(right, left)).map(([, item]) => item);
  return sorted.length === 1 ? (sorted[0] as PolicyString) : sorted;
}

function principalForm(principal: Principal): Principal {
  if (principal === '*') return '*';
  return Object.fromEntries(Object.entries(principal).map(([type, identifiers]) => [type, setForm(identifiers as OneOrMany<PolicyString>)]));
}

function conditionForm(condition: ConditionBlock): ConditionBlock {
  return Object.fromEntries(
    Object.entries(condition).map(([operator, keys]) => [
      operator,
      Object.fromEntries(
        Object.entries(keys).map(([key, values]) => {
          const list = (Array.isArray(values) ? values : [values]).map((value: ConditionValue) =>
            typeof value === 'boolean' || typeof value === 'number' ? String(value) : value,
          );
          return [key, list.length === 1 ? (list[0] as PolicyString) : list];
        }),
      ),
    ]),
  );
}

/** Replaces references to literal environment fields with their text. */
export function inlineLiterals(value: PolicyString, environment: Environment): PolicyString {
  if (typeof value === 'string') return value;
  return interpolate(
    value.parts.map((part) => {
      if (typeof part === 'string') return part;
      const field = environment[part.field];
      return field.kind === 'literal' ? field.value : part;
    }),
  );
}

/** A document with every policy string mapped. */
export function mapDocumentStrings(document: PolicyDocument, map: (value: PolicyString) => PolicyString): PolicyDocument {
  const statements = document.Statement;
  return {
    ...document,
    Statement: Array.isArray(statements)
      ? (statements as readonly Statement[]).map((statement) => mapStatementStrings(statement, map))
      : mapStatementStrings(statements as Statement, map),
  };
}

function mapStatementStrings(statement: Statement, map: (value: PolicyString) => PolicyString): Statement {
  const mapMany = (value: OneOrMany<PolicyString>): OneOrMany<PolicyString> => (Array.isArray(value) ? value.map(map) : map(value as PolicyString));
  const mapPrincipal = (principal: Principal): Principal =>
    principal === '*' ? '*' : Object.fromEntries(Object.entries(principal).map(([type, ids]) => [type, mapMany(ids as OneOrMany<PolicyString>)]));
  const mapValue = (value: ConditionValue): ConditionValue => (typeof value === 'boolean' || typeof value === 'number' ? value : map(value));
  const result: { -readonly [key in keyof Statement]: Statement[key] } = { ...statement };
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    const value = statement[key];
    if (value !== undefined) result[key] = mapMany(value);
  }
  if (statement.Principal !== undefined) result.Principal = mapPrincipal(statement.Principal);
  if (statement.NotPrincipal !== undefined) result.NotPrincipal = mapPrincipal(statement.NotPrincipal);
  if (statement.Condition !== undefined) {
    result.Condition = Object.fromEntries(
      Object.entries(statement.Condition).map(([operator, keys]) => [
        operator,
        Object.fromEntries(
          Object.entries(keys).map(([key, values]) => [key, Array.isArray(values) ? values.map(mapValue) : mapValue(values as ConditionValue)]),
        ),
      ]),
    );
  }
  return result;
}

/** The environment fields the emitted file prints (a lambda statement's Resource is not printed). */
export function printedFields(model: DeputyModel): Set<EnvironmentField> {
  const fields = new Set<EnvironmentField>();
  const note = (value: PolicyString): PolicyString => {
    for (const field of referencedFields(value)) fields.add(field);
    return value;
  };
  for (const role of model.roles) {
    if (role.permissionsBoundary !== undefined) note(role.permissionsBoundary);
    mapDocumentStrings(role.trustPolicy, note);
    for (const policy of role.inlinePolicies) mapDocumentStrings(policy.document, note);
    role.managedPolicyArns.forEach(note);
  }
  for (const policy of model.resourcePolicies) {
    const attachment = policy.attachment;
    if (attachment.type === 'lambda-permission') {
      note(attachment.functionName);
      for (const statement of statementsOf(policy.document)) mapStatementStrings(expectedLambdaStatement(statement), note);
      continue;
    }
    if (attachment.type === 's3-bucket') note(attachment.bucket);
    if (attachment.type === 'sns-topic') note(attachment.topicArn);
    if (attachment.type === 'sqs-queue') note(attachment.queueUrl);
    mapDocumentStrings(policy.document, note);
  }
  return fields;
}

function compareValues(found: string[], path: string, expected: unknown, actual: unknown): void {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      found.push(`${path}: expected ${expected.length} items ${brief(expected)}, got ${actual.length} ${brief(actual)}`);
      return;
    }
    expected.forEach((item, index) => compareValues(found, `${path}[${index}]`, item, actual[index]));
    return;
  }
  if (isRecord(expected) && isRecord(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) compareValues(found, `${path}.${key}`, expected[key], actual[key]);
    return;
  }
  if (!Object.is(expected, actual)) found.push(`${path}: expected ${brief(expected)}, got ${brief(actual)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function brief(value: unknown): string {
  const json = JSON.stringify(value) ?? 'undefined';
  return json.length > 200 ? `${json.slice(0, 200)}…` : json;
}
