/**
 * `node:os` in the browser: the linter sizes its worker pool from these when linting directories, which the
 * playground never does. The values say "one idle CPU", so any such path stays sequential.
 */
export function availableParallelism(): number {
  return 1;
}

/** One CPU. */
export function cpus(): { model: string; speed: number }[] {
  return [{ model: 'browser', speed: 0 }];
}

/** No load. */
export function loadavg(): [number, number, number] {
  return [0, 0, 0];
}

/** The browser's platform is not an OS the linter knows. */
export function platform(): string {
  return 'browser';
}

/** There is no temporary folder in the browser. */
export function tmpdir(): string {
  return '/tmp';
}

/** Unknown memory: zero. */
export function totalmem(): number {
  return 0;
}

/** Unknown memory: zero. */
export function freemem(): number {
  return 0;
}

/** Line end. */
export const EOL = '\n';

export default { availableParallelism, cpus, loadavg, platform, tmpdir, totalmem, freemem, EOL };
