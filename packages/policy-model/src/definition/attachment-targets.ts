/**
 * What each `attachTo` field accepts, checked per kind the way AWS would: `snsTopic` is a topic ARN,
 * `sqsQueue` a queue URL (a queue ARN is accepted and its URL derived), `s3Bucket` a bucket name (a bucket ARN
 * gives its name), `lambdaFunction` a function name, partial ARN or ARN. Placeholders are checked with sample
 * values standing in, so `logs-{{account}}` is checked as a bucket name of that shape.
 */
import type { PathSegment } from '../load/source-document.js';
import type { PathProblem } from '../policy/validate-policy.js';
import type { AttachmentDefinition, ResourcePolicyDefinition } from './definition.js';

/** The literal partition and Region the definition will be emitted for, when known (for deriving queue URLs). */
export interface KnownEnvironment {
  /** The partition, when it is a literal. */
  readonly partition?: string;
  /** The Region, when it is a literal. */
  readonly region?: string;
}

/** An attachment with derived values (queue URL from ARN, bucket name from ARN), or problems. */
export interface CheckedAttachment {
  /** The attachment to normalise; unchanged unless a value was derived. */
  readonly attachTo: AttachmentDefinition;
  /** Problems found. */
  readonly problems: readonly PathProblem[];
}

const SAMPLES: Readonly<Record<string, string>> = { account: '123456789012', region: 'us-east-1', partition: 'aws' };
const PARTITION = '(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc)';
const REGION = '[a-z]{2}(-[a-z]+)+-\\d{1,2}';
const TOPIC_ARN = new RegExp(`^arn:${PARTITION}:sns:${REGION}:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$`);
const QUEUE_NAME = '[A-Za-z0-9_-]{1,80}(\\.fifo)?';
const QUEUE_ARN = /^arn:([^:]+):sqs:([^:]+):([^:]+):([^:/]+)$/;
const QUEUE_URL = new RegExp(`^https://(sqs\\.${REGION}\\.amazonaws\\.com(\\.cn)?|${REGION}\\.queue\\.amazonaws\\.com(\\.cn)?)/\\d{12}/${QUEUE_NAME}$`);
const BUCKET_ARN = /^arn:[^:]+:s3:::([^/]+)$/;
const LAMBDA_NAME = '[A-Za-z0-9_-]{1,64}';
const LAMBDA = new RegExp(`^(arn:${PARTITION}:lambda:${REGION}:\\d{12}:function:${LAMBDA_NAME}|\\d{12}:function:${LAMBDA_NAME}|${LAMBDA_NAME})(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$`);

/** Checks and, where a value can be derived, rewrites one resource policy's `attachTo`. */
export function checkAttachment(policy: ResourcePolicyDefinition, path: readonly PathSegment[], known: KnownEnvironment): CheckedAttachment {
  const attachTo = policy.attachTo;
  if (attachTo === undefined) return { attachTo: {}, problems: [] };
  const at = (field: string): PathSegment[] => [...path, 'attachTo', field];
  if (attachTo.snsTopic !== undefined) {
    const ok = TOPIC_ARN.test(sample(attachTo.snsTopic));
    return { attachTo, problems: ok ? [] : [invalid('snsTopic', attachTo.snsTopic, at('snsTopic'), 'an SNS topic ARN such as arn:{{partition}}:sns:{{region}}:{{account}}:alarms (topic names: 1–256 letters, digits, - and _)')] };
  }
  if (attachTo.sqsQueue !== undefined) return checkQueue(attachTo.sqsQueue, at('sqsQueue'), known);
  if (attachTo.s3Bucket !== undefined) return checkBucket(attachTo.s3Bucket, at('s3Bucket'));
  if (attachTo.lambdaFunction !== undefined) {
    const ok = LAMBDA.test(sample(attachTo.lambdaFunction));
    return { attachTo, problems: ok ? [] : [invalid('lambdaFunction', attachTo.lambdaFunction, at('lambdaFunction'), 'a Lambda function name (1–64 letters, digits, - and _), a partial ARN 123456789012:function:name, or a function ARN, optionally with :version or :alias')] };
  }
  return { attachTo, problems: [] };
}

