/** This package's tests use the published test support (`@deputy/emitter-hcl/testing`) from source. */
export * from '../../src/testing/index.js';
