/** What every block builder of one plan shares. */
import type { ReferenceContext } from './environment-references.js';
import type { LabelNamespaces } from './terraform-labels.js';

/** The state of one plan: environment, references used so far, and the labels handed out so far. */
export interface PlanContext extends ReferenceContext {
  /** Labels already taken, per namespace. */
  readonly labels: LabelNamespaces;
  /** The model's source file, named in user errors. */
  readonly source: string;
}
