/** What every block builder of one plan shares. */
import type { EnvironmentReferences } from './environment-references.js';
import type { LabelNamespaces } from './terraform-labels.js';

/** The state of one plan: how environment fields are written, and the labels handed out so far. */
export interface PlanContext {
  /** What each environment field becomes inside a string. */
  readonly references: EnvironmentReferences;
  /** Labels already taken, per namespace. */
  readonly labels: LabelNamespaces;
}
