/**
 * Recovers roles, resource policies and environment declarations from an emitted `.tf` file, using hcl2json
 * for all parsing. Policy documents come back in the form Terraform would send to AWS: `jsonencode` values
 * as encoded, `aws_iam_policy_document` data sources as the provider builds them (see
 * `policy-document-simulator.ts`). Reuse it for any round trip through the HCL target (e.g. the CLI's).
 */
import type { EnvironmentField, PolicyDocument, PolicyString, Statement, Tag } from '@deputy/policy-model';
import { PARAMETER_VALIDATION } from '@deputy/terraform-plan';
import {
  at,
  blockOrder,
  bodies,
  isObject,
  onlyBody,
  optionalStringAt,
  parseHcl,
  stringAt,
  type HclJsonObject,
  type HclJsonValue,
} from './hcl-json.js';
import { decodeJsonencodeDocument, isJsonencode } from './jsonencode-decoding.js';
import { simulatePolicyDocument } from './policy-document-simulator.js';
import { decodeLiteral, decodeTemplate, traversalDecoder, type TraversalDecoder } from './template-decoding.js';

/** A policy document read back, with the form it was written in. */
export interface RecoveredDocument {
  /** `jsonencode` or `policy-document` (an `aws_iam_policy_document` data source). */
  readonly form: 'jsonencode' | 'policy-document';
  /** The policy Terraform would send. */
  readonly document: PolicyDocument;
}

/** A role read back from `aws_iam_role` and its policy resources. */
export interface RecoveredRole {
  /** The resource label. */
  readonly label: string;
  /** `name`. */
  readonly name: string;
  /** `description`. */
  readonly description?: string;
  /** `path`. */
  readonly path?: string;
  /** `max_session_duration`. */
  readonly maxSessionDuration?: number;
  /** `permissions_boundary`. */
  readonly permissionsBoundary?: PolicyString;
  /** `assume_role_policy`. */
  readonly trustPolicy: RecoveredDocument;
  /** `aws_iam_role_policy` resources of the role, in file order. */
  readonly inlinePolicies: readonly { readonly label: string; readonly name: string; readonly policy: RecoveredDocument }[];
  /** `aws_iam_role_policy_attachment` ARNs of the role, in file order. */
  readonly managedPolicyArns: readonly PolicyString[];
  /** `tags`, sorted by key (hcl2json sorts object keys). */
  readonly tags: readonly Tag[];
}

/** A resource policy read back. */
export type RecoveredResourcePolicy =
  | {
      /** `aws_s3_bucket_policy`, `aws_sns_topic_policy` or `aws_sqs_queue_policy`. */
      readonly resourceType: 'aws_s3_bucket_policy' | 'aws_sns_topic_policy' | 'aws_sqs_queue_policy';
      /** The resource label. */
      readonly label: string;
      /** `bucket`, `arn` or `queue_url`. */
      readonly target: PolicyString;
      /** `policy`. */
      readonly policy: RecoveredDocument;
    }
  | {
      readonly resourceType: 'aws_lambda_permission';
      /** The resource label. */
      readonly label: string;
      /** `function_name`. */
      readonly functionName: PolicyString;
      /** The statement AWS builds from the permission (without Resource, which AWS sets to the function ARN). */
      readonly statement: Statement;
    }
  | {
      readonly resourceType: 'output';
      /** The output name. */
      readonly label: string;
      /** The document the output's value holds. */
      readonly policy: RecoveredDocument;
    };

/** A `variable` block read back. */
export interface RecoveredVariable {
  /** The variable name. */
  readonly name: string;
  /** The field its validation pattern belongs to. */
  readonly field: EnvironmentField;
  /** `type`, as hcl2json renders it (`${string}`). */
  readonly type: string;
  /** `description`. */
  readonly description: string;
}

/** Everything recovered from one file. */
export interface RecoveredTerraform {
  /** Roles in file order. */
  readonly roles: readonly RecoveredRole[];
  /** Resource policies (and document outputs) in file order. */
  readonly resourcePolicies: readonly RecoveredResourcePolicy[];
  /** Variables in file order. */
  readonly variables: readonly RecoveredVariable[];
  /** Data sources other than policy documents, as `type.label`, in file order. */
  readonly dataSources: readonly string[];
}

