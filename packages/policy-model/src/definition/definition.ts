/**
 * The canonical definition format: what a user writes in YAML or JSON. `definition-schema.ts` is its JSON
 * Schema (same fields, same descriptions); `normalizeDefinition` turns it into a {@link DeputyModel}.
 *
 * Strings inside policies, ARNs and the bucket/topic/queue/function fields may contain `{{account}}`,
 * `{{region}}` and `{{partition}}`, which each target writes as its native reference.
 */
import type { ConditionBlock, LiteralPolicyDocument } from '../policy/policy-document.js';
import type { TrustedAccountDefinition, TrustedFederationDefinition } from './federated-trust.js';

/** A whole definition file. */
export interface Definition {
  /** The JSON Schema the file follows (for editors); ignored by deputy. */
  readonly $schema?: string;
  /** The definition format version; only 1 exists. */
  readonly version?: 1;
  /** The AWS account: a 12-digit string, `current`, or `{ parameter: Name }`. Default `current`. */
  readonly account?: EnvironmentSetting;
  /** The AWS Region: e.g. `us-east-1`, `current`, or `{ parameter: Name }`. Default `current`. */
  readonly region?: EnvironmentSetting;
  /** The AWS partition: `aws`, `aws-cn`, `aws-us-gov`, `current`, or `{ parameter: Name }`. Default `current`. */
  readonly partition?: EnvironmentSetting;
  /** IAM roles. */
  readonly roles?: readonly RoleDefinition[];
  /** Resource-based policies (bucket, topic, queue, Lambda, or a bare document). */
  readonly resourcePolicies?: readonly ResourcePolicyDefinition[];
  /**
   * Custom placeholders (`{{env}}`, `{{team}}`) usable in every string of the definition, names included, by
   * name. Each takes its value from `--set name=…`, the chosen environment's `values`, or its `default`.
   */
  readonly placeholders?: Readonly<Record<string, PlaceholderDeclaration>>;
  /**
   * Named environments (`dev`, `prod`) chosen with `--env <name>`: each replaces the account, Region and
   * partition written above and gives placeholder values.
   */
  readonly environments?: Readonly<Record<string, EnvironmentDefinition>>;
}

/** A custom placeholder: its type, an optional pattern its value must match, and an optional default. */
export interface PlaceholderDeclaration {
  /** The value's type: `string` (any text) or `integer` (digits). */
  readonly type: 'string' | 'integer';
  /** A regular expression the whole value must match, e.g. `^(dev|prod)$`. */
  readonly pattern?: string;
  /** The value used when neither `--set` nor the environment gives one. */
  readonly default?: string | number;
  /** What the placeholder stands for; shown in errors. */
  readonly description?: string;
}

/** One named environment. */
export interface EnvironmentDefinition {
  /** The account in this environment; replaces the top-level `account`. */
  readonly account?: EnvironmentSetting;
  /** The Region in this environment; replaces the top-level `region`. */
  readonly region?: EnvironmentSetting;
  /** The partition in this environment; replaces the top-level `partition`. */
  readonly partition?: EnvironmentSetting;
  /** Values of custom placeholders in this environment, by name. */
  readonly values?: Readonly<Record<string, string | number>>;
}

/** How a definition sets the account, Region or partition. */
export type EnvironmentSetting = string | ParameterSetting;

/** A named input: a Terraform variable or a CloudFormation Parameter. */
export interface ParameterSetting {
  /** The parameter name (letters and digits, starting with a letter), e.g. `AccountId`. */
  readonly parameter: string;
  /** Text shown to whoever supplies the value. */
  readonly description?: string;
}

/** One IAM role. */
export interface RoleDefinition {
  /** The role name (1–64 characters of `[\w+=,.@-]`). */
  readonly name: string;
  /** The role description (IAM allows tab, newline and the characters U+0020–U+007E and U+00A1–U+00FF). */
  readonly description?: string;
  /** The IAM path, starting and ending with `/`. */
  readonly path?: string;
  /** Maximum session duration in seconds, 3600–43200. */
  readonly maxSessionDuration?: number;
  /** ARN of the managed policy that bounds the role's permissions. */
  readonly permissionsBoundary?: string;
  /** The AWS services allowed to assume the role; each gets its confused-deputy conditions from the catalog. */
  readonly trustedServices?: readonly TrustedServiceDefinition[];
  /** Federated identities allowed to assume the role (GitHub Actions, GitLab, EKS service accounts, OIDC, SAML). */
  readonly trustedFederation?: readonly TrustedFederationDefinition[];
  /** Other AWS accounts, or some of their roles, allowed to assume the role. */
  readonly trustedAccounts?: readonly TrustedAccountDefinition[];
  /** A complete trust policy instead of `trustedServices`, for principals the model does not cover. */
  readonly trustPolicy?: LiteralPolicyDocument;
  /** A reason to accept service principals without confused-deputy conditions in `trustPolicy`. */
  readonly waiver?: Waiver;
  /** Managed policy ARNs to attach, in order. */
  readonly managedPolicyArns?: readonly string[];
  /** Inline permission policies, in order. */
  readonly inlinePolicies?: readonly InlinePolicyDefinition[];
  /** Tags as key → value, in order (IAM allows letters, digits, spaces and `_ . : / = + - @`). */
  readonly tags?: Readonly<Record<string, string>>;
}

