import { resolve, join } from 'node:path';
import type { Argv } from 'yargs';
import { simulateMacrophageExperiment, writeMacrophageExperiment } from '@tamkit/simulate';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';

/** `tamkit simulate macrophages --out DIR --seed N [--events N] [--replicates N] [--separation D]` */
export function simulateCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'simulate <kind>',
    'Write a seeded simulated experiment with known truth',
    (y) =>
      y
        .positional('kind', {
          choices: ['macrophages'] as const,
          demandOption: true,
          describe: 'what to simulate',
        })
        .option('out', {
          type: 'string',
          demandOption: true,
          describe: 'output directory (created if missing)',
        })
        .option('seed', { type: 'number', demandOption: true, describe: 'seed of the experiment' })
        .option('events', { type: 'number', default: 20000, describe: 'events per FCS file' })
        .option('replicates', {
          type: 'number',
          default: 3,
          describe: 'donors (biological replicates)',
        })
        .option('separation', {
          type: 'number',
          describe: 'decades between negative and positive stains (default 1.3)',
        })
        .example(
          'tamkit simulate macrophages --out sim --seed 42',
          '3 donors x (4 conditions + 5 FMO + unstained)',
        ),
    (argv) => {
      // main() collects validation failures and reports them after parsing, but yargs still calls
      // the handler: do nothing on arguments that failed validation.
      if (
        argv.kind !== 'macrophages' ||
        typeof argv.seed !== 'number' ||
        !Number.isFinite(argv.seed) ||
        typeof argv.out !== 'string'
      ) {
        return;
      }
      try {
        const experiment = simulateMacrophageExperiment({
          seed: argv.seed,
          eventsPerSample: argv.events,
          replicates: argv.replicates,
          ...(argv.separation === undefined ? {} : { separation: argv.separation }),
        });
        const files = writeMacrophageExperiment(experiment);
        const dir = resolve(ctx.io.cwd, argv.out);
        for (const f of files) {
          writeFileAtomic(join(dir, f.name), f.bytes);
        }
        ctx.io.out(
          `wrote ${files.length} files to ${argv.out} (seed ${argv.seed}, ${argv.events} events per FCS file)\n`,
        );
      } catch (e) {
        ctx.io.err(`tamkit simulate: ${errorLine(null, e)}\n`);
        ctx.exitCode =
          e instanceof RangeError || e instanceof TypeError ? EXIT.usage : EXIT.inputFailed;
      }
    },
  );
}
