/**
 * `@deputy/emitter-cfn/testing`: read CloudFormation templates back (YAML with every short-form tag, or JSON)
 * and recover the roles, resource policies and parameters deputy wrote, for round-trip checks. Needs js-yaml
 * (a devDependency / optional peer of this package; the emitter does not use it).
 */
export { loadCfnTemplate, templateFormatOf } from './parse/load-cfn-template.js';
export type { CfnTemplateFormat } from './parse/load-cfn-template.js';
export { CFN_YAML_SCHEMA, CFN_SHORT_FORMS } from './parse/cfn-yaml-schema.js';
export { recoverTemplate, recoverPolicyString, recoverDocument } from './parse/recover-model.js';
export type { RecoveredTemplate, RecoveredRole, RecoveredResourcePolicy, RecoveredResourceMetadata, RecoveredLambdaPermission, RecoveredParameter } from './parse/recover-model.js';
export type { RecoveredSuppression } from './parse/recover-suppressions.js';
export { expectedRecovery } from './parse/expected-recovery.js';
