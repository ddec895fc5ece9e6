/**
 * A stand-in for the trust policy deputy generates from a catalog entry, until the real normaliser is wired
 * in: one Allow statement, Principal Service <principal>, Action the trust actions (a string when one),
 * StringEquals aws:SourceAccount when the keys include it, then <operator> aws:SourceArn <pattern expanded>
 * when they include it, then StringEquals aws:SourceOrgID when that is the key.
 */
import type { ConditionKeyMap, LiteralPolicyDocument, Partition, ServiceCatalogEntry } from '@deputy/policy-model';
import { expandArnPattern, principalFor, requiredKeys, trustActionsOf, trustIntegration } from '@deputy/policy-model';

/** Where the generated policy is deployed. */
export interface Deployment {
  readonly account: string;
  readonly region: string;
  readonly partition: Partition;
  /** The organization, for entries protected by aws:SourceOrgID. */
  readonly organizationId?: string;
}

/** The trust policy for `entry` in `deployment`. */
export function catalogTrustPolicy(entry: ServiceCatalogEntry, deployment: Deployment): LiteralPolicyDocument {
  const condition: Record<string, Record<string, string>> = {};
  const add = (operator: string, key: string, value: string): void => {
    (condition[operator] ??= {})[key] = value;
  };
  const integration = trustIntegration(entry);
  const keys = requiredKeys(integration);
  if (keys.includes('aws:SourceAccount')) add('StringEquals', 'aws:SourceAccount', deployment.account);
  if (keys.includes('aws:SourceArn')) add(integration!.sourceArn!.operator, 'aws:SourceArn', expandArnPattern(integration!.sourceArn!.pattern, deployment));
  if (keys.includes('aws:SourceOrgID')) add('StringEquals', 'aws:SourceOrgID', deployment.organizationId ?? 'o-exampleorgid');
  const trustActions = trustActionsOf(entry);
  const actions = trustActions.length === 1 ? trustActions[0]! : [...trustActions];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: principalFor(entry, deployment.partition, deployment.region) },
        Action: actions,
        ...(Object.keys(condition).length > 0 ? { Condition: condition as Record<string, ConditionKeyMap<string>> } : {}),
      },
    ],
  };
}
