/**
 * Chooses how one policy document is written: `jsonencode({ … })` in place, or a policy document data
 * source referenced by its `.json` — unless that data source would change the document's meaning, in which
 * case the document falls back to `jsonencode` under a comment naming the gaps.
 */
import type { PolicyDocument } from '@deputy/policy-model';
import type { EmitContext } from './emit-context.js';
import { traversal, type HclBlock, type HclExpression } from './hcl-syntax.js';
import { meaningChangingGaps, type PolicyDocumentGap } from './policy-document-gaps.js';
import { policyDocumentDataBlock, policyDocumentJsonPath, POLICY_DOCUMENT_DATA_SOURCE } from './policy-document-data-source.js';
import { jsonencodeExpression } from './policy-jsonencode.js';

/** A document ready to be placed in a `policy`-like attribute. */
export interface RenderedPolicy {
  /** The attribute value: `jsonencode({ … })` or `data.aws_iam_policy_document.<label>.json`. */
  readonly value: HclExpression;
  /** The data source to print before the resource that uses it (policy-document style only). */
  readonly dataSource?: HclBlock;
  /** Comment lines for the attribute, set when the document fell back to `jsonencode`. */
  readonly comments: readonly string[];
}

/** Renders a document in the context's style; `labelBase` names its data source when one is used. */
export function renderPolicy(document: PolicyDocument, labelBase: string, context: EmitContext): RenderedPolicy {
  if (context.style === 'jsonencode') return { value: jsonencodeExpression(document, context), comments: [] };
  const gaps = meaningChangingGaps(document, context);
  if (gaps.length > 0) return { value: jsonencodeExpression(document, context), comments: [fallbackComment(gaps)] };
  const label = context.labels.claim(`data.${POLICY_DOCUMENT_DATA_SOURCE}`, labelBase);
  return {
    value: traversal(policyDocumentJsonPath(label)),
    dataSource: policyDocumentDataBlock(label, document, context),
    comments: [],
  };
}

/** The comment above a document written with `jsonencode` although the policy-document style was asked for. */
export function fallbackComment(gaps: readonly PolicyDocumentGap[]): string {
  return [
    'Written with jsonencode: aws_iam_policy_document would change this policy.',
    ...gaps.map((gap) => `- ${gap.name}: ${gap.description}.`),
  ].join('\n');
}
