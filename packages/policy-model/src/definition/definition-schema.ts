/**
 * The JSON Schema of the definition format. Descriptions repeat the doc comments of `definition.ts`; a test
 * checks both name the same fields, and that `schema/definition.schema.json` is this object, written out.
 */

import { TRUSTED_ACCOUNT_SCHEMA, TRUSTED_FEDERATION_SCHEMA } from './federated-trust-schema.js';

const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 } as const;
const oneOrMany = { oneOf: [{ type: 'string', minLength: 1 }, stringList] } as const;
const conditionValue = { type: ['string', 'boolean', 'number'] } as const;

const conditionBlock = {
  type: 'object',
  description: 'Operators (AND) mapping condition keys (AND) to one value or a list of values (OR).',
  additionalProperties: {
    type: 'object',
    additionalProperties: { oneOf: [conditionValue, { type: 'array', items: conditionValue, minItems: 1 }] },
  },
} as const;

const principal = {
  oneOf: [
    { const: '*' },
    {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { AWS: oneOrMany, Service: oneOrMany, Federated: oneOrMany, CanonicalUser: oneOrMany },
    },
  ],
} as const;

const statement = {
  type: 'object',
  additionalProperties: false,
  required: ['Effect'],
  properties: {
    Sid: { type: 'string', description: 'Optional statement identifier.' },
    Effect: { enum: ['Allow', 'Deny'], description: 'Whether the statement allows or denies.' },
    Principal: { ...principal, description: 'Who the statement applies to.' },
    NotPrincipal: { ...principal, description: 'Everyone except these principals.' },
    Action: { ...oneOrMany, description: 'Actions the statement covers.' },
    NotAction: { ...oneOrMany, description: 'Every action except these.' },
    Resource: { ...oneOrMany, description: 'Resources the statement covers.' },
    NotResource: { ...oneOrMany, description: 'Every resource except these.' },
    Condition: { ...conditionBlock, description: 'Conditions under which the statement applies.' },
  },
} as const;

const policyDocument = {
  type: 'object',
  description: 'An IAM policy document.',
  additionalProperties: false,
  required: ['Statement'],
  properties: {
    Version: { enum: ['2012-10-17', '2008-10-17'], description: 'The policy language version; use 2012-10-17.' },
    Id: { type: 'string', description: 'Optional policy identifier.' },
    Statement: { oneOf: [statement, { type: 'array', items: statement, minItems: 1 }], description: 'The statements, in order.' },
  },
} as const;

const environmentSetting = (what: string, example: string) =>
  ({
    description: `The AWS ${what}: ${example}, \`current\`, or { parameter: Name }. Default \`current\`.`,
    oneOf: [
      { type: ['string', 'integer'], minLength: 1 },
      {
        type: 'object',
        additionalProperties: false,
        required: ['parameter'],
        properties: {
          parameter: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$', description: 'The parameter name, e.g. AccountId.' },
          description: { type: 'string', description: 'Text shown to whoever supplies the value.' },
        },
      },
    ],
  }) as const;

const waiver = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  description: 'An explicit decision to go without confused-deputy conditions.',
  properties: { reason: { type: 'string', minLength: 10, description: 'Why the protection is not needed or not possible; printed in the output.' } },
} as const;

const trustedService = {
  type: 'object',
  additionalProperties: false,
  required: ['service'],
  properties: {
    service: { type: 'string', minLength: 1, description: 'A catalog key (personalize) or a service principal (personalize.amazonaws.com).' },
    sourceArn: { ...oneOrMany, description: "Replaces the catalog's aws:SourceArn value: one ARN or pattern, or a list." },
    sourceAccount: { type: 'string', description: 'The account the service acts from, when it differs from the role account.' },
    sourceOrgId: { type: 'string', pattern: '^o-[a-z0-9]{10,32}$', description: 'Requires the calling resource to belong to this AWS Organization (aws:SourceOrgID).' },
    sourceOrgPaths: { ...stringList, description: "Requires the calling resource's organization path (aws:SourceOrgPaths)." },
    extraActions: { ...stringList, description: "Actions to allow in addition to the catalog's trust actions." },
    conditions: { ...conditionBlock, description: 'Further conditions, appended after the confused-deputy conditions.' },
    waiver,
  },
} as const;

const role = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', pattern: '^[\\w+=,.@-]{1,64}$', description: 'The role name: 1–64 letters, digits and + = , . @ _ -' },
    description: { type: 'string', maxLength: 1000, pattern: '^[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*$', description: 'The role description (IAM allows tab, newline and the characters U+0020–U+007E and U+00A1–U+00FF).' },
    path: { type: 'string', maxLength: 512, pattern: '^/([\\x21-\\x7E]*/)?$', description: 'The IAM path: up to 512 printable ASCII characters without spaces, starting and ending with /' },
    maxSessionDuration: { type: 'integer', minimum: 3600, maximum: 43200, description: 'Maximum session duration in seconds.' },
    permissionsBoundary: { type: 'string', minLength: 1, description: 'ARN of the managed policy that bounds the role.' },
    trustedServices: { type: 'array', items: trustedService, minItems: 1, description: 'The AWS services allowed to assume the role.' },
    trustedFederation: { type: 'array', items: TRUSTED_FEDERATION_SCHEMA, minItems: 1, description: 'Federated identities allowed to assume the role (GitHub Actions, GitLab, EKS service accounts, OIDC, SAML).' },
    trustedAccounts: { type: 'array', items: TRUSTED_ACCOUNT_SCHEMA, minItems: 1, description: 'Other AWS accounts, or some of their roles, allowed to assume the role.' },
    trustPolicy: { ...policyDocument, description: 'A complete trust policy instead of trustedServices.' },
    waiver: { ...waiver, description: 'A reason to accept service principals without confused-deputy conditions in trustPolicy.' },
    managedPolicyArns: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Managed policy ARNs to attach, in order.' },
    inlinePolicies: {
      type: 'array',
      description: 'Inline permission policies, in order.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'document'],
        properties: {
          name: { type: 'string', pattern: '^[\\w+=,.@-]{1,128}$', description: 'The policy name, unique within the role: 1–128 letters, digits and + = , . @ _ -' },
          document: policyDocument,
        },
      },
    },
    tags: {
      type: 'object',
      description: 'Tags as key → value, in order (IAM allows letters, digits, spaces and _ . : / = + - @).',
      propertyNames: { pattern: '^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}$' },
      additionalProperties: { type: 'string', pattern: '^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{0,256}$' },
    },
  },
} as const;

