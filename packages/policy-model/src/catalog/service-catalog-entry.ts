/**
 * One AWS service principal in the catalog (version 2): who it is in every partition and Region, and, for
 * each way the service acts on a customer's behalf (an *integration*: assuming a role, writing to a bucket,
 * publishing to a topic…), which confused-deputy keys AWS documents that it sends there, in what shape, and
 * the AWS page that says so. The data lives in `packages/policy-model/catalog/services/<key>.json`, one file
 * per entry, validated against `service-catalog.schema.json` and assembled into `service-catalog.json`.
 */

/** The global condition keys that protect against the cross-service confused deputy. */
export type ConfusedDeputyKey = 'aws:SourceAccount' | 'aws:SourceArn' | 'aws:SourceOrgID' | 'aws:SourceOrgPaths';

/** Every confused-deputy key, in the order deputy writes them. */
export const CONFUSED_DEPUTY_KEYS: readonly ConfusedDeputyKey[] = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** The organisation keys: the service sends both or neither. */
export const ORGANIZATION_KEYS: readonly ConfusedDeputyKey[] = ['aws:SourceOrgID', 'aws:SourceOrgPaths'];

/** AWS partitions deputy knows. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** Every partition, in a fixed order. */
export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** Operators the catalog may choose for `aws:SourceArn`: ARN operators or StringLike for patterns, StringEquals for exact values. */
export type SourceArnOperator = 'ArnLike' | 'ArnEquals' | 'StringLike' | 'StringEquals';

/**
 * Where the service principal appears. `role-trust` is a role's trust policy (`sts:AssumeRole`); every other
 * kind is the resource policy of one resource type. `other-resource` names its resource in `resource`.
 */
export type IntegrationKind =
  | 'role-trust'
  | 's3-bucket'
  | 'sns-topic'
  | 'sqs-queue'
  | 'kms-key'
  | 'lambda-permission'
  | 'logs-resource-policy'
  | 'ecr-repository'
  | 'secretsmanager-secret'
  | 'eventbridge-bus'
  | 'other-resource';

/** Every integration kind, in the order deputy lists them. */
export const INTEGRATION_KINDS: readonly IntegrationKind[] = [
  'role-trust',
  's3-bucket',
  'sns-topic',
  'sqs-queue',
  'kms-key',
  'lambda-permission',
  'logs-resource-policy',
  'ecr-repository',
  'secretsmanager-secret',
  'eventbridge-bus',
  'other-resource',
];

/**
 * What AWS says about confused-deputy keys in one integration:
 * - `documented`: AWS documents which keys the service sends; deputy requires {@link Integration.keys}.
 * - `documented-none`: AWS documents that the service sends no usable key here (or shows the policy without
 *   one and says why); deputy adds nothing and says so.
 * - `undocumented`: AWS shows this integration but documents no key; deputy adds nothing, says so, and lint
 *   never raises an error for a missing key.
 */
export type IntegrationStatus = 'documented' | 'documented-none' | 'undocumented';

/** Where a fact comes from: an AWS documentation page, a short quote of its example, and when it was read. */
export interface Evidence {
  /** The public AWS documentation page, `https://docs.aws.amazon.com/…`. */
  readonly url: string;
  /** A short quote (at most 300 characters) of the example or sentence the fact comes from. */
  readonly quote: string;
  /** The day the page was read, `YYYY-MM-DD`. */
  readonly checked: string;
}

/** A documented `aws:SourceArn` value with its operator. */
export interface SourceArnPattern {
  /**
   * The ARN or ARN pattern with `{partition}`, `{region}` and `{account}` placeholders. A global service
   * leaves the Region field empty (`arn:{partition}:budgets::{account}:budget/*`); a service that always
   * reports one Region writes it literally (`…:cur:us-east-1:{account}:…`).
   */
  readonly pattern: string;
  /** How to compare: an ARN operator or StringLike for a pattern with `*`/`?`, StringEquals only for an exact value. */
  readonly operator: SourceArnOperator;
}