function checkQueue(value: string, path: PathSegment[], known: KnownEnvironment): CheckedAttachment {
  const arn = QUEUE_ARN.exec(value);
  if (arn === null) {
    const ok = QUEUE_URL.test(sample(value));
    return { attachTo: { sqsQueue: value }, problems: ok ? [] : [invalid('sqsQueue', value, path, 'a queue URL such as https://sqs.{{region}}.amazonaws.com/{{account}}/orders, or a queue ARN')] };
  }
  const [, partition = '', region = '', account = '', name = ''] = arn;
  const checks = [
    new RegExp(`^${PARTITION}$`).test(sample(partition)),
    new RegExp(`^${REGION}$`).test(sample(region)),
    /^\d{12}$/.test(sample(account)),
    new RegExp(`^${QUEUE_NAME}$`).test(sample(name)),
  ];
  if (checks.includes(false)) return { attachTo: { sqsQueue: value }, problems: [invalid('sqsQueue', value, path, 'a queue ARN is arn:<partition>:sqs:<region>:<12-digit account>:<name>; a queue name is 1–80 letters, digits, - and _')] };
  const suffix = dnsSuffix(partition, region, known);
  if (suffix === undefined) {
    return {
      attachTo: { sqsQueue: value },
      problems: [{ code: 'queue-url-unknown', message: `cannot derive the queue URL of ${JSON.stringify(value)}: its domain depends on the partition`, hint: 'write the queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>, amazonaws.com.cn in China), or give a literal partition or Region', path }],
    };
  }
  return { attachTo: { sqsQueue: `https://sqs.${region}.${suffix}/${account}/${name}` }, problems: [] };
}

/** The DNS suffix of SQS endpoints for a queue ARN's partition and Region, when it can be known. */
export function sqsDnsSuffix(partition: string): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

function dnsSuffix(partition: string, region: string, known: KnownEnvironment): string | undefined {
  const literalPartition = partition === '{{partition}}' ? known.partition : partition.includes('{{') ? undefined : partition;
  if (literalPartition !== undefined) return sqsDnsSuffix(literalPartition);
  const literalRegion = region === '{{region}}' ? known.region : region.includes('{{') ? undefined : region;
  if (literalRegion !== undefined) return sqsDnsSuffix(literalRegion.startsWith('cn-') ? 'aws-cn' : 'aws');
  return undefined;
}

function checkBucket(value: string, path: PathSegment[]): CheckedAttachment {
  const arn = BUCKET_ARN.exec(value);
  const name = arn ? arn[1]! : value;
  const problem = bucketNameProblem(sample(name));
  if (problem !== undefined) return { attachTo: { s3Bucket: value }, problems: [invalid('s3Bucket', value, path, `a bucket name or arn:{{partition}}:s3:::name; ${problem}`)] };
  return { attachTo: { s3Bucket: name }, problems: [] };
}

/** Why a text is not a valid S3 bucket name (general purpose buckets), or undefined when it is. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'bucket names are 3–63 characters';
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return 'bucket names hold lowercase letters, digits, dots and hyphens, and start and end with a letter or digit';
  if (name.includes('..')) return 'bucket names have no two adjacent dots';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'bucket names are not IP addresses';
  if (/^xn--|^sthree-|^amzn-s3-demo-|-s3alias$|--ol-s3$|\.mrap$|--x-s3$|--table-s3$/.test(name)) return 'the name uses a prefix or suffix S3 reserves';
  return undefined;
}

function sample(text: string): string {
  return text.replace(/\{\{\s*(account|region|partition)\s*\}\}/g, (_, field: string) => SAMPLES[field]!);
}

function invalid(field: string, value: string, path: PathSegment[], expected: string): PathProblem {
  return { code: 'invalid-attachment', message: `invalid ${field} ${JSON.stringify(value)}`, hint: `${field} takes ${expected}`, path };
}
