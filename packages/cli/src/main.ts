/**
 * The `deputy` command line. Exit codes: 0 ok; 1 findings (lint, drift, failed verification); 2 usage or
 * input error. Errors go to stderr as `error: <file>:<line>:<col>: <what> (<hint>)`, never with a stack trace
 * unless DEPUTY_DEBUG=1; stdout stays empty when a command fails.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DeputyInputError, formatProblem } from '@deputy/policy-model';
import { BufferedIo, type CliIo } from './cli-io.js';
import { registerConvert } from './commands/convert.js';
import { registerEmit } from './commands/emit.js';
import { registerSnippet } from './commands/snippet.js';
import { registerCheck } from './commands/check.js';
import { registerServices } from './commands/services.js';
import { registerVerify } from './commands/verify.js';
import { registerLint } from '@deputy/lint/command';
import { systemErrorProblem } from './system-errors.js';

/** Exit codes. */
export const EXIT = { ok: 0, findings: 1, inputError: 2 } as const;

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Runs the CLI against an io; returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('deputy')
    .description('AWS IAM roles and policies with confused-deputy protection, emitted as JSON, Terraform, CloudFormation and cdktf')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: () => undefined });
  registerSnippet(program, io);
  registerConvert(program, io);
  registerEmit(program, io);
  registerCheck(program, io);
  registerServices(program, io);
  registerVerify(program, io);
  registerLint(program, io);
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: (text) => io.stdout(text), writeErr: () => undefined });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return (program.getOptionValue('exitCode') as number | undefined) ?? EXIT.ok;
  } catch (error) {
    const command = program.commands.find((candidate) => candidate.name() === argv[0]);
    return reportError(error, io, command ? `deputy ${command.name()} --help` : 'deputy --help');
  }
}

function reportError(error: unknown, io: CliIo, helpCommand: string): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    io.stderr(`${formatUsageError(error.message, helpCommand)}\n`);
    return EXIT.inputError;
  }
  if (error instanceof DeputyInputError) {
    for (const problem of error.problems) io.stderr(`${formatProblem(problem)}\n`);
    return EXIT.inputError;
  }
  const system = systemErrorProblem(error, io.cwd);
  if (system !== undefined) {
    io.stderr(`${formatProblem(system)}\n`);
    return EXIT.inputError;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`error: internal error: ${message} (this is a bug in deputy; rerun with DEPUTY_DEBUG=1 for a stack trace and report it)\n`);
  if (process.env.DEPUTY_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  return EXIT.inputError;
}

/**
 * Commander's usage errors in deputy's format: `error: <flag or command>: <what> (<hint>)`, on one line, with
 * commander's suggestion as the hint when it has one.
 */
export function formatUsageError(message: string, helpCommand: string): string {
  const [first = '', ...rest] = message.replace(/^error: /, '').split('\n');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
  const subject = /'([^' ]+)[^']*'/.exec(first)?.[1];
  const hint = suggestion ? `did you mean ${suggestion}? see ${helpCommand}` : `see ${helpCommand}`;
  return `error: ${subject ? `${subject}: ` : ''}${first} (${hint})`;
}

/** The process entry point: runs, then writes stdout only on success. */
export async function main(argv: readonly string[]): Promise<number> {
  const io = new BufferedIo();
  const code = await run(argv, io);
  if (code !== EXIT.inputError) await write(process.stdout, io.out);
  await write(process.stderr, io.err);
  return code;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((done) => stream.write(text, () => done()));
}
