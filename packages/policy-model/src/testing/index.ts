/** Test support shared by every emitter's tests: golden files, fixtures and fast-check arbitraries. */
export * from './golden-files.js';
export * from './arbitraries.js';
