export { run, main, EXIT } from './main.js';
export { BufferedIo, type CliIo } from './cli-io.js';
export { TARGET_NAMES, type TargetName } from './targets.js';
