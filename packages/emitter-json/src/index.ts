export { emitJson, defaultJsonTemplates, type JsonEmitOptions } from './emit-json.js';
export { serializePolicyJson, orderDocument } from './serialize-policy-json.js';