const serviceGrant = {
  type: 'object',
  additionalProperties: false,
  required: ['service', 'actions'],
  properties: {
    service: { type: 'string', minLength: 1, description: 'A catalog key (cloudtrail) or a service principal (cloudtrail.amazonaws.com).' },
    actions: { ...oneOrMany, description: 'The actions the service may perform, e.g. s3:PutObject or sns:Publish.' },
    resources: { ...oneOrMany, description: 'The resources; default: the attached resource (bucket and objects, topic, queue, function).' },
    sourceArn: { ...oneOrMany, description: "Replaces the catalog's aws:SourceArn value for this integration: one ARN or pattern, or a list." },
    sourceAccount: { type: 'string', description: "The account the service acts from, when it is not the resource's account." },
    sid: { type: 'string', pattern: '^[A-Za-z0-9]*$', description: "The statement's Sid (letters and digits)." },
  },
} as const;

const resourcePolicy = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  anyOf: [{ required: ['document'] }, { required: ['grants'] }],
  properties: {
    name: { type: 'string', pattern: '^[A-Za-z0-9][\\w.-]{0,127}$', description: 'A name, unique in the definition.' },
    attachTo: {
      type: 'object',
      description: 'What the policy is attached to (exactly one field); omitted means the document alone.',
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 1,
      properties: {
        s3Bucket: { type: 'string', minLength: 1, description: 'An S3 bucket name (or bucket ARN, which gives the name).' },
        snsTopic: { type: 'string', minLength: 1, description: 'An SNS topic ARN.' },
        sqsQueue: { type: 'string', minLength: 1, description: 'An SQS queue URL (or queue ARN, from which the URL is derived).' },
        lambdaFunction: { type: 'string', minLength: 1, description: 'A Lambda function name, partial ARN or ARN.' },
      },
    },
    document: policyDocument,
    grants: { type: 'array', items: serviceGrant, minItems: 1, description: 'AWS services granted access to the resource, each with the confused-deputy conditions the catalog documents for this integration.' },
    waiver,
  },
} as const;

const placeholderName = { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;

const placeholderDeclaration = {
  type: 'object',
  description: 'A custom placeholder: its type, an optional pattern its value must match, and an optional default.',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { enum: ['string', 'integer'], description: 'The value type: string (any text) or integer (digits).' },
    pattern: { type: 'string', minLength: 1, description: 'A regular expression the whole value must match, e.g. ^(dev|prod)$.' },
    default: { type: ['string', 'integer'], description: 'The value used when neither --set nor the environment gives one.' },
    description: { type: 'string', description: 'What the placeholder stands for; shown in errors.' },
  },
} as const;

const environmentDefinition = {
  type: 'object',
  description: 'One named environment.',
  additionalProperties: false,
  properties: {
    account: environmentSetting('account', 'a 12-digit string'),
    region: environmentSetting('Region', 'e.g. us-east-1'),
    partition: environmentSetting('partition', 'aws, aws-cn or aws-us-gov'),
    values: {
      type: 'object',
      description: 'Values of custom placeholders in this environment, by name.',
      propertyNames: placeholderName,
      additionalProperties: { type: ['string', 'integer'] },
    },
  },
} as const;

/** The JSON Schema of a definition file. */
export const DEFINITION_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'deputy definition',
  description: 'AWS IAM roles and policies with confused-deputy protection, emitted as JSON, Terraform, CloudFormation and cdktf.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'The JSON Schema the file follows (for editors); ignored by deputy.' },
    version: { const: 1, description: 'The definition format version; only 1 exists.' },
    account: environmentSetting('account', 'a 12-digit string'),
    region: environmentSetting('Region', 'e.g. us-east-1'),
    partition: environmentSetting('partition', 'aws, aws-cn or aws-us-gov'),
    roles: { type: 'array', items: role, description: 'IAM roles.' },
    resourcePolicies: { type: 'array', items: resourcePolicy, description: 'Resource-based policies.' },
    placeholders: {
      type: 'object',
      description: 'Custom placeholders ({{env}}, {{team}}) usable in every string of the definition, by name.',
      propertyNames: placeholderName,
      additionalProperties: placeholderDeclaration,
    },
    environments: {
      type: 'object',
      description: 'Named environments chosen with --env: each replaces the account, Region and partition and gives placeholder values.',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
      additionalProperties: environmentDefinition,
    },
  },
} as const;
