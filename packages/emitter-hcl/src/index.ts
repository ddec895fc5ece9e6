export { emitHcl, emitHclDeclarations, emitHclDirectory, defaultHclTemplates, HCL_TARGET, HCL_DECLARATIONS_PATH } from './hcl-emitter.js';
export { policyDocumentDataAddresses } from './policy-document-addresses.js';
export type { HclEmitOptions, HclPolicyStyle, AwsProviderMajorVersion, DeclarationPlacement } from './hcl-emit-options.js';
export { escapeHclStringText, hclQuotedString } from './hcl-string.js';
export { snakeCaseLabel, PARAMETER_VALIDATION } from '@deputy/terraform-plan';
export {
  POLICY_DOCUMENT_GAPS,
  policyDocumentGaps,
  meaningChangingGaps,
  type PolicyDocumentGap,
  type PolicyDocumentGapName,
} from './policy-document-gaps.js';
export { UNICODE_NFC_GAP, UNICODE_NFC_COMMENT, terraformChangesText } from './unicode-normalization.js';
