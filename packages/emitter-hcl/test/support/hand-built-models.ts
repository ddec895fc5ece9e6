/**
 * Hand-built models for the emitter tests, until the shared fixtures exist: the AWS Personalize reference
 * case, a model with parameters, one of every resource-policy attachment, and waivers in every kind of block.
 */
import { interpolate, reference, type DeputyModel, type Environment, type PolicyDocument } from '@deputy/policy-model';
import { waivedBlocksModel } from './waived-models.js';

/** Every field `current`. */
export const CURRENT_ENVIRONMENT: Environment = {
  account: { kind: 'current' },
  region: { kind: 'current' },
  partition: { kind: 'current' },
};

/** Every field a parameter. */
export const PARAMETER_ENVIRONMENT: Environment = {
  account: { kind: 'parameter', name: 'account_id', description: 'The AWS account the roles live in.' },
  region: { kind: 'parameter', name: 'region', description: 'The AWS Region the service runs in.' },
  partition: { kind: 'parameter', name: 'partition', description: 'The AWS partition.' },
};

/** Every field a literal. */
export const LITERAL_ENVIRONMENT: Environment = {
  account: { kind: 'literal', value: '123456789012' },
  region: { kind: 'literal', value: 'us-east-1' },
  partition: { kind: 'literal', value: 'aws' },
};

/** The Personalize trust policy from the AWS confused-deputy page, with references. */
export const PERSONALIZE_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'personalize.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'aws:SourceAccount': interpolate([reference('account')]) },
        StringLike: {
          'aws:SourceArn': interpolate([
            'arn:',
            reference('partition'),
            ':personalize:',
            reference('region'),
            ':',
            reference('account'),
            ':*',
          ]),
        },
      },
    },
  ],
};

/** The Personalize role: trust policy, one inline policy with an IAM policy variable, one managed policy. */
export function personalizeModel(environment: Environment = CURRENT_ENVIRONMENT): DeputyModel {
  return {
    source: 'examples/personalize.yaml',
    baseName: 'personalize',
    environment,
    roles: [
      {
        name: 'PersonalizeRole',
        id: 'PersonalizeRole',
        description: 'Lets Amazon Personalize read training data.',
        path: '/service-role/',
        maxSessionDuration: 3600,
        trustPolicy: PERSONALIZE_TRUST,
        inlinePolicies: [
          {
            name: 's3-read',
            id: 's3-read',
            document: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'ReadTrainingData',
                  Effect: 'Allow',
                  Action: ['s3:GetObject', 's3:ListBucket'],
                  Resource: [
                    interpolate(['arn:', reference('partition'), ':s3:::training-data']),
                    interpolate(['arn:', reference('partition'), ':s3:::training-data/${aws:username}/*']),
                  ],
                },
              ],
            },
          },
        ],
        managedPolicyArns: [interpolate(['arn:', reference('partition'), ':iam::aws:policy/AmazonS3ReadOnlyAccess'])],
        tags: [
          { key: 'team', value: 'ml' },
          { key: 'cost-center:id', value: '42' },
        ],
        notices: [],
      },
    ],
    resourcePolicies: [],
  };
}

const BUCKET_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::trail-bucket/AWSLogs/*',
      Condition: {
        StringEquals: {
          's3:x-amz-acl': 'bucket-owner-full-control',
          'aws:SourceArn': interpolate(['arn:aws:cloudtrail:', reference('region'), ':', reference('account'), ':trail/main']),
        },
      },
    },
  ],
};

/** One resource policy per attachment type. */
export function resourcePoliciesModel(environment: Environment = CURRENT_ENVIRONMENT): DeputyModel {
  return {
    source: 'fixtures/resource-policies.yaml',
    baseName: 'resource-policies',
    environment,
    roles: [],
    resourcePolicies: [
      { name: 'trail-bucket', id: 'trail-bucket', attachment: { type: 's3-bucket', bucket: 'trail-bucket' }, document: BUCKET_POLICY, notices: [] },
      {
        name: 'alarm-topic',
        id: 'alarm-topic',
        attachment: { type: 'sns-topic', topicArn: interpolate(['arn:aws:sns:', reference('region'), ':', reference('account'), ':alarms']) },
        document: {
          Version: '2012-10-17',
          Statement: {
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: interpolate(['arn:aws:sns:', reference('region'), ':', reference('account'), ':alarms']),
            Condition: {
              ArnLike: { 'aws:SourceArn': interpolate(['arn:aws:cloudwatch:', reference('region'), ':', reference('account'), ':alarm:*']) },
              StringEquals: { 'aws:SourceAccount': interpolate([reference('account')]) },
            },
          },
        },
        notices: ['CloudWatch alarms with non-ASCII names need aws:SourceAccount only.'],
      },
      {
        name: 'events-queue',
        id: 'events-queue',
        attachment: { type: 'sqs-queue', queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/events' },
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: ['events.amazonaws.com', 'sns.amazonaws.com'] },
              Action: ['sqs:SendMessage'],
              Resource: 'arn:aws:sqs:us-east-1:123456789012:events',
              Condition: { ArnEquals: { 'aws:SourceArn': ['arn:aws:events:us-east-1:123456789012:rule/a', 'arn:aws:sns:us-east-1:123456789012:b'] } },
            },
          ],
        },
        notices: [],
      },
      {
        name: 'invoke-from-s3',
        id: 'invoke-from-s3',
        attachment: { type: 'lambda-permission', functionName: 'thumbnailer' },
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'AllowS3Invoke',
              Effect: 'Allow',
              Principal: { Service: 's3.amazonaws.com' },
              Action: 'lambda:InvokeFunction',
              Resource: 'arn:aws:lambda:us-east-1:123456789012:function:thumbnailer',
              Condition: {
                ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' },
                StringEquals: { 'aws:SourceAccount': interpolate([reference('account')]) },
              },
            },
            {
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'lambda:InvokeFunction',
              Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:events:us-east-1:123456789012:rule/nightly' } },
            },
          ],
        },
        notices: [],
      },
      {
        name: 'kms-key-policy',
        id: 'kms-key-policy',
        attachment: { type: 'document' },
        document: {
          Version: '2012-10-17',
          Id: 'key-policy',
          Statement: [
            {
              Sid: 'EnableRoot',
              Effect: 'Allow',
              Principal: { AWS: interpolate(['arn:', reference('partition'), ':iam::', reference('account'), ':root']) },
              Action: 'kms:*',
              Resource: '*',
            },
            {
              Sid: 'DenyEveryoneElse',
              Effect: 'Deny',
              NotPrincipal: '*',
              NotAction: ['kms:Decrypt'],
              NotResource: '*',
              Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': 10 } },
            },
          ],
        },
        notices: [],
      },
    ],
  };
}

