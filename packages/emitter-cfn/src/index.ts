/**
 * `@deputy/emitter-cfn`: deputy models as CloudFormation templates (YAML or JSON), and the readers that
 * parse such templates back for round-trip checks.
 */
export { emitCfn, defaultCfnTemplates } from './emit-cfn.js';
export type { CfnEmitOptions, CfnFormat } from './emit-cfn.js';
export { loadCfnTemplate, templateFormatOf } from './parse/load-cfn-template.js';
export type { CfnTemplateFormat } from './parse/load-cfn-template.js';
export { CFN_YAML_SCHEMA, CFN_SHORT_FORMS } from './parse/cfn-yaml-schema.js';
export { recoverTemplate, recoverPolicyString, recoverDocument } from './parse/recover-model.js';
export type { RecoveredTemplate, RecoveredRole, RecoveredResourcePolicy, RecoveredResourceMetadata, RecoveredLambdaPermission, RecoveredParameter } from './parse/recover-model.js';
export type { RecoveredSuppression } from './parse/recover-suppressions.js';
export { expectedRecovery } from './parse/expected-recovery.js';
export { yamlString, isPlainSafe } from './yaml/yaml-scalar.js';
export { escapeSubText, parseSubTemplate } from './template/sub-template.js';
export type { SubPart, SubVariable } from './template/sub-template.js';
