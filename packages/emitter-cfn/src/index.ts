/**
 * `@deputy/emitter-cfn`: deputy models as CloudFormation templates (YAML or JSON). The readers that parse
 * templates back for round-trip checks are in `@deputy/emitter-cfn/testing` (they need js-yaml, which the
 * emitter itself does not).
 */
export { emitCfn, defaultCfnTemplates } from './emit-cfn.js';
export type { CfnEmitOptions, CfnFormat } from './emit-cfn.js';
export { yamlString, isPlainSafe } from './yaml/yaml-scalar.js';
export { escapeSubText, parseSubTemplate } from './template/sub-template.js';
export type { SubPart, SubVariable } from './template/sub-template.js';
