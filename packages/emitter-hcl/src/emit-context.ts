/** What every block printer of one file shares. */
import type { LabelNamespaces } from '@deputy/terraform-plan';
import type { ReferenceContext } from './environment-references.js';
import type { HclPolicyStyle } from './hcl-emit-options.js';

/** The state of one emission: the policy style, the environment's references and the data source labels handed out so far. */
export interface EmitContext extends ReferenceContext {
  /** How policy documents are written. */
  readonly style: HclPolicyStyle;
  /** Labels of `aws_iam_policy_document` data sources taken in this file. */
  readonly labels: LabelNamespaces;
}
