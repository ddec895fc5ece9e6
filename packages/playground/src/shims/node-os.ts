/** `node:os` in the browser: the linter asks for parallelism only when linting directories, which the playground never does. */
export function availableParallelism(): number {
  return 1;
}

export default { availableParallelism };
