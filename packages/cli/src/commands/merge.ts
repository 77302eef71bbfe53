import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { mergeRunRecords, readRunRecord } from '@tamkit/experiment';
import type { RunRecord } from '@tamkit/experiment';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { errorLine } from '../io/format-error.js';
import { UNRECORDED_DATE, writeRunResults } from './run-output.js';

/** `tamkit merge DIR... --out DIR [--date ISO]`: the results of shards, combined as one run writes them. */
export function mergeCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'merge <dirs..>',
    'Combine the partial results of tamkit run --shard I/N into the results a single run writes',
    (y) =>
      y
        .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'folders written by tamkit run --shard (each holds partial.json)' })
        .option('out', { type: 'string', demandOption: true, describe: 'results folder' })
        .option('date', { type: 'string', describe: 'date recorded in the report (default: none)' })
        .example('tamkit merge part-* --out results', 'after a Slurm job array'),
    (argv) => {
      const started = Date.now();
      const dirs = (argv.dirs as string[] | undefined) ?? [];
      const records: RunRecord[] = [];
      const sources: string[] = [];
      try {
        for (const dir of dirs) {
          const source = join(dir, 'partial.json');
          const text = readFileSync(resolve(ctx.io.cwd, source), 'utf8');
          records.push(readRunRecord(JSON.parse(text), source));
          sources.push(source);
        }
        const record = mergeRunRecords(records, sources);
        const out = resolve(ctx.io.cwd, argv.out);
        const report = (record.parameters.report ?? {}) as { html?: boolean; title?: string };
        writeRunResults(out, record, { html: report.html ?? true, title: report.title ?? 'tamkit analysis', date: argv.date ?? UNRECORDED_DATE });
        writeFileAtomic(join(out, 'timing.json'), `${JSON.stringify({ startedAt: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000, merged: sources }, null, 2)}\n`);
        ctx.io.err(`tamkit merge: ${record.samples.length} samples from ${records.length} shards${record.failures.length > 0 ? `, ${record.failures.length} failed` : ''}\n`);
        ctx.io.out(`${report.html ?? true ? join(out, 'report.html') : out}\n`);
        if (record.failures.length > 0 || (record.transwell?.failure ?? null) !== null) {
          ctx.exitCode = EXIT.inputFailed;
        }
      } catch (e) {
        ctx.io.err(`tamkit merge: ${errorLine(null, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
      }
    },
  );
}
