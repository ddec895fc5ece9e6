/**
 * Catalog ARN patterns: `{partition}`, `{region}` and `{account}` placeholders expanded to literal text, and
 * ARNs split into their six colon-delimited fields.
 */
import type { Partition } from './service-catalog-entry.js';

/** Literal values for the placeholders of a catalog pattern. */
export interface PatternValues {
  /** Replaces `{partition}`. */
  readonly partition: Partition | string;
  /** Replaces `{region}`. */
  readonly region: string;
  /** Replaces `{account}`. */
  readonly account: string;
}

/** The six fields of an ARN; `resource` keeps any colons of the resource part. */
export interface ArnFields {
  /** Always `arn`. */
  readonly prefix: string;
  /** `aws`, `aws-cn`, `aws-us-gov`, … */
  readonly partition: string;
  /** The service namespace, e.g. `sagemaker`. */
  readonly service: string;
  /** The Region; empty for global services and S3 buckets. */
  readonly region: string;
  /** The account ID; empty for S3 buckets. */
  readonly account: string;
  /** Everything after the fifth colon. */
  readonly resource: string;
}

/** The partition a Region belongs to, by its name. */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** A representative Region of each partition, for examples and scenarios. */
export const DEFAULT_REGIONS: { readonly [partition in Partition]: string } = {
  aws: 'us-east-1',
  'aws-cn': 'cn-north-1',
  'aws-us-gov': 'us-gov-west-1',
};

/** Replaces every `{partition}`, `{region}` and `{account}` of a catalog pattern with literal text. */
export function expandArnPattern(pattern: string, values: PatternValues): string {
  return pattern.replace(/\{(partition|region|account)\}/g, (_, field: keyof PatternValues) => values[field]);
}

/** Splits an ARN into its fields; undefined when it does not start with `arn:` or has fewer than six fields. */
export function splitArn(arn: string): ArnFields | undefined {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [prefix, partition, service, region, account] = parts as [string, string, string, string, string];
  return { prefix, partition, service, region, account, resource: parts.slice(5).join(':') };
}

/** Joins ARN fields back into an ARN. */
export function joinArn(fields: ArnFields): string {
  return [fields.prefix, fields.partition, fields.service, fields.region, fields.account, fields.resource].join(':');
}
