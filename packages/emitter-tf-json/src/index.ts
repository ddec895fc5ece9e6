export { emitTerraformJson, emitTerraformJsonDeclarations, emitTerraformJsonDirectory, TF_JSON_TARGET, TF_JSON_DECLARATIONS_PATH } from './tf-json-emitter.js';
export type { TerraformJsonEmitOptions, DeclarationPlacement } from './tf-json-emit-options.js';