/** Documents that each run into one named gap of the policy document data source. */
export const GAP_DOCUMENTS: { readonly [name: string]: PolicyDocument } = {
  'missing-version': { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}' }] },
  'ampersand-brace-becomes-policy-variable': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/&{literal}' }],
  },
  'empty-list-dropped': { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: [], Resource: '*' }] },
  'empty-string-in-set': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['', 'arn:aws:s3:::b'] }] },
  'empty-condition-operator': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: {} } }],
  },
  'empty-principal': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: {}, Action: 's3:GetObject', Resource: '*' }] },
  'duplicate-sid': {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Same', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Sid: 'Same', Effect: 'Deny', Action: 's3:PutObject', Resource: '*' },
    ],
  },
  'empty-statement-list': { Version: '2012-10-17', Statement: [] },
  'statement-object-becomes-list': { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } },
  'single-element-list-becomes-string': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::123456789012:root'] }, Action: ['s3:GetObject'], Resource: ['*'], Condition: { StringEquals: { 's3:prefix': ['home/'] } } }],
  },
  'string-sets-sorted-and-deduplicated': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:GetObject'], Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] }],
  },
  'condition-scalars-become-strings': {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false }, NumericGreaterThan: { 's3:max-keys': [10, 2.5] } } }],
  },
  'empty-sid-dropped': { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
  'empty-id-dropped': { Version: '2012-10-17', Id: '', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
  'empty-condition-dropped': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: {} }] },
  'keys-reordered': {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com', AWS: '111122223333' },
        Action: 'sqs:SendMessage',
        Resource: '*',
        Condition: { StringLike: { 'b:key': 'x', 'a:key': 'y' }, ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:t' } },
      },
    ],
  },
};

/** One `document` resource policy per gap document. */
export function gapDocumentsModel(): DeputyModel {
  return {
    source: 'test/gap-documents.yaml',
    baseName: 'gap-documents',
    environment: LITERAL_ENVIRONMENT,
    roles: [],
    resourcePolicies: Object.entries(GAP_DOCUMENTS).map(([name, document]) => ({
      name,
      id: name,
      attachment: { type: 'document' as const },
      document,
      notices: [],
    })),
  };
}

const SIMPLE_TRUST: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** Names that collide once made into labels, and names that are not valid labels at all. */
export function labelCollisionsModel(): DeputyModel {
  const role = (name: string, id: string) => ({
    name,
    id,
    trustPolicy: SIMPLE_TRUST,
    inlinePolicies: [
      { name: 'read', id: 'read', document: { Version: '2012-10-17' as const, Statement: [{ Effect: 'Allow' as const, Action: 's3:GetObject', Resource: '*' }] } },
    ],
    managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/team/ReadOnlyAccess', 'arn:aws:iam::123456789012:policy/'],
    tags: [],
    notices: [],
  });
  return {
    source: 'test/label collisions\n"odd" name.yaml',
    baseName: 'label-collisions',
    environment: CURRENT_ENVIRONMENT,
    roles: [role('MyRole', 'MyRole'), role('my-role', 'my-role'), role('my_role', 'my_role'), role('2fast', '2fast'), role('Ünïcödé', '___')],
    resourcePolicies: [
      {
        name: 'my-role',
        id: 'my-role',
        attachment: { type: 'lambda-permission', functionName: 'fn' },
        document: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Invoke', Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'lambda:InvokeFunction' },
            { Sid: 'invoke', Effect: 'Allow', Principal: { AWS: interpolate([reference('account')]) }, Action: 'lambda:InvokeFunction' },
          ],
        },
        notices: ['Two statements whose Sids differ only in case.'],
      },
      { name: 'my-role-json', id: 'my-role-json', attachment: { type: 'document' }, document: SIMPLE_TRUST, notices: [] },
      { name: 'my_role', id: 'my_role', attachment: { type: 'document' }, document: SIMPLE_TRUST, notices: [] },
    ],
  };
}

/** Every hand-built model, by case name. */
export const HAND_BUILT_MODELS: ReadonlyMap<string, DeputyModel> = new Map([
  ['personalize-current', personalizeModel(CURRENT_ENVIRONMENT)],
  ['personalize-parameters', personalizeModel(PARAMETER_ENVIRONMENT)],
  ['personalize-literal', personalizeModel(LITERAL_ENVIRONMENT)],
  ['resource-policies-current', resourcePoliciesModel(CURRENT_ENVIRONMENT)],
  ['resource-policies-parameters', resourcePoliciesModel(PARAMETER_ENVIRONMENT)],
  ['gap-documents', gapDocumentsModel()],
  ['label-collisions', labelCollisionsModel()],
  ['waived-blocks', waivedBlocksModel()],
]);