const POLICY_RESOURCE_TARGETS = {
  aws_s3_bucket_policy: 'bucket',
  aws_sns_topic_policy: 'arn',
  aws_sqs_queue_policy: 'queue_url',
} as const;

/** The value of a role's ARN or name output (`${aws_iam_role.<label>.arn}`): not a policy document. */
const ROLE_ATTRIBUTE_OUTPUT = /^\$\{aws_iam_role\.[a-z0-9_]+\.(arn|name)\}$/;

/** Parses an emitted file and recovers its roles, resource policies and environment declarations. */
export async function recoverTerraform(contents: string): Promise<RecoveredTerraform> {
  const parsed = await parseHcl(contents);
  const order = blockOrder(contents).map((address) => address.split('.'));
  const variables = order.filter(([kind]) => kind === 'variable').map(([, name]) => recoverVariable(parsed, name as string));
  const decodeTraversal = traversalDecoder(new Map(variables.map((variable) => [variable.name, variable.field])));
  const reader = new DocumentReader(parsed, decodeTraversal);
  const roles: RecoveredRole[] = [];
  const resourcePolicies: RecoveredResourcePolicy[] = [];
  for (const [kind, type, label] of order) {
    if (kind === 'resource' && type === 'aws_iam_role') roles.push(await recoverRole(parsed, label as string, order, reader));
    else if (kind === 'resource' && type !== undefined && type in POLICY_RESOURCE_TARGETS) {
      const resourceType = type as keyof typeof POLICY_RESOURCE_TARGETS;
      const body = onlyBody(at(parsed, 'resource', resourceType, label as string), type);
      resourcePolicies.push({
        resourceType,
        label: label as string,
        target: decodeTemplate(stringAt(body, POLICY_RESOURCE_TARGETS[resourceType]), decodeTraversal),
        policy: await reader.read(body['policy']),
      });
    } else if (kind === 'resource' && type === 'aws_lambda_permission') {
      const body = onlyBody(at(parsed, 'resource', type, label as string), type);
      resourcePolicies.push(recoverLambdaPermission(body, label as string, decodeTraversal));
    } else if (kind === 'output') {
      const body = onlyBody(at(parsed, 'output', type as string), 'output');
      if (typeof body['value'] === 'string' && ROLE_ATTRIBUTE_OUTPUT.test(body['value'])) continue;
      resourcePolicies.push({ resourceType: 'output', label: type as string, policy: await reader.read(body['value']) });
    }
  }
  const dataSources = order
    .filter(([kind, type]) => kind === 'data' && type !== 'aws_iam_policy_document')
    .map(([, type, label]) => `${type}.${label}`);
  return { roles, resourcePolicies, variables, dataSources };
}

/** Resolves a `policy`-like attribute value to the document Terraform would send. */
class DocumentReader {
  private readonly locals: HclJsonObject;

  constructor(
    private readonly parsed: HclJsonObject,
    private readonly decodeTraversal: TraversalDecoder,
  ) {
    this.locals = Object.assign({}, ...bodies(parsed['locals'])) as HclJsonObject;
  }

  decodeString(rendered: string): PolicyString {
    return decodeTemplate(rendered, this.decodeTraversal);
  }

  async read(value: HclJsonValue | undefined): Promise<RecoveredDocument> {
    if (isJsonencode(value)) return { form: 'jsonencode', document: await decodeJsonencodeDocument(value, this.decodeTraversal) };
    const dataSource = typeof value === 'string' ? /^\$\{data\.aws_iam_policy_document\.([\w-]+)\.json\}$/.exec(value) : null;
    if (dataSource) {
      const body = onlyBody(at(this.parsed, 'data', 'aws_iam_policy_document', dataSource[1] as string), 'aws_iam_policy_document');
      return { form: 'policy-document', document: simulatePolicyDocument(body, this.decodeTraversal) };
    }
    const local = typeof value === 'string' ? /^\$\{local\.([\w-]+)\}$/.exec(value) : null;
    if (local) return this.read(this.locals[local[1] as string]);
    throw new Error(`not a policy document value: ${JSON.stringify(value)?.slice(0, 120)}`);
  }
}

