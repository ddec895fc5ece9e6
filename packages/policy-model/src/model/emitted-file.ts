/** The contract every emitter implements: a pure function from a model to files. Only the CLI touches the disk. */
import type { DeputyModel } from './model.js';
import type { TemplateSet } from '../templates/template-set.js';

/** One generated file. */
export interface EmittedFile {
  /** Path relative to the target's output directory, with `/` separators; never absolute, never `..`. */
  readonly path: string;
  /** The complete file contents, ending in a newline. */
  readonly contents: string;
}

/** Options every emitter accepts. */
export interface CommonEmitOptions {
  /** Handlebars templates for the file layout; emitters fall back to their packaged defaults. */
  readonly templates?: TemplateSet;
}

/** An emitter: pure, synchronous, deterministic. */
export type Emitter<Options extends CommonEmitOptions = CommonEmitOptions> = (
  model: DeputyModel,
  options?: Options,
) => EmittedFile[];
