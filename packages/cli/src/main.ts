import yargs from 'yargs';
import type { Argv } from 'yargs';
import type { CliIo } from './io/cli-io.js';
import { errorLine } from './io/format-error.js';
import { infoCommand } from './commands/info.js';
import { exportCommand } from './commands/export.js';
import { gateCommand } from './commands/gate.js';
import { reportCommand } from './commands/report.js';
import { transwellCommand } from './commands/transwell.js';
import { phenotypeCommand } from './commands/phenotype.js';
import { simulateCommand } from './commands/simulate.js';
import { initCommand } from './commands/init.js';
import { runCommand } from './commands/run.js';
import { demoCommand } from './commands/demo.js';
import { mergeCommand } from './commands/merge.js';
import { VERSION } from './version.js';
import { EXIT } from './exit.js';

export { EXIT } from './exit.js';

export { processIo, memoryIo } from './io/cli-io.js';
export type { CliIo } from './io/cli-io.js';




/** A command module: registers itself on a yargs instance; its handler sets `ctx.exitCode`. */
export interface CommandContext {
  readonly io: CliIo;
  exitCode: number;
}

export type CommandModule = (cli: Argv, ctx: CommandContext) => Argv;

/** A command-line usage mistake (unknown option, missing argument): exit code 1, no handler runs. */
class UsageError extends Error {
  override name = 'UsageError';
}

const COMMANDS: readonly CommandModule[] = [infoCommand, exportCommand, gateCommand, phenotypeCommand, simulateCommand, transwellCommand, reportCommand, initCommand, runCommand, demoCommand, mergeCommand];

/**
 * Runs the tamkit command line with the given arguments and returns the exit code. Never calls
 * process.exit, so it can run in-process in tests.
 */
export async function main(args: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT.ok };
  let cli = yargs([...args])
    .scriptName('tamkit')
    .usage('tamkit: flow cytometry and transwell migration analysis\n\nUsage: tamkit <command> [options]')
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .strict()
    .demandCommand(1, 'name a command')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .showHelpOnFail(false)
    .fail((msg: string | undefined, err: Error | undefined) => {
      // Throwing stops yargs here; returning would let it run the command's handler anyway.
      throw err ?? new UsageError(msg ?? 'invalid arguments');
    });
  for (const register of COMMANDS) {
    cli = register(cli, ctx);
  }
  let helpText = '';
  try {
    await cli.parseAsync(args, {}, (_err: Error | undefined, _argv: unknown, output: string) => {
      helpText = output;
    });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`tamkit: ${e.message} (see tamkit --help)\n`);
      return EXIT.usage;
    }
    io.err(`tamkit: ${errorLine(null, e)}\n`);
    return EXIT.internal;
  }
  if (helpText) {
    io.out(`${helpText}\n`);
  }
  return ctx.exitCode;
}
