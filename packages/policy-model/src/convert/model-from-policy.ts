/**
 * `convert` reads an existing IAM policy and wraps it, unchanged, in a model: a role for a trust policy, a
 * bare document for a resource policy. It is faithful: it never adds or drops anything, and only warns
 * about confused-deputy gaps.
 */
import { locateProblems } from '../load/locate-problems.js';
import { baseNameOf } from '../load/load-definition.js';
import { readSourceFile } from '../load/read-source-file.js';
import { parseSourceText } from '../load/source-document.js';
import type { DeputyModel } from '../model/model.js';
import { confusedDeputyGaps } from '../normalize/confused-deputy-gaps.js';
import { identifierFrom } from '../normalize/identifiers.js';
import { listOf, statementsOf, type LiteralPolicyDocument } from '../policy/policy-document.js';
import { validatePolicyDocument } from '../policy/validate-policy.js';
import { DeputyInputError } from '../problems.js';

/** What kind of policy a converted document is. */
export type PolicyKind = 'trust' | 'resource';

/** Options for {@link convertPolicyText}. */
export interface ConvertOptions {
  /** Trust or resource policy; guessed from the document when omitted. */
  readonly kind?: PolicyKind;
  /** The role or policy name; defaults to the file's base name. */
  readonly name?: string;
}

/** A converted policy: the model to emit and warnings for stderr. */
export interface ConvertedPolicy {
  /** The model holding the document exactly as read. */
  readonly model: DeputyModel;
  /** The document as read. */
  readonly document: LiteralPolicyDocument;
  /** The kind used. */
  readonly kind: PolicyKind;
  /** Confused-deputy gaps and similar remarks, formatted for stderr. */
  readonly warnings: readonly string[];
}

/** Reads and converts a policy file (`-` for standard input). */
export function convertPolicyFile(file: string, options: ConvertOptions = {}): ConvertedPolicy {
  return convertPolicyText(readSourceFile(file), file === '-' ? '<stdin>' : file, options);
}

/** Checks a policy against the IAM grammar and wraps it in a model. */
export function convertPolicyText(text: string, file: string, options: ConvertOptions = {}): ConvertedPolicy {
  const source = parseSourceText(text, file);
  const problems = validatePolicyDocument(source.value);
  if (problems.length > 0) throw new DeputyInputError(locateProblems(source, problems));
  const document = source.value as LiteralPolicyDocument;
  const kind = options.kind ?? guessKind(document);
  const baseName = file === '<stdin>' ? 'policy' : baseNameOf(file);
  const name = options.name ?? baseName;
  const id = identifierFrom(name);
  const model: DeputyModel = {
    source: file,
    baseName,
    environment: { account: { kind: 'current' }, region: { kind: 'current' }, partition: { kind: 'current' } },
    roles: kind === 'trust' ? [{ name, id, trustPolicy: document, inlinePolicies: [], managedPolicyArns: [], tags: [], notices: [] }] : [],
    resourcePolicies: kind === 'resource' ? [{ name, id, attachment: { type: 'document' }, document, notices: [] }] : [],
  };
  const warnings = confusedDeputyGaps(document)
    .filter((gap) => !gap.exempt)
    .map((gap) => {
      const location = source.locate(Array.isArray(document.Statement) ? ['Statement', gap.statementIndex] : ['Statement']);
      return `warning: ${location.file}:${location.line}:${location.column}: statement ${gap.statementIndex + 1}${gap.sid ? ` (${gap.sid})` : ''} trusts ${gap.principal} without aws:SourceAccount, aws:SourceArn or aws:SourceOrgID (confused deputy; converted unchanged)`;
    });
  return { model, document, kind, warnings };
}

const TRUST_ACTION = /^sts:(AssumeRole\w*|TagSession|SetSourceIdentity|SetContext|\*)$/i;

/** A trust policy allows only sts:AssumeRole-family actions and names no Resource. */
export function guessKind(document: LiteralPolicyDocument): PolicyKind {
  const statements = statementsOf(document);
  const trustLike = statements.every(
    (statement) => statement.Resource === undefined && statement.NotResource === undefined && statement.Principal !== undefined && listOf(statement.Action).every((action) => TRUST_ACTION.test(action)) && statement.NotAction === undefined,
  );
  return trustLike ? 'trust' : 'resource';
}
