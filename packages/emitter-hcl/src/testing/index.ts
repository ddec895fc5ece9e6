/**
 * Test support for the HCL target, for this package's tests and any other round trip through it (the CLI's):
 * `import { recoverTerraform, differencesFromModel } from '@deputy/emitter-hcl/testing'`. It parses an
 * emitted `.tf` back with hcl2json, rebuilds the policies Terraform would send, compares them with a model,
 * and runs terraform itself when it is present. It needs the devDependency @cdktf/hcl2json; the emitter
 * itself does not.
 */
export { parseHcl, blockOrder, type HclJsonObject, type HclJsonValue } from './hcl-json.js';
export { decodeTemplate, decodeLiteral, traversalDecoder, type TraversalDecoder } from './template-decoding.js';
export { decodeJsonencode, decodeJsonencodeDocument, isJsonencode } from './jsonencode-decoding.js';
export { simulatePolicyDocument, SAMPLE_ENVIRONMENT, applyTimeText, compareBytes } from './policy-document-simulator.js';
export {
  recoverTerraform,
  type RecoveredTerraform,
  type RecoveredRole,
  type RecoveredResourcePolicy,
  type RecoveredDocument,
  type RecoveredVariable,
} from './terraform-recovery.js';
export { differencesFromModel, dataSourceForm, inlineLiterals, mapDocumentStrings, printedFields } from './model-comparison.js';
export { requireTerraform, terraformAvailable, terraformFmtCheck, terraformEvaluate } from './terraform-cli.js';
export { terraformTextForms, inTerraformForm, textsIn } from './terraform-text.js';
export { jsonencodePoliciesEvaluatedByTerraform } from './terraform-jsonencode-oracle.js';
export { at, onlyBody, bodies } from './hcl-json.js';
