export { emitHcl, defaultHclTemplates, HCL_TARGET } from './hcl-emitter.js';
export type { HclEmitOptions, HclPolicyStyle, AwsProviderMajorVersion } from './hcl-emit-options.js';
export { escapeHclStringText, hclQuotedString } from './hcl-string.js';
export { snakeCaseLabel } from './hcl-label.js';
export {
  POLICY_DOCUMENT_GAPS,
  policyDocumentGaps,
  meaningChangingGaps,
  type PolicyDocumentGap,
  type PolicyDocumentGapName,
} from './policy-document-gaps.js';
export { PARAMETER_VALIDATION } from './environment-blocks.js';
export { UNICODE_NFC_GAP, UNICODE_NFC_COMMENT, terraformChangesText } from './unicode-normalization.js';
