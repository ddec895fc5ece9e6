export { DeputyRoles, type DeputyRolesProps } from './deputy-roles.js';
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
export { selectModel, type ModelSelection } from './model-selection.js';
export { CDKTF_TEXT_GUARD, literalOnlyText } from './cdktf-text-guard.js';
export { hasCdktfTokenShape } from './cdktf-token-markers.js';
