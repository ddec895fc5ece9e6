/**
 * The normalised model every emitter consumes. It is plain data, produced once by `normalizeDefinition`
 * (or `modelFromPolicy` for `convert`): confused-deputy conditions, principal forms, operators and ordering
 * are already decided, so an emitter only prints. Emitters never re-validate it.
 */
import type { PolicyDocument } from '../policy/policy-document.js';
import type { Environment, EnvironmentField, PolicyString } from './value.js';

/** A normalised model: the roles and resource policies of one definition file. */
export interface DeputyModel {
  /** The definition (or policy) file the model came from, as given on the command line; printed in headers. */
  readonly source: string;
  /** Base name for output files (the source file name without directory and extension). */
  readonly baseName: string;
  /** The account, Region and partition the policies refer to. */
  readonly environment: Environment;
  /** Roles, in definition order. */
  readonly roles: readonly RoleModel[];
  /** Resource policies, in definition order. */
  readonly resourcePolicies: readonly ResourcePolicyModel[];
}

/** One IAM role. */
export interface RoleModel {
  /** The IAM role name. */
  readonly name: string;
  /** Stable identifier for generated labels and logical IDs, derived from the name (`[A-Za-z0-9_-]`). */
  readonly id: string;
  /** The role description. */
  readonly description?: string;
  /** The IAM path, e.g. `/service-role/`. */
  readonly path?: string;
  /** Maximum session duration in seconds (3600–43200). */
  readonly maxSessionDuration?: number;
  /** ARN of the managed policy used as permissions boundary. */
  readonly permissionsBoundary?: PolicyString;
  /** The trust (assume-role) policy. */
  readonly trustPolicy: PolicyDocument;
  /** Inline permission policies, in order. */
  readonly inlinePolicies: readonly InlinePolicyModel[];
  /** Managed policy ARNs attached to the role, in order. */
  readonly managedPolicyArns: readonly PolicyString[];
  /** Tags, in order. */
  readonly tags: readonly Tag[];
  /** Remarks emitters print as comments next to the role (e.g. a documented absence of confused-deputy keys). */
  readonly notices: readonly string[];
  /** Services trusted without confused-deputy conditions by the definition's explicit decision. */
  readonly waivers?: readonly WaiverRecord[];
  /**
   * The reason of the definition's waiver for the whole trust policy (`waiver:` next to `trustPolicy`): it
   * also covers conditions that deputy's judgement finds weak, not only statements without any.
   */
  readonly policyWaiver?: string;
}

/** A service trusted without confused-deputy conditions, and why. */
export interface WaiverRecord {
  /** The service as the definition names it (catalog key or principal), or the principal in a raw policy. */
  readonly service: string;
  /** The reason the definition records. */
  readonly reason: string;
}

/** An inline policy of a role. */
export interface InlinePolicyModel {
  /** The policy name, unique within the role. */
  readonly name: string;
  /** Stable identifier derived from the name. */
  readonly id: string;
  /** The policy document. */
  readonly document: PolicyDocument;
}

/** A resource tag. */
export interface Tag {
  /** Tag key. */
  readonly key: string;
  /** Tag value. */
  readonly value: string;
}

/** A resource-based policy and the resource it is attached to. */
export interface ResourcePolicyModel {
  /** The policy's name in the definition (used for file names, labels and logical IDs). */
  readonly name: string;
  /** Stable identifier derived from the name. */
  readonly id: string;
  /** What the policy is attached to. */
  readonly attachment: ResourceAttachment;
  /** The policy document. */
  readonly document: PolicyDocument;
  /** Remarks emitters print as comments next to the policy. */
  readonly notices: readonly string[];
  /** Service principals trusted without confused-deputy conditions by the definition's explicit decision. */
  readonly waivers?: readonly WaiverRecord[];
  /** The reason of the definition's waiver for the whole document: it also covers conditions the judgement finds weak. */
  readonly policyWaiver?: string;
}

/**
 * Where a resource policy goes. `document` means the target prints the policy document alone (a Terraform
 * policy-document data source with an output, a CloudFormation Output, a JSON file).
 */
export type ResourceAttachment =
  /** An S3 bucket policy (`aws_s3_bucket_policy`, `AWS::S3::BucketPolicy`). */
  | { readonly type: 's3-bucket'; /** Bucket name. */ readonly bucket: PolicyString }
  /** An SNS topic policy (`aws_sns_topic_policy`, `AWS::SNS::TopicPolicy`). */
  | { readonly type: 'sns-topic'; /** Topic ARN. */ readonly topicArn: PolicyString }
  /** An SQS queue policy (`aws_sqs_queue_policy`, `AWS::SQS::QueuePolicy`). */
  | { readonly type: 'sqs-queue'; /** Queue URL. */ readonly queueUrl: PolicyString }
  /**
   * Lambda permissions (`aws_lambda_permission`, `AWS::Lambda::Permission`): one per statement. The
   * normaliser guarantees each statement is an Allow with one service or account principal, one action,
   * no NotX fields, and only `aws:SourceArn` (ArnLike/ArnEquals) and `aws:SourceAccount` (StringEquals) conditions.
   */
  | { readonly type: 'lambda-permission'; /** Function name or ARN. */ readonly functionName: PolicyString }
  /** The document alone. */
  | { readonly type: 'document' };

/** The kinds of {@link ResourceAttachment}. */
export type ResourceAttachmentType = ResourceAttachment['type'];

/** The environment fields a model refers to through references or parameters, for declaring data sources once. */
export type UsedEnvironment = ReadonlySet<EnvironmentField>;
