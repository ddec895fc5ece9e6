/**
 * One AWS service in the catalog: which principal it acts as, which confused-deputy keys AWS documents for
 * it, and how to write them. The data lives in `service-catalog.json` (validated against
 * `service-catalog.schema.json`); this file is its type.
 */

/** The global condition keys that protect against the cross-service confused deputy. */
export type ConfusedDeputyKey = 'aws:SourceAccount' | 'aws:SourceArn' | 'aws:SourceOrgID';

/** Every confused-deputy key, in the order deputy writes them. */
export const CONFUSED_DEPUTY_KEYS: readonly ConfusedDeputyKey[] = ['aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID'];

/** AWS partitions deputy knows. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** Every partition, in a fixed order. */
export const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov'];

/** Operators the catalog may choose for `aws:SourceArn`: ARN operators or StringLike for patterns, StringEquals for exact values. */
export type SourceArnOperator = 'ArnLike' | 'ArnEquals' | 'StringLike' | 'StringEquals';

/** Where a service principal appears. */
export type PrincipalUsage = 'trust' | 'resource';

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

/** One catalog entry. */
export interface ServiceCatalogEntry {
  /** Short key used on the command line and in definitions, e.g. `personalize`. */
  readonly key: string;
  /** The service's display name, e.g. `Amazon Personalize`. */
  readonly name: string;
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
   * A Region-specific principal form such as `logs.{region}.amazonaws.com`. When `required` is true the
   * service only works with the regional form, and deputy uses it by default; otherwise the form exists
   * (for example for opt-in Regions) and is recognised, but the global principal is the default.
   */
  readonly regionalPrincipal?: { readonly pattern: string; readonly required: boolean };
  /**
   * The confused-deputy keys AWS documents for this service, which deputy requires: exactly these, because
   * requiring a key the service does not send denies the service itself. Empty means AWS documents none.
   */
  readonly keys: readonly ConfusedDeputyKey[];
  /**
   * Keys the service also sends, which AWS documents as optional for it (e.g. `aws:SourceArn` for AWS
   * Config). deputy does not require them by default; a user may add them without breaking the service.
   */
  readonly optionalKeys?: readonly ConfusedDeputyKey[];
  /**
   * The keys AWS documents for this principal in resource policies, when they differ from {@link keys}
   * (which then apply to role trust policies only). Absent means {@link keys} everywhere.
   */
  readonly resourcePolicyKeys?: readonly ConfusedDeputyKey[];
  /**
   * True when AWS documents that this principal does not send `aws:SourceOrgID` / `aws:SourceOrgPaths`, so
   * organisation-wide conditions would deny the service (AWS Config).
   */
  readonly ignoresOrganizationKeys?: boolean;
  /** Why there are no keys, when {@link keys} is empty: printed as a comment in generated output. */
  readonly noKeysReason?: string;
  /**
   * The default `aws:SourceArn` value at the documented granularity, and the operator to compare it with.
   * Present whenever `aws:SourceArn` is among {@link keys}, {@link optionalKeys} or {@link resourcePolicyKeys}.
   */
  readonly sourceArn?: SourceArnPattern;
  /** Narrower `aws:SourceArn` values AWS documents for particular uses of the service. */
  readonly sourceArnAlternatives?: readonly SourceArnAlternative[];
  /** Actions a trust policy for this service must allow, e.g. `sts:AssumeRole`, `sts:TagSession`. */
  readonly trustActions: readonly string[];
  /** Whether the principal appears in role trust policies, resource policies, or both. */
  readonly usage: readonly PrincipalUsage[];
  /** The public AWS documentation page these facts come from. */
  readonly documentation: string;
  /** Further AWS documentation pages for facts of this entry (other principals, resource policies). */
  readonly relatedDocumentation?: readonly string[];
  /** Anything a user should know, printed by `deputy services`. */
  readonly notes?: string;
}
