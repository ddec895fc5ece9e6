/**
 * Context keys a service sets to the ARN of its own resource that is acting, besides aws:SourceArn. A condition
 * on such a key binds the call to the resource's account as aws:SourceArn would: CloudTrail puts the trail's
 * ARN in the KMS encryption context (`StringLike kms:EncryptionContext:aws:cloudtrail:arn =
 * arn:aws:cloudtrail:*:<account>:trail/*`, the statement AWS gives for a trail's key:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html).
 * lint counts it as binding the source; verify gives it the calling account in every scenario.
 */
const SOURCE_ARN_CONTEXT_KEYS: Readonly<Record<string, string>> = {
  'cloudtrail.amazonaws.com': 'kms:EncryptionContext:aws:cloudtrail:arn',
};

/** The context key `principal` sets to the ARN of its acting resource, if any (as AWS spells it). */
export function sourceArnContextKeyOf(principal: string): string | undefined {
  return SOURCE_ARN_CONTEXT_KEYS[principal.toLowerCase()];
}
