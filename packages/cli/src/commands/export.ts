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
import { evaluateStrategy } from '@tamkit/gating';
import { populationFcsChunks, requirePopulation } from './gate-export.js';
import { fcsSpilloverFor, readCompensation, readGates, resolveCompensatedNames } from './gate-input.js';

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

/**
 * `tamkit export FILE --format csv [--scaled] [--dataset N] [-o OUT]`, or
 * `tamkit export FILE --gate GATES --population ID [--compensation auto|none|MATRIX.csv] -o OUT.fcs`
 * (one population's events as a new FCS 3.1 file, stored values and keywords kept).
 */
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
        .option('gate', { type: 'string', describe: 'gates file (Gating-ML or tamkit gating file): write the events of --population as FCS 3.1 to -o' })
        .option('population', { type: 'string', describe: 'with --gate: population id (or path of ids joined by /) to export' })
        .option('compensation', {
          type: 'string',
          default: 'auto',
          describe: "with --gate: spillover for 'FCS' refs: auto (the file's keyword), none, or a spillover CSV",
        })
        .example('tamkit export sample.fcs -o sample.csv', 'stored values as CSV')
        .example('tamkit export sample.fcs --gate gates.yaml --population M1 -o m1.fcs', 'the M1 population as a new FCS file')
        .example('tamkit export sample.fcs --scaled --dataset 2', 'second data set, scaled, to stdout'),
    (argv) => {
      const file = argv.file;
      if (argv.gate !== undefined || argv.population !== undefined) {
        exportPopulation(ctx, argv);
        return;
      }
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

interface PopulationArgs {
  readonly file: string;
  readonly gate?: string | undefined;
  readonly population?: string | undefined;
  readonly compensation: string;
  readonly output?: string | undefined;
  readonly scaled: boolean;
  readonly dataset: number;
  readonly [flag: string]: unknown;
}

/** `export FILE --gate GATES --population ID -o OUT.fcs`: one population as FCS 3.1, written atomically. */
function exportPopulation(ctx: CommandContext, argv: PopulationArgs): void {
  const file = argv.file;
  if (argv.gate === undefined || argv.population === undefined || argv.output === undefined || argv.scaled) {
    ctx.io.err('tamkit export: --gate needs --population ID and -o OUT.fcs, and writes stored values (no --scaled) (see tamkit export --help)\n');
    ctx.exitCode = EXIT.usage;
    return;
  }
  let stage = argv.gate;
  try {
    const { strategy } = readGates(ctx.io.cwd, argv.gate);
    stage = argv.compensation;
    const mode = readCompensation(ctx.io.cwd, argv.compensation);
    stage = file;
    const parsed = readFcsFile(resolve(ctx.io.cwd, file), { ...fcsLeniencies(argv), sourceName: basename(file) });
    const ds = parsed.datasets[argv.dataset - 1];
    if (!Number.isInteger(argv.dataset) || !ds) {
      ctx.io.err(`tamkit export: ${file}: DATASET_NOT_FOUND: --dataset ${argv.dataset} but the file holds ${parsed.datasets.length} data set(s)\n`);
      ctx.exitCode = EXIT.inputFailed;
      return;
    }
    for (const w of ds.warnings) {
      ctx.io.err(`tamkit export: ${file}: warning ${w.code}: ${w.message}\n`);
    }
    const table = scaleDataset(ds);
    const spillover = fcsSpilloverFor(mode, ds.spillover);
    const resolved = mode.kind === 'none' ? strategy : resolveCompensatedNames(strategy, table, spillover, file);
    const population = requirePopulation(evaluateStrategy(resolved, table, { fcsSpillover: spillover }), argv.population);
    const { chunks, dropped } = populationFcsChunks(ds, population);
    writeChunksAtomic(resolve(ctx.io.cwd, argv.output), chunks);
    if (dropped.length > 0) {
      ctx.io.err(`tamkit export: ${file}: warning EXPORT_KEYWORDS_DROPPED: ${dropped.length} keyword(s) whose names are not printable ASCII were not written\n`);
    }
  } catch (e) {
    const line = errorLine(stage, e);
    ctx.io.err(`tamkit export: ${line}\n`);
    ctx.exitCode = EXIT.inputFailed;
  }
}
