/** Runs `deputy lint …` through the commander wiring the CLI uses, with buffered output and the CLI's exit-code convention. */
import { Command, CommanderError } from 'commander';
import { DeputyInputError, formatProblem } from '@deputy/policy-model';
import { registerLint, type LintIo } from '../../src/index.js';

/** The outcome of one run. */
export interface CommandRun {
  /** 0 clean, 1 findings at or above --severity, 2 bad input. */
  readonly code: number;
  /** What the command printed on standard output. */
  readonly stdout: string;
  /** What it printed on standard error. */
  readonly stderr: string;
}

/** Runs `lint` with these arguments in `cwd`, as `packages/cli/src/main.ts` runs its commands. */
export async function runLintCommand(args: readonly string[], cwd: string): Promise<CommandRun> {
  let stdout = '';
  let stderr = '';
  const io: LintIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) };
  const program = new Command('deputy').exitOverride().configureOutput({ writeOut: (text) => (stdout += text), writeErr: () => undefined });
  registerLint(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (text) => (stdout += text), writeErr: () => undefined });
  try {
    await program.parseAsync(['lint', ...args], { from: 'user' });
    return { code: (program.getOptionValue('exitCode') as number | undefined) ?? 0, stdout, stderr };
  } catch (error) {
    if (error instanceof DeputyInputError) {
      for (const problem of error.problems) stderr += `${formatProblem(problem)}\n`;
      return { code: 2, stdout: '', stderr };
    }
    if (error instanceof CommanderError) return { code: error.code === 'commander.helpDisplayed' ? 0 : 2, stdout, stderr: `${stderr}${error.message}\n` };
    throw error;
  }
}
