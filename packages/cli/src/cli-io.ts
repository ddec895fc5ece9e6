/**
 * Where a command's output goes. Commands collect stdout and only flush it when they succeed, so a failing
 * command prints nothing on stdout.
 */

/** Output streams of one run. */
export interface CliIo {
  /** Appends to standard output. */
  stdout(text: string): void;
  /** Appends to standard error. */
  stderr(text: string): void;
  /** The working directory paths are resolved against. */
  readonly cwd: string;
}

/** An io that buffers stdout and stderr, for `main` and for tests. */
export class BufferedIo implements CliIo {
  out = '';
  err = '';
  constructor(readonly cwd: string = process.cwd()) {}
  stdout(text: string): void {
    this.out += text;
  }
  stderr(text: string): void {
    this.err += text;
  }
}