/** One AWS service trusted by a role. */
export interface TrustedServiceDefinition {
  /** A catalog key (`personalize`) or a service principal (`personalize.amazonaws.com`, `logs.us-east-1.amazonaws.com`). */
  readonly service: string;
  /**
   * Replaces the catalog's `aws:SourceArn` value: one ARN or ARN pattern, or a list (any of them). Use it to
   * narrow to specific resources, e.g. `arn:{{partition}}:states:{{region}}:{{account}}:stateMachine:orders`.
   */
  readonly sourceArn?: string | readonly string[];
  /**
   * Replaces the account in `aws:SourceAccount`: the account the service acts from, when that differs from
   * the role's account (cross-account delivery). Defaults to the definition's account.
   */
  readonly sourceAccount?: string;
  /**
   * Requires the calling resource to belong to this AWS Organization (`aws:SourceOrgID`, StringEquals). Where
   * the catalog records that the service sends the organization keys here, it replaces the catalog's
   * `aws:SourceAccount` / `aws:SourceArn` (an organization-wide trust); elsewhere it is added to them.
   */
  readonly sourceOrgId?: string;
  /** Requires the calling resource's organization path (`aws:SourceOrgPaths`, ForAnyValue:StringLike); replaces the account keys as `sourceOrgId` does. */
  readonly sourceOrgPaths?: readonly string[];
  /** Actions to allow in addition to the catalog's trust actions (e.g. `sts:TagSession`). */
  readonly extraActions?: readonly string[];
  /** Further conditions, appended after the confused-deputy conditions. */
  readonly conditions?: ConditionBlock<string>;
  /** Trust the service without confused-deputy conditions, with a reason recorded in the output. */
  readonly waiver?: Waiver;
}

/** An explicit decision to go without confused-deputy conditions. */
export interface Waiver {
  /** Why the protection is not needed or not possible; printed in the output. */
  readonly reason: string;
}

/** An inline permission policy. */
export interface InlinePolicyDefinition {
  /** The policy name, unique within the role. */
  readonly name: string;
  /** The policy document. */
  readonly document: LiteralPolicyDocument;
}

/** A resource-based policy. */
export interface ResourcePolicyDefinition {
  /** A name, unique in the definition, used for files, labels and logical IDs. */
  readonly name: string;
  /** What the policy is attached to; omitted means the document alone. */
  readonly attachTo?: AttachmentDefinition;
  /** The policy document; optional when `grants` write every statement. */
  readonly document?: LiteralPolicyDocument;
  /**
   * AWS services granted access to the resource. deputy writes one statement per grant, with the service
   * principal and the confused-deputy conditions the catalog documents for this integration (an S3 bucket,
   * SNS topic, SQS queue or Lambda function, from `attachTo`), after the statements of `document`.
   */
  readonly grants?: readonly ServiceGrantDefinition[];
  /** A reason to accept service-principal statements without confused-deputy conditions. */
  readonly waiver?: Waiver;
}

/** One AWS service granted access to a resource, with its conditions from the catalog. */
export interface ServiceGrantDefinition {
  /** A catalog key (cloudtrail) or a service principal (cloudtrail.amazonaws.com). */
  readonly service: string;
  /** The actions the service may perform, e.g. `s3:PutObject` or `sns:Publish`. */
  readonly actions: string | readonly string[];
  /** The resources; default: the attached resource (the bucket and its objects, the topic, the queue, the function). */
  readonly resources?: string | readonly string[];
  /** Replaces the catalog's aws:SourceArn value for this integration: one ARN or pattern, or a list. */
  readonly sourceArn?: string | readonly string[];
  /** The account the service acts from, when it is not the resource's account (cross-account delivery). */
  readonly sourceAccount?: string;
  /** The statement's Sid. */
  readonly sid?: string;
}

/** The resource a policy is attached to: exactly one field. */
export interface AttachmentDefinition {
  /** An S3 bucket name (3–63 characters, S3's naming rules), or a bucket ARN, which gives the name. */
  readonly s3Bucket?: string;
  /** An SNS topic ARN. */
  readonly snsTopic?: string;
  /** An SQS queue URL, or a queue ARN from which the URL is derived (`https://sqs.<region>.amazonaws.com/<account>/<name>`, `amazonaws.com.cn` in China). */
  readonly sqsQueue?: string;
  /** A Lambda function name, partial ARN (`123456789012:function:name`) or ARN; each statement becomes one permission. */
  readonly lambdaFunction?: string;
}
