/**
 * The `aws_iam_policy_document` data sources an HCL file declares in the policy-document style. Their labels
 * are handed out while printing (a document that data source would change stays `jsonencode` and gets none),
 * not by the plan, so a directory's Terraform address check asks here for them: two definitions whose
 * documents would meet at one `data.aws_iam_policy_document.<label>` are refused like any other address.
 */
import type { DeputyModel } from '@deputy/policy-model';
import { LabelNamespaces, planTerraform } from '@deputy/terraform-plan';
import type { EmitContext } from './emit-context.js';
import { resolveHclOptions, type HclEmitOptions } from './hcl-emit-options.js';
import { POLICY_DOCUMENT_DATA_SOURCE } from './policy-document-data-source.js';
import { hclBlocks } from './plan-printing.js';

/** `data.aws_iam_policy_document.<label>` for every data source `emitHcl` writes for the model with these options; none in the jsonencode style. */
export function policyDocumentDataAddresses(model: DeputyModel, options?: HclEmitOptions): string[] {
  const resolved = resolveHclOptions(options);
  if (resolved.style !== 'policy-document') return [];
  const plan = planTerraform(model, { awsProviderMajorVersion: resolved.awsProviderMajorVersion });
  const context: EmitContext = { environment: model.environment, references: plan.references, style: resolved.style, labels: new LabelNamespaces() };
  return hclBlocks(plan.blocks, context)
    .filter((block) => block.type === 'data' && block.labels[0] === POLICY_DOCUMENT_DATA_SOURCE)
    .map((block) => `data.${POLICY_DOCUMENT_DATA_SOURCE}.${block.labels[1]}`);
}
