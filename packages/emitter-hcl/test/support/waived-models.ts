/**
 * A hand-built model with a waived statement in every kind of block that can hold one: a role trust policy
 * (a data source in the policy-document style), a trust policy the data source cannot express (so it stays
 * `jsonencode` on the resource), two reasons on one role, one reason shared by two services, a reason with
 * line breaks, a bucket policy, a Lambda policy with a protected and an unprotected permission, and a policy
 * attached to nothing. Waivers and notices are what the normaliser records.
 */
import { interpolate, reference, type DeputyModel, type PolicyDocument, type RoleModel, type Statement, type WaiverRecord } from '@deputy/policy-model';

const account = reference('account');

function serviceStatement(service: string | readonly string[], action = 'sts:AssumeRole'): Statement {
  return { Effect: 'Allow', Principal: { Service: typeof service === 'string' ? service : [...service] }, Action: action };
}

function waived(waivers: readonly WaiverRecord[]): { readonly waivers: readonly WaiverRecord[]; readonly notices: readonly string[] } {
  return { waivers, notices: waivers.map((waiver) => `Confused-deputy conditions for ${waiver.service} waived: ${waiver.reason}`) };
}

function role(name: string, trustPolicy: PolicyDocument, waivers: readonly WaiverRecord[]): RoleModel {
  return { name, id: name, trustPolicy, inlinePolicies: [], managedPolicyArns: [], tags: [], ...waived(waivers) };
}

const PROTECTED_CODEBUILD: Statement = {
  ...serviceStatement('codebuild.amazonaws.com'),
  Condition: { StringEquals: { 'aws:SourceAccount': interpolate([account]) } },
};

/** Waived statements in roles, a bucket policy, Lambda permissions and a policy attached to nothing. */
export function waivedBlocksModel(): DeputyModel {
  const legacy = 'Batch compute environments here predate SourceArn support; tracked in SEC-1234';
  return {
    source: 'hand-built/waived-blocks.yaml',
    baseName: 'waived-blocks',
    environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
    roles: [
      role('legacy-batch', { Version: '2012-10-17', Statement: [serviceStatement('batch.amazonaws.com'), PROTECTED_CODEBUILD] }, [{ service: 'batch', reason: legacy }]),
      role('no-version-trust', { Statement: [serviceStatement('batch.amazonaws.com')] }, [{ service: 'batch.amazonaws.com', reason: 'Kept without a Version, which the data source would add' }]),
      role('two-reasons', { Version: '2012-10-17', Statement: [serviceStatement('batch.amazonaws.com'), serviceStatement('ecs-tasks.amazonaws.com')] }, [
        { service: 'batch', reason: 'Legacy batch jobs: no SourceArn yet (SEC-1)' },
        { service: 'ecs-tasks', reason: 'ECS tasks a partner launches from its own account (SEC-2)' },
      ]),
      role('shared-reason', { Version: '2012-10-17', Statement: [serviceStatement(['sagemaker.amazonaws.com', 'codebuild.amazonaws.com'])] }, [
        { service: 'sagemaker.amazonaws.com', reason: 'Notebooks and builds share this role\n  until   SEC-77 splits it.\n' },
        { service: 'codebuild.amazonaws.com', reason: 'Notebooks and builds share this role\n  until   SEC-77 splits it.\n' },
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
}
