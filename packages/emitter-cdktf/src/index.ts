export { DeputyRoles, type DeputyRolesProps } from './deputy-roles.js';
export { emitTerraformJson, TF_JSON_TARGET, type TerraformJsonEmitOptions } from './emit-terraform-json.js';
export {
  CDK_PACKAGES,
  cdkModuleFor,
  loadCdkModule,
  tryLoadCdkModule,
  type CdkElement,
  type CdkModule,
  type CdkReferenceable,
  type CdkStack,
  type CdkVariableValidation,
} from './cdk-module.js';
export { modelPlan, selectModel, type ModelPlan, type ModelPlanOptions, type ModelSelection } from './model-plan.js';
export { blockAddress, type TerraformBlock, type TerraformBody, type TerraformJsonValue } from './terraform-blocks.js';
export { CURRENT_DATA_SOURCES, currentFieldExpression, type AwsProviderMajorVersion } from './environment-references.js';
export { PARAMETER_VALIDATION } from './environment-blocks.js';
export { terraformTemplate, literalTemplate, type TemplatePiece } from './terraform-template.js';
export { hasCdktfTokenShape } from './cdktf-token-markers.js';
export { UNICODE_NFC_GAP, UNICODE_NFC_NOTICE } from './unicode-normalization.js';
export { ARN_EQUALS_NOTICE } from './lambda-permission-blocks.js';
export { headerLines } from './terraform-json-document.js';
