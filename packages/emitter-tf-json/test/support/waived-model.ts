/**
 * A hand-built model with waived statements where the `.tf.json` can carry a lint suppression: a role, a
 * bucket policy, one of two Lambda permissions, and two policies attached to nothing (locals, whose
 * suppressions share the `locals` object's `//` comment). Waivers and notices are what the normaliser records.
 */
import type { DeputyModel, ResourcePolicyModel, Statement, WaiverRecord } from '@deputy/policy-model';

function serviceStatement(service: string, action: string): Statement {
  return { Effect: 'Allow', Principal: { Service: service }, Action: action };
}

function waived(waivers: readonly WaiverRecord[]): { readonly waivers: readonly WaiverRecord[]; readonly notices: readonly string[] } {
  return { waivers, notices: waivers.map((waiver) => `Confused-deputy conditions for ${waiver.service} waived: ${waiver.reason}`) };
}

/** A policy attached to nothing, with one waived statement. */
export function waivedDocument(name: string, service: string, reason: string): ResourcePolicyModel {
  return { name, id: name, attachment: { type: 'document' }, document: { Version: '2012-10-17', Statement: [serviceStatement(service, 'logs:PutSubscriptionFilter')] }, ...waived([{ service, reason }]) };
}

/** Waived statements in a role, a bucket policy, a Lambda permission and two locals. */
export function waivedModel(): DeputyModel {
  return {
    source: 'hand-built/waived.yaml',
    baseName: 'waived',
    environment: { account: { kind: 'literal', value: '111122223333' }, region: { kind: 'literal', value: 'eu-central-1' }, partition: { kind: 'literal', value: 'aws' } },
    roles: [
      {
        name: 'legacy-batch',
        id: 'legacy-batch',
        trustPolicy: { Version: '2012-10-17', Statement: [serviceStatement('batch.amazonaws.com', 'sts:AssumeRole')] },
        inlinePolicies: [],
        managedPolicyArns: [],
        tags: [],
        ...waived([{ service: 'batch', reason: 'Batch compute environments here predate SourceArn support;\n  tracked in SEC-1234\n' }]),
      },
    ],
    resourcePolicies: [
      {
        name: 'trail-bucket',
        id: 'trail-bucket',
        attachment: { type: 's3-bucket', bucket: 'trail-bucket' },
        document: { Version: '2012-10-17', Statement: [{ ...serviceStatement('cloudtrail.amazonaws.com', 's3:PutObject'), Resource: 'arn:aws:s3:::trail-bucket/AWSLogs/*' }] },
        ...waived([{ service: 'cloudtrail.amazonaws.com', reason: 'The organization trail writes here; SourceArn lands with SEC-9' }]),
      },
      {
        name: 'thumbnailer-invoke',
        id: 'thumbnailer-invoke',
        attachment: { type: 'lambda-permission', functionName: 'thumbnailer' },
        document: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 's3-invoke', ...serviceStatement('s3.amazonaws.com', 'lambda:InvokeFunction'), Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } } },
            { Sid: 'events-invoke', ...serviceStatement('events.amazonaws.com', 'lambda:InvokeFunction') },
          ],
        },
        ...waived([{ service: 'events.amazonaws.com', reason: 'Scheduled rules are created by a partner account (SEC-15)' }]),
      },
      waivedDocument('shared-log-policy', 'logs.amazonaws.com', "Attached by hand to a destination other teams' log groups use"),
      waivedDocument('second-log-policy', 'logs.amazonaws.com', 'A second destination, reviewed in SEC-16'),
    ],
  };
}
