/** What reading one file yields: the policies found, and embedded policies that could not be parsed. */
import type { Position } from '../located/position.js';
import type { FoundPolicy } from '../policy/found-policy.js';
import type { Suppression } from '../suppress/suppression.js';

/** A policy-like text that is not valid JSON (a heredoc or string mentioning `Statement`). */
export interface UnreadablePolicy {
  /** The file, as displayed. */
  readonly file: string;
  /** Where the parser stopped. */
  readonly at: Position;
  /** Where in the file the text is, e.g. `aws_iam_role.worker.assume_role_policy`. */
  readonly label: string;
  /** What the parser reported. */
  readonly message: string;
}

/** Something read leniently, as AWS's own readers read it (a duplicate YAML key keeps its last value). */
export interface ScanNotice {
  /** Stable code, e.g. `yaml-duplicate-key`. */
  readonly code: string;
  /** The file, as displayed. */
  readonly file: string;
  /** Where. */
  readonly at: Position;
  /** What was read and how. */
  readonly message: string;
}

/** The result of reading one file. */
export interface SourceScan {
  /** Every policy found, in source order. */
  readonly policies: readonly FoundPolicy[];
  /** Embedded policy texts that could not be parsed. */
  readonly unreadable: readonly UnreadablePolicy[];
  /** Suppression comments in the file, matched against findings by line. */
  readonly suppressions: readonly Suppression[];
  /** Things read leniently, reported as notes (absent: none). */
  readonly notices?: readonly ScanNotice[];
  /** Set when the file turned out not to be infrastructure code (e.g. a multi-document YAML stream): why. */
  readonly notInfrastructure?: string;
}
