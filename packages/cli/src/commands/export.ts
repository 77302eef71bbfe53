import { basename, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { EventTable } from '@tamkit/core';
import { scaleDataset } from '@tamkit/fcs';
import { readFcsFile } from '@tamkit/fcs/node';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeChunksAtomic } from '../io/atomic-write.js';
import { fcsLeniencies, withFcsLeniencyOptions } from '../io/fcs-options.js';
import { errorLine } from '../io/format-error.js';
import { csvField } from '../io/csv.js';

const ROWS_PER_CHUNK = 8192;

/**
 * CSV text of a table, in chunks: a header row of channel names, then one row per event. Numbers are
 * written with JavaScript's shortest round-trip form, so parsing a field as float64 gives back exactly
 * the stored value (float32 values are widened exactly first).
 */
export function* tableToCsv(table: EventTable): Generator<string> {
  yield `${table.channels.map((c) => csvField(c.name)).join(',')}\n`;
  const cols = table.columns;
  const nc = cols.length;
  for (let start = 0; start < table.eventCount; start += ROWS_PER_CHUNK) {
    const end = Math.min(table.eventCount, start + ROWS_PER_CHUNK);
    const parts: string[] = [];
    for (let i = start; i < end; i++) {
      let line = '';
      for (let c = 0; c < nc; c++) {
        line += (c ? ',' : '') + String(cols[c]![i]!);
      }
      parts.push(line);
    }
    yield `${parts.join('\n')}\n`;
  }
}

/** `tamkit export FILE --format csv [--scaled] [--dataset N] [-o OUT]` */
export function exportCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'export <file>',
    'Write the events of an FCS file as CSV (one row per event, one column per channel)',
    (y) =>
      withFcsLeniencyOptions(y)
        .positional('file', { type: 'string', demandOption: true, describe: 'FCS file' })
        .option('format', { choices: ['csv'] as const, default: 'csv' as const, describe: 'output format' })
        .option('scaled', {
          type: 'boolean',
          default: false,
          describe: 'write scale values ($PnE log decoding, $PnG gain, $TIMESTEP) instead of stored values',
        })
        .option('dataset', {
          type: 'number',
          default: 1,
          describe: 'which data set of a multi-data-set file ($NEXTDATA), counting from 1',
        })
        .option('output', { alias: 'o', type: 'string', describe: 'output file (default: standard output)' })
        .example('tamkit export sample.fcs -o sample.csv', 'stored values as CSV')
        .example('tamkit export sample.fcs --scaled --dataset 2', 'second data set, scaled, to stdout'),
    (argv) => {
      const file = argv.file;
      try {
        const parsed = readFcsFile(resolve(ctx.io.cwd, file), { ...fcsLeniencies(argv), sourceName: basename(file) });
        const k = argv.dataset;
        const ds = parsed.datasets[k - 1];
        if (!Number.isInteger(k) || !ds) {
          ctx.io.err(
            `tamkit export: ${file}: DATASET_NOT_FOUND: --dataset ${k} but the file holds ${parsed.datasets.length} data set(s)\n`,
          );
          ctx.exitCode = EXIT.inputFailed;
          return;
        }
        for (const w of ds.warnings) {
          ctx.io.err(`tamkit export: ${file}: warning ${w.code}: ${w.message}\n`);
        }
        const table = argv.scaled ? scaleDataset(ds) : ds.table;
        if (argv.output) {
          writeChunksAtomic(resolve(ctx.io.cwd, argv.output), tableToCsv(table));
        } else {
          for (const chunk of tableToCsv(table)) {
            ctx.io.out(chunk);
          }
        }
      } catch (e) {
        ctx.io.err(`tamkit export: ${errorLine(file, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
      }
    },
  );
}
