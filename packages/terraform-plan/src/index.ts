export { directoryEntry, planTerraform, plannedAddresses, type DirectoryEntry, type TerraformPlan, type TerraformPlanOptions } from './plan-model.js';
export {
  planBlockAddress,
  addressInNamespace,
  type PlanArgument,
  type PlanBlock,
  type PlanLocal,
  type PlanOutput,
  type PlanProviderRequirement,
  type PlanResource,
  type PlanTerraformSettings,
  type PlanVariable,
} from './plan-blocks.js';
export {
  literal,
  literalTexts,
  numberValue,
  reference,
  textOf,
  textOrReference,
  type PlanMap,
  type PlanMapEntry,
  type PlanNumber,
  type PlanPolicy,
  type PlanReference,
  type PlanText,
  type PlanTextPart,
  type PlanValue,
} from './plan-values.js';
export {
  CURRENT_DATA_SOURCES,
  currentFieldPath,
  environmentReferences,
  policyStringParts,
  policyStringValue,
  type AwsProviderMajorVersion,
  type EnvironmentReferences,
} from './environment-references.js';
export {
  PARAMETER_VALIDATION,
  SHARED_DECLARATIONS_BASENAME,
  awsProviderConstraint,
  declarationBlocks,
  directoryDeclarations,
  mergeDeclarations,
  terraformSettings,
  type SharedDeclarations,
  type SharedVariable,
} from './shared-declarations.js';
export { LabelNamespaces, labelFor, managedPolicyLabel, snakeCaseLabel, variableName } from './terraform-labels.js';
export { ROLE_TYPE } from './role-blocks.js';
export { LAMBDA_PERMISSION, ARN_EQUALS_NOTICE } from './lambda-permission-blocks.js';
export { POLICY_RESOURCES } from './resource-policy-blocks.js';
export { WAIVED_LINT_RULE, oneLineReason, waiverDirectives } from './waiver-suppressions.js';
export { UNICODE_NFC_GAP, UNICODE_NFC_NOTICE, terraformChangesText } from './unicode-normalization.js';
export {
  expression,
  literalTemplate,
  stringLiteral,
  terraformTemplate,
  text,
  type TemplatePiece,
  type TemplateTextGuard,
} from './terraform-json/terraform-template.js';
export { jsonStringContent, policyJsonTemplate } from './terraform-json/policy-json-template.js';
export {
  headerLines,
  jsonValue,
  resourceJsonBody,
  serializeTerraformJson,
  terraformJsonDocument,
  variableJsonBody,
  type JsonBlockBody,
  type JsonObject,
  type JsonValue,
} from './terraform-json/terraform-json-document.js';
export { DirectoryAddresses, addressCollision, checkedDirectoryEntries } from './directory-addresses.js';
