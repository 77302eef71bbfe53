import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { DEMO_STUDY_DEFAULTS, demoStudy } from '@tamkit/experiment';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';
import { runExperiment } from './run-experiment.js';

/** `tamkit demo [--out DIR] [--events N] [--donors N] [--seed N] [--jobs N]` */
export function demoCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'demo',
    'Simulate a small CCL2 macrophage study (flow + transwell) and analyse it; prints the report path',
    (y) =>
      y
        .option('out', { type: 'string', default: 'tamkit-demo', describe: 'folder for the study and its results' })
        .option('events', { type: 'number', default: DEMO_STUDY_DEFAULTS.eventsPerSample, describe: 'events per FCS file' })
        .option('seed', { type: 'number', default: DEMO_STUDY_DEFAULTS.seed, describe: 'seed of the simulation and the analysis' })
        .option('donors', { type: 'number', default: DEMO_STUDY_DEFAULTS.donors, describe: 'donors (biological replicates)' })
        .option('jobs', { type: 'number', describe: 'worker threads (default: number of cores)' })
        .option('json', { type: 'boolean', default: false, describe: 'print the run summary as JSON' })
        .example('tamkit demo', 'writes ./tamkit-demo and opens with tamkit-demo/results/report.html'),
    async (argv) => {
      const dir = resolve(ctx.io.cwd, argv.out);
      try {
        if (!(Number.isSafeInteger(argv.events) && argv.events >= 1000 && Number.isSafeInteger(argv.donors) && argv.donors >= 1)) {
          ctx.io.err(`tamkit demo: --events ${argv.events} --donors ${argv.donors}: expected whole numbers, events >= 1000 and donors >= 1\n`);
          ctx.exitCode = EXIT.usage;
          return;
        }
        const { files } = demoStudy({ seed: argv.seed, eventsPerSample: argv.events, donors: argv.donors });
        for (const f of files) {
          writeFileAtomic(join(dir, f.name), f.bytes);
        }
        if (!argv.json) {
          ctx.io.err(`tamkit demo: wrote ${files.length} files to ${argv.out} (seed ${argv.seed}, ${argv.events} events per FCS file)\n`);
        }
      } catch (e) {
        ctx.io.err(`tamkit demo: ${errorLine(null, e)}\n`);
        ctx.exitCode = EXIT.internal;
        return;
      }
      ctx.exitCode = await runExperiment(
        { experiment: join(dir, 'experiment.yaml'), out: join(dir, 'results'), jobs: argv.jobs ?? null, json: argv.json, shard: null, date: null, prefix: 'tamkit demo' },
        ctx.io,
      );
    },
  );
}