/** A narrower `aws:SourceArn` value AWS documents for one use of a service. */
export interface SourceArnAlternative extends SourceArnPattern {
  /** When to use it instead of the default, e.g. `roles used only by training jobs`. */
  readonly use: string;
}

/** One way a service acts on a customer's behalf, and what AWS documents about its confused-deputy keys there. */
export interface Integration {
  /** The policy the principal appears in: a role trust or one resource type's policy. */
  readonly kind: IntegrationKind;
  /** The resource, when {@link kind} is `other-resource`, e.g. `AWS Glue Data Catalog`. */
  readonly resource?: string;
  /** What the service does here, e.g. `delivers trail log files to the bucket`. */
  readonly use: string;
  /** Whether AWS documents the keys the service sends here. */
  readonly status: IntegrationStatus;
  /**
   * The keys deputy requires, exactly as AWS documents them (requiring a key the service does not send
   * denies the service itself). Present, non-empty, only when {@link status} is `documented`.
   */
  readonly keys?: readonly ConfusedDeputyKey[];
  /** Keys the service also sends here that AWS documents as optional; a user may add them. */
  readonly optionalKeys?: readonly ConfusedDeputyKey[];
  /**
   * Whether the service sends `aws:SourceOrgID` / `aws:SourceOrgPaths` here: `sent` (organisation-wide
   * conditions work), `not-sent` (AWS documents they are absent, so they would deny the service). Absent:
   * AWS says nothing.
   */
  readonly organizationKeys?: 'sent' | 'not-sent';
  /** The default `aws:SourceArn` at the documented granularity; present when `aws:SourceArn` is a required or optional key. */
  readonly sourceArn?: SourceArnPattern;
  /** Narrower `aws:SourceArn` values AWS documents for particular uses. */
  readonly sourceArnAlternatives?: readonly SourceArnAlternative[];
  /** Actions a role trust must allow (`role-trust` only), e.g. `sts:AssumeRole`, `sts:TagSession`. */
  readonly trustActions?: readonly string[];
  /** What AWS documents, when {@link status} is not `documented`: printed as a notice and a comment. */
  readonly reason?: string;
  /** The pages these facts come from; required unless {@link status} is `undocumented` (then it shows the page that shows the policy). */
  readonly evidence: readonly Evidence[];
}

/** One catalog entry: a service principal (with its other forms) and its integrations. */
export interface ServiceCatalogEntry {
  /** Short key used on the command line and in definitions, e.g. `personalize`. */
  readonly key: string;
  /** The service's display name, e.g. `Amazon Personalize`. */
  readonly name: string;
  /** Other names `--service` accepts, e.g. `lambda-edge` for `edgelambda.amazonaws.com`. */
  readonly aliases?: readonly string[];
  /** The service principal in the `aws` partition, e.g. `personalize.amazonaws.com`. */
  readonly principal: string;
  /** Other principals of the same entry that `--service` accepts (e.g. `transcribe.streaming.amazonaws.com`). */
  readonly alternatePrincipals?: readonly string[];
  /**
   * The principal in other partitions, from AWS documentation: a lookup, never built by appending `.cn`.
   * A partition missing here uses {@link principal}.
   */
  readonly partitionPrincipals?: { readonly [partition in Exclude<Partition, 'aws'>]?: string };
  /**
   * A Region-specific principal form such as `logs.{region}.amazonaws.com`. `required: true`: the service
   * only works with the regional form and deputy writes it whenever the Region is known. `optInRegions:
   * true`: the regional form is needed in Regions that are disabled by default (GuardDuty, SNS). Otherwise
   * the form is recognised and the global principal is the default.
   */
  readonly regionalPrincipal?: { readonly pattern: string; readonly required: boolean; readonly optInRegions?: boolean };
  /** The service's integrations; the first `role-trust` (or first overall) is the default for `snippet`. */
  readonly integrations: readonly Integration[];
  /** The main AWS page for this service's confused-deputy guidance (or its role page). */
  readonly documentation: string;
  /** Anything a user should know, printed by `deputy services`. */
  readonly notes?: string;
}
