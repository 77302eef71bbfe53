import type { Argv } from 'yargs';
import { parseShard } from '@tamkit/experiment';
import type { Shard } from '@tamkit/experiment';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { errorLine } from '../io/format-error.js';
import { runExperiment } from './run-experiment.js';

/** `tamkit run EXPERIMENT.yaml [--out DIR] [--jobs N] [--shard I/N] [--json] [--date ISO]` */
export function runCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'run <experiment>',
    'Run a whole analysis from an experiment file: flow phenotyping, transwell, statistics and the report',
    (y) =>
      y
        .positional('experiment', { type: 'string', demandOption: true, describe: 'experiment file (YAML)' })
        .option('out', { type: 'string', describe: 'results folder (default: results/ beside the experiment file)' })
        .option('jobs', { type: 'number', describe: 'worker threads (default: number of cores)' })
        .option('shard', { type: 'string', describe: 'process slice I of N (I/N, 0-based) and write partial results for tamkit merge' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON summary on stdout, no progress' })
        .option('date', { type: 'string', describe: 'date recorded in the report (default: none, so results are byte-identical)' })
        .example('tamkit run experiment.yaml --out results', 'everything, on all cores')
        .example('tamkit run experiment.yaml --shard $SLURM_ARRAY_TASK_ID/8 --out part-$SLURM_ARRAY_TASK_ID', 'one slice on a cluster node'),
    async (argv) => {
      let shard: Shard | null = null;
      if (argv.shard !== undefined) {
        try {
          shard = parseShard(argv.shard);
        } catch (e) {
          ctx.io.err(`tamkit run: ${errorLine(null, e)}\n`);
          ctx.exitCode = EXIT.usage;
          return;
        }
      }
      if (argv.jobs !== undefined && !(Number.isSafeInteger(argv.jobs) && argv.jobs >= 1)) {
        ctx.io.err(`tamkit run: --jobs ${String(argv.jobs)}: expected a whole number >= 1\n`);
        ctx.exitCode = EXIT.usage;
        return;
      }
      ctx.exitCode = await runExperiment(
        { experiment: argv.experiment, out: argv.out ?? null, jobs: argv.jobs ?? null, json: argv.json, shard, date: argv.date ?? null, prefix: 'tamkit run' },
        ctx.io,
      );
    },
  );
}
