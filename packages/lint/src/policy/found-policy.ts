/** A policy found in a file, with what the linter needs to report on it and to write fixes in its syntax. */
import type { IntegrationKind } from '@deputy/policy-model';
import type { Position } from '../located/position.js';
import type { Suppression } from '../suppress/suppression.js';
import type { StatementView } from './policy-view.js';

/**
 * How the policy is written, which decides how a fix is written: a JSON document (raw, or embedded in a
 * Terraform heredoc / string or a CloudFormation `Fn::Sub`, which decides how references are written),
 * CloudFormation YAML or JSON, an HCL object inside `jsonencode`, an `aws_iam_policy_document` data source
 * in HCL or `.tf.json`, or the source attributes of a Lambda permission.
 */
export type PolicySyntax =
  | { readonly kind: 'json'; readonly interpolation: 'none' | 'terraform' | 'cloudformation' }
  | { readonly kind: 'cfn-yaml' }
  | { readonly kind: 'cfn-json' }
  | { readonly kind: 'hcl-object' }
  | { readonly kind: 'hcl-policy-document' }
  | { readonly kind: 'tf-json-policy-document' }
  | { readonly kind: 'lambda-permission'; readonly format: 'hcl' | 'tf-json' | 'cfn-yaml' | 'cfn-json' };

/** Where a principal appears: a role trust policy or a resource policy. */
export type PolicyUsage = 'trust' | 'resource';

/** One policy found in a file. */
export interface FoundPolicy {
  /** The file, as displayed. */
  readonly file: string;
  /** Where in the file, e.g. `aws_iam_role.worker.assume_role_policy` or `Resources.Role.Properties.AssumeRolePolicyDocument`; empty for a raw policy file. */
  readonly label: string;
  /** How the policy is written. */
  readonly syntax: PolicySyntax;
  /** The usage the surrounding code states (a role's trust policy), when it states one. */
  readonly usage?: PolicyUsage;
  /**
   * The resource type a resource policy is attached to, when the surrounding code says
   * (`aws_s3_bucket_policy`, `AWS::SNS::TopicPolicy` …): it decides which keys the service sends.
   */
  readonly integration?: IntegrationKind;
  /** Where the policy starts. */
  readonly at: Position;
  /** The statements that could be read. */
  readonly statements: readonly StatementView[];
  /** True when some statements cannot be read statically (a `dynamic` block, `concat(…)`, `Fn::If`). */
  readonly unknownStatements: boolean;
  /** Lines of the enclosing constructs (the resource, the attribute); a suppression comment above one of them covers the policy. */
  readonly anchorLines: readonly number[];
  /** Suppressions that cover the whole policy (CloudFormation Metadata, `.tf.json` `//` comments, a JSON sidecar file). */
  readonly suppressions: readonly Suppression[];
  /**
   * The type of the resource the policy belongs to, when the syntax names one: a CloudFormation type
   * (`AWS::EC2::VPCEndpoint`) or a Terraform resource type (`aws_vpc_endpoint`). Decides what kind of
   * document it is (see `publicPrincipalScope`).
   */
  readonly resourceType?: string;
  /** Why the policy is exempt from the service-principal rules, e.g. a service-linked role path. */
  readonly exemptReason?: string;
  /** Terraform data source types the file declares, e.g. `aws_caller_identity` (fixes refer to them). */
  readonly declaredDataSources?: readonly string[];
}
