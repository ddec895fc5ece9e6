/**
 * A hand-built model with a waived statement in every kind of resource that can hold one — a role, a bucket
 * policy, a queue policy, one of two Lambda permissions — plus a waived policy attached to nothing (an Output,
 * which has no Metadata), two reasons on one role, and a reason with line breaks and a YAML-hostile `: #`.
 * Waivers and notices are what the normaliser records.
 */
import type { DeputyModel, PolicyDocument, RoleModel, Statement, WaiverRecord } from '@deputy/policy-model';
import { interpolate, reference } from '@deputy/policy-model';

const account = reference('account');

function serviceStatement(service: string, action = 'sts:AssumeRole'): Statement {
  return { Effect: 'Allow', Principal: { Service: service }, Action: action };
}

function waived(waivers: readonly WaiverRecord[]): { readonly waivers: readonly WaiverRecord[]; readonly notices: readonly string[] } {
  return { waivers, notices: waivers.map((waiver) => `Confused-deputy conditions for ${waiver.service} waived: ${waiver.reason}`) };
}

function role(name: string, statements: readonly Statement[], waivers: readonly WaiverRecord[]): RoleModel {
  const trustPolicy: PolicyDocument = { Version: '2012-10-17', Statement: [...statements] };
  return { name, id: name, trustPolicy, inlinePolicies: [], managedPolicyArns: [], tags: [], ...waived(waivers) };
}

/** Waived statements in a role, bucket and queue policies, a Lambda permission and an Output. */
export const waivedResources: DeputyModel = {
  source: 'hand-built/waived-resources.yaml',
  baseName: 'waived-resources',
  environment: { account: { kind: 'current' }, region: { kind: 'literal', value: 'eu-central-1' }, partition: { kind: 'literal', value: 'aws' } },
  roles: [
    role('legacy-batch', [serviceStatement('batch.amazonaws.com')], [{ service: 'batch', reason: 'Batch compute environments here predate SourceArn support; tracked in SEC-1234' }]),
    role('two-reasons', [serviceStatement('batch.amazonaws.com'), serviceStatement('ecs-tasks.amazonaws.com')], [
      { service: 'batch', reason: 'Legacy batch jobs: no SourceArn yet # SEC-1' },
      { service: 'ecs-tasks', reason: "'quoted' and\nsplit over\n\n  lines\n" },
    ]),
  ],
  resourcePolicies: [
    {
      name: 'trail-bucket',
      id: 'trail-bucket',
      attachment: { type: 's3-bucket', bucket: interpolate(['trail-bucket-', account]) },
      document: { Version: '2012-10-17', Statement: [{ ...serviceStatement('cloudtrail.amazonaws.com', 's3:PutObject'), Resource: interpolate(['arn:aws:s3:::trail-bucket-', account, '/AWSLogs/*']) }] },
      ...waived([{ service: 'cloudtrail.amazonaws.com', reason: 'The organization trail writes here; SourceArn lands with SEC-9' }]),
    },
    {
      name: 'events-queue',
      id: 'events-queue',
      attachment: { type: 'sqs-queue', queueUrl: interpolate(['https://sqs.eu-central-1.amazonaws.com/', account, '/events']) },
      document: { Version: '2012-10-17', Statement: [{ ...serviceStatement('events.amazonaws.com', 'sqs:SendMessage'), Resource: interpolate(['arn:aws:sqs:eu-central-1:', account, ':events']) }] },
      ...waived([{ service: 'events.amazonaws.com', reason: 'Rules in many accounts target this queue (SEC-12)' }]),
    },
    {
      name: 'thumbnailer-invoke',
      id: 'thumbnailer-invoke',
      attachment: { type: 'lambda-permission', functionName: 'thumbnailer' },
      document: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 's3-invoke', ...serviceStatement('s3.amazonaws.com', 'lambda:InvokeFunction'), Condition: { StringEquals: { 'aws:SourceAccount': interpolate([account]) } } },
          { Sid: 'events-invoke', ...serviceStatement('events.amazonaws.com', 'lambda:InvokeFunction') },
        ],
      },
      ...waived([{ service: 'events.amazonaws.com', reason: 'Scheduled rules are created by a partner account (SEC-15)' }]),
    },
    {
      name: 'shared-log-policy',
      id: 'shared-log-policy',
      attachment: { type: 'document' },
      document: { Version: '2012-10-17', Statement: [serviceStatement('logs.amazonaws.com', 'logs:PutSubscriptionFilter')] },
      ...waived([{ service: 'logs.amazonaws.com', reason: "Attached by hand to a destination other teams' log groups use" }]),
    },
  ],
};
