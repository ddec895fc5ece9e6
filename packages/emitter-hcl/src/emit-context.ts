/** What every block builder of one file shares. */
import type { ReferenceContext } from './environment-references.js';
import type { HclPolicyStyle } from './hcl-emit-options.js';
import type { LabelNamespaces } from './hcl-label.js';

/** The state of one emission: options, environment and the labels handed out so far. */
export interface EmitContext extends ReferenceContext {
  /** How policy documents are written. */
  readonly style: HclPolicyStyle;
  /** Labels already taken in this file, per namespace. */
  readonly labels: LabelNamespaces;
}
