/**
 * A resource policy as template entries, chosen by what it is attached to: `AWS::S3::BucketPolicy`,
 * `AWS::SNS::TopicPolicy`, `AWS::SQS::QueuePolicy`, one `AWS::Lambda::Permission` per statement, or (for a
 * bare `document`) an Output holding the policy as JSON. A resource holding a waived statement carries the
 * waiver's lint suppression as Metadata (Outputs have no Metadata, and lint does not read them).
 */
import type { ResourcePolicyModel } from '@deputy/policy-model';
import { assertNever, statementsOf } from '@deputy/policy-model';
import type { CfnMap } from './cfn-value.js';
import { cfnList, cfnMap } from './cfn-value.js';
import { cfnString } from './cfn-string.js';
import type { EnvironmentBindings } from './environment-bindings.js';
import { lambdaPermissionResource } from './lambda-permission.js';
import { logicalIdFrom } from './logical-ids.js';
import { policyDocumentValue } from './policy-document-value.js';
import { policyJsonValue } from './policy-json-value.js';
import { waiverMetadata } from './waiver-metadata.js';

/** Which section of the template a resource policy's entries go to. */
export type PolicySection = 'Resources' | 'Outputs';

/** The section a policy's entries go to. */
export function policySection(policy: ResourcePolicyModel): PolicySection {
  return policy.attachment.type === 'document' ? 'Outputs' : 'Resources';
}

/** Candidate logical IDs for a policy's entries, one per entry, before they are made unique. */
export function policyLogicalIdCandidates(policy: ResourcePolicyModel): string[] {
  switch (policy.attachment.type) {
    case 's3-bucket':
      return [logicalIdFrom(policy.name, 'BucketPolicy')];
    case 'sns-topic':
      return [logicalIdFrom(policy.name, 'TopicPolicy')];
    case 'sqs-queue':
      return [logicalIdFrom(policy.name, 'QueuePolicy')];
    case 'lambda-permission': {
      const statements = statementsOf(policy.document);
      if (statements.length === 1) return [logicalIdFrom(policy.name, 'Permission')];
      return statements.map((statement, index) => logicalIdFrom(`${policy.name} ${statement.Sid ?? String(index + 1)}`, 'Permission'));
    }
    case 'document':
      return [logicalIdFrom(policy.name, 'PolicyDocument')];
    default:
      return assertNever(policy.attachment, 'resource policy attachment');
  }
}

/** The values of a policy's entries, in the order of {@link policyLogicalIdCandidates}. */
export function policyEntryValues(policy: ResourcePolicyModel, bindings: EnvironmentBindings): CfnMap[] {
  const { attachment } = policy;
  const document = () => policyDocumentValue(policy.document, bindings);
  const resource = (type: string, properties: CfnMap): CfnMap => cfnMap([['Type', type], ['Metadata', waiverMetadata(policy.waivers)], ['Properties', properties]]);
  switch (attachment.type) {
    case 's3-bucket':
      return [resource('AWS::S3::BucketPolicy', cfnMap([['Bucket', cfnString(attachment.bucket, bindings)], ['PolicyDocument', document()]]))];
    case 'sns-topic':
      return [resource('AWS::SNS::TopicPolicy', cfnMap([['Topics', cfnList([cfnString(attachment.topicArn, bindings)])], ['PolicyDocument', document()]]))];
    case 'sqs-queue':
      return [resource('AWS::SQS::QueuePolicy', cfnMap([['Queues', cfnList([cfnString(attachment.queueUrl, bindings)])], ['PolicyDocument', document()]]))];
    case 'lambda-permission':
      return statementsOf(policy.document).map((statement) => lambdaPermissionResource(attachment.functionName, statement, bindings, policy.waivers));
    case 'document':
      return [
        cfnMap([
          ['Description', `Resource policy ${policy.name} as JSON, to attach to a resource outside this template`],
          ['Value', policyJsonValue(policy.document, bindings)],
        ]),
      ];
    default:
      return assertNever(attachment, 'resource policy attachment');
  }
}