async function recoverRole(parsed: HclJsonObject, label: string, order: readonly string[][], reader: DocumentReader): Promise<RecoveredRole> {
  const body = onlyBody(at(parsed, 'resource', 'aws_iam_role', label), 'aws_iam_role');
  const decodeText = (name: string): string | undefined => {
    const value = optionalStringAt(body, name);
    return value === undefined ? undefined : decodeLiteral(value);
  };
  const inlinePolicies = [];
  const managedPolicyArns: PolicyString[] = [];
  for (const [kind, type, childLabel] of order) {
    if (kind !== 'resource') continue;
    if (type === 'aws_iam_role_policy') {
      const child = onlyBody(at(parsed, 'resource', type, childLabel as string), type);
      if (child['role'] !== `\${aws_iam_role.${label}.id}`) continue;
      inlinePolicies.push({ label: childLabel as string, name: decodeLiteral(stringAt(child, 'name')), policy: await reader.read(child['policy']) });
    }
    if (type === 'aws_iam_role_policy_attachment') {
      const child = onlyBody(at(parsed, 'resource', type, childLabel as string), type);
      if (child['role'] !== `\${aws_iam_role.${label}.name}`) continue;
      managedPolicyArns.push(reader.decodeString(stringAt(child, 'policy_arn')));
    }
  }
  const tags = isObject(body['tags']) ? body['tags'] : {};
  const maxSessionDuration = body['max_session_duration'];
  const permissionsBoundary = optionalStringAt(body, 'permissions_boundary');
  const description = decodeText('description');
  const path = decodeText('path');
  return {
    label,
    name: decodeLiteral(stringAt(body, 'name')),
    ...(description !== undefined ? { description } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(typeof maxSessionDuration === 'number' ? { maxSessionDuration } : {}),
    ...(permissionsBoundary !== undefined ? { permissionsBoundary: reader.decodeString(permissionsBoundary) } : {}),
    trustPolicy: await reader.read(body['assume_role_policy']),
    inlinePolicies,
    managedPolicyArns,
    tags: Object.entries(tags).map(([key, value]) => ({ key: decodeLiteral(key), value: decodeLiteral(String(value)) })),
  };
}

function recoverLambdaPermission(body: HclJsonObject, label: string, decodeTraversal: TraversalDecoder): RecoveredResourcePolicy {
  const decode = (name: string): PolicyString | undefined => {
    const value = optionalStringAt(body, name);
    return value === undefined ? undefined : decodeTemplate(value, decodeTraversal);
  };
  const principal = decode('principal') as PolicyString;
  const principalType = isAccountPrincipal(principal) ? 'AWS' : 'Service';
  const sourceArn = decode('source_arn');
  const sourceAccount = decode('source_account');
  const statementId = optionalStringAt(body, 'statement_id');
  const condition = {
    ...(sourceArn !== undefined ? { ArnLike: { 'aws:SourceArn': sourceArn } } : {}),
    ...(sourceAccount !== undefined ? { StringEquals: { 'aws:SourceAccount': sourceAccount } } : {}),
  };
  return {
    resourceType: 'aws_lambda_permission',
    label,
    functionName: decode('function_name') as PolicyString,
    statement: {
      ...(statementId !== undefined ? { Sid: decodeLiteral(statementId) } : {}),
      Effect: 'Allow',
      Principal: { [principalType]: principal },
      Action: decode('action') as PolicyString,
      ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    },
  };
}

/** AWS reads a Lambda permission principal that is an account ID or an ARN as an AWS principal, anything else as a service. */
function isAccountPrincipal(principal: PolicyString): boolean {
  if (typeof principal !== 'string') {
    const [first] = principal.parts;
    return typeof first !== 'string' || first.startsWith('arn:');
  }
  return /^[0-9]{12}$/.test(principal) || principal.startsWith('arn:');
}

function recoverVariable(parsed: HclJsonObject, name: string): RecoveredVariable {
  const body = onlyBody(at(parsed, 'variable', name), `variable ${name}`);
  const validation = onlyBody(body['validation'], 'validation');
  const condition = stringAt(validation, 'condition');
  const entry = (Object.entries(PARAMETER_VALIDATION) as [EnvironmentField, { pattern: string }][]).find(
    ([, rule]) => condition === `\${can(regex(${JSON.stringify(rule.pattern)}, var.${name}))}`,
  );
  if (!entry) throw new Error(`variable ${name} has an unknown validation: ${condition}`);
  return { name, field: entry[0], type: stringAt(body, 'type'), description: decodeLiteral(stringAt(body, 'description')) };
}
