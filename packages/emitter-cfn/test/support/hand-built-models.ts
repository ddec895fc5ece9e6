/**
 * Models built by hand for cases the definition fixtures do not reach: Lambda permissions with several
 * statements, Sub strings that must fall back to Fn::Join, a template with no resources, notices with line
 * breaks and control characters, logical-ID collisions, a Parameter whose name YAML 1.1 reads as a boolean,
 * and waivers on every kind of resource.
 */
import type { DeputyModel, PolicyDocument, RoleModel } from '@deputy/policy-model';
import { interpolate, reference } from '@deputy/policy-model';
import { waivedResources } from './waived-models.js';

const account = reference('account');
const region = reference('region');
const partition = reference('partition');

function trustFor(service: string, sourceAccount = interpolate([account])): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } } }],
  };
}

function role(name: string, id: string, overrides: Partial<RoleModel> = {}): RoleModel {
  return { name, id, trustPolicy: trustFor('ec2.amazonaws.com'), inlinePolicies: [], managedPolicyArns: [], tags: [], notices: [], ...overrides };
}

/** Lambda permissions (one per statement), a literal partition, a parameter account, and a Join fallback. */
export const lambdaPermissionsAndJoins: DeputyModel = {
  source: 'hand-built/lambda-permissions-and-joins.yaml',
  baseName: 'lambda-permissions-and-joins',
  environment: {
    account: { kind: 'parameter', name: 'account_id', description: 'Account that owns the uploads bucket' },
    region: { kind: 'current' },
    partition: { kind: 'literal', value: 'aws' },
  },
  roles: [],
  resourcePolicies: [
    {
      name: 'thumbnailer-invoke',
      id: 'thumbnailer-invoke',
      attachment: { type: 'lambda-permission', functionName: interpolate(['arn:', partition, ':lambda:', region, ':', account, ':function:thumbnailer']) },
      document: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 's3-invoke',
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: interpolate(['arn:', partition, ':lambda:', region, ':', account, ':function:thumbnailer']),
            Condition: { ArnLike: { 'aws:SourceArn': interpolate(['arn:', partition, ':s3:::uploads-', account]) }, StringEquals: { 'aws:SourceAccount': interpolate([account]) } },
          },
          {
            Effect: 'Allow',
            Principal: { AWS: interpolate(['arn:', partition, ':iam::', account, ':root']) },
            Action: 'lambda:InvokeFunction',
          },
        ],
      },
      notices: [],
    },
    {
      name: 'uploads',
      id: 'uploads',
      attachment: { type: 's3-bucket', bucket: interpolate(['uploads-', account]) },
      document: {
        Version: '2012-10-17',
        Statement: {
          Sid: 'HomePrefixes',
          Effect: 'Allow',
          Principal: { AWS: interpolate(['arn:', partition, ':iam::', account, ':root']) },
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: [
            interpolate(['arn:', partition, ':s3:::uploads-', account, '/home/${aws:username}/*']),
            interpolate(['arn:', partition, ':s3:::uploads-', account, '/odd/${unclosed-', region]),
            interpolate(['arn:', partition, ':s3:::uploads-', account, '/odd/${!bang}/${a${b}/', region]),
            'arn:aws:s3:::plain/${aws:username}/${!kept}',
          ],
        },
      },
      notices: [],
    },
  ],
};

/** Only a bare policy document: the template needs a placeholder resource; notices carry hostile text. */
export const documentOnlyPlaceholder: DeputyModel = {
  source: 'hand-built/document only\nplaceholder.yaml',
  baseName: 'document-only-placeholder',
  environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
  roles: [],
  resourcePolicies: [
    {
      name: 'key-policy',
      id: 'key-policy',
      attachment: { type: 'document' },
      document: {
        Version: '2012-10-17',
        Id: 'key-policy-1',
        Statement: [
          { Sid: 'Root', Effect: 'Allow', Principal: { AWS: interpolate(['arn:', partition, ':iam::', account, ':root']) }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'Logs "quoted" ${aws:username}',
            Effect: 'Allow',
            Principal: { Service: interpolate(['logs.', region, '.amazonaws.com']) },
            Action: ['kms:Encrypt*', 'kms:Decrypt*'],
            Resource: '*',
            Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': interpolate(['arn:', partition, ':logs:', region, ':', account, ':log-group:*']) }, Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 's3:max-keys': 10 } },
          },
        ],
      },
      notices: ['first line\nsecond line\u2028third\u0007bell # not a key: value', ''],
    },
  ],
};

/**
 * Names that collide once made alphanumeric, a name starting with a digit, a Parameter named `on`, and
 * numbers JavaScript writes in exponent form (which YAML 1.1 would read as strings unless given a `.0`).
 */
export const logicalIdCollisions: DeputyModel = {
  source: 'hand-built/logical-id-collisions.yaml',
  baseName: 'logical-id-collisions',
  environment: {
    account: { kind: 'parameter', name: 'ReaderRoleArn', description: 'Collides with a role output' },
    region: { kind: 'parameter', name: 'on', description: 'no' },
    partition: { kind: 'parameter', name: 'UnusedPartition', description: 'Declared only when used' },
  },
  roles: [
    role('reader', 'reader', { trustPolicy: trustFor('ec2.amazonaws.com', interpolate([account])) }),
    role('reader_', 'reader_', { inlinePolicies: [{ name: 'regional', id: 'regional', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': interpolate([region]) }, NumericLessThan: { 'aws:MultiFactorAuthAge': [1e21, 1.5e-7, -0.5, 3600] } } }] } }] }),
    role('reader-role-2', 'reader-role-2'),
    role('2fast', '2fast', { notices: ['starts with a digit'] }),
  ],
  resourcePolicies: [],
};

/** Every hand-built model, by case name. */
export const HAND_BUILT_MODELS: ReadonlyMap<string, DeputyModel> = new Map([
  ['lambda-permissions-and-joins', lambdaPermissionsAndJoins],
  ['document-only-placeholder', documentOnlyPlaceholder],
  ['logical-id-collisions', logicalIdCollisions],
  ['waived-resources', waivedResources],
]);
