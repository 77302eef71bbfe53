import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { scaleDataset } from '@tamkit/fcs';
import { readFcsFile } from '@tamkit/fcs/node';
import { evaluateStrategy } from '@tamkit/gating';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeChunksAtomic, writeFileAtomic } from '../io/atomic-write.js';
import { fcsLeniencies, withFcsLeniencyOptions } from '../io/fcs-options.js';
import { errorLine, formatError } from '../io/format-error.js';
import { VERSION } from '../version.js';
import { fcsSpilloverFor, readCompensation, readGates, resolveCompensatedNames } from './gate-input.js';
import type { CompensationMode } from './gate-input.js';
import { gateFileJson, gateSummary, membershipCsv, reportPopulations } from './gate-output.js';
import type { GateFileJson } from './gate-output.js';
import { STATS_COLUMNS, statsColumns, statsRows } from './gate-stats.js';
import type { StatsScale } from './gate-stats.js';
import { eventsPath } from './phenotype.js';
import { sha256 } from './transwell-output.js';

/** One line for a bad gates or matrix file: the library message names the file, line, field or gate id. */
function sourceErrorLine(file: string, e: unknown): string {
  const { message } = formatError(e);
  return errorLine(message.startsWith(basename(file)) ? null : file, e);
}

/**
 * `tamkit gate FILE... --gates GATES [--json] [--stats OUT.csv] [--events-out OUT.csv]
 * [--compensation auto|none|MATRIX.csv]`
 */
export function gateCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'gate <files..>',
    'Apply a gating strategy (Gating-ML 2.0 or a tamkit gating file) to FCS files and report every population',
    (y) =>
      withFcsLeniencyOptions(y)
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'FCS files' })
        .option('gates', { type: 'string', demandOption: true, describe: 'Gating-ML 2.0 XML or tamkit gating file (YAML/JSON), detected by content' })
        .option('compensation', {
          type: 'string',
          default: 'auto',
          describe: "spillover for gates whose compensation is 'FCS': auto (the file's own keyword), none (uncompensated) or a spillover CSV",
        })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON result (kind gate) on stdout' })
        .option('stats', { type: 'string', describe: 'write per population and channel statistics to this CSV' })
        .option('stats-scale', {
          choices: ['scale', 'transformed'] as const,
          default: 'scale' as const,
          describe: 'statistics on scale values, or on the compensated, transformed values the gates see',
        })
        .option('events-out', { type: 'string', describe: 'write 0/1 membership per event and population (several inputs: OUT.<sample>.csv)' })
        .example('tamkit gate sample.fcs --gates gates.yaml', 'population tree with counts and percentages')
        .example('tamkit gate *.fcs --gates panel.xml --json --stats stats.csv', 'JSON result and statistics of several files'),
    (argv) => {
      const files = (argv.files as string[] | undefined) ?? [];
      const gatesFile = argv.gates;
      let strategy;
      let gatesText: string;
      let mode: CompensationMode;
      try {
        ({ strategy, text: gatesText } = readGates(ctx.io.cwd, gatesFile));
      } catch (e) {
        ctx.io.err(`tamkit gate: ${sourceErrorLine(gatesFile, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
        return;
      }
      try {
        mode = readCompensation(ctx.io.cwd, argv.compensation);
      } catch (e) {
        ctx.io.err(`tamkit gate: ${sourceErrorLine(argv.compensation, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
        return;
      }
      const scale: StatsScale = argv['stats-scale'];
      const entries: GateFileJson[] = [];
      const inputs: { file: string; sha256: string }[] = [{ file: gatesFile, sha256: sha256(gatesText) }];
      const statsLines: string[] = [STATS_COLUMNS.join(',')];
      for (const file of files) {
        try {
          const path = resolve(ctx.io.cwd, file);
          const parsed = readFcsFile(path, { ...fcsLeniencies(argv), sourceName: basename(file) });
          const ds = parsed.datasets[0]!;
          for (const w of ds.warnings) {
            ctx.io.err(`tamkit gate: ${file}: warning ${w.code}: ${w.message}\n`);
          }
          const table = scaleDataset(ds);
          const spillover = fcsSpilloverFor(mode, ds.spillover);
          const resolved = mode.kind === 'none' ? strategy : resolveCompensatedNames(strategy, table, spillover, file);
          const tree = evaluateStrategy(resolved, table, { fcsSpillover: spillover });
          if (argv.json) {
            inputs.push({ file, sha256: sha256(readFileSync(path)) });
          }
          entries.push(gateFileJson(file, tree));
          if (argv['events-out'] !== undefined) {
            writeChunksAtomic(resolve(ctx.io.cwd, eventsPath(argv['events-out'], file, files.length)), membershipCsv(tree));
          }
          if (argv.stats !== undefined) {
            const { columns, descriptions } = statsColumns(resolved, table, spillover, scale);
            statsLines.push(...statsRows(file, tree, table, columns, descriptions));
          }
          if (!argv.json) {
            ctx.io.out(gateSummary(file, tree));
          }
        } catch (e) {
          entries.push({ file, error: formatError(e) });
          ctx.io.err(`tamkit gate: ${errorLine(file, e)}\n`);
          ctx.exitCode = EXIT.inputFailed;
        }
      }
      if (argv.stats !== undefined) {
        writeFileAtomic(resolve(ctx.io.cwd, argv.stats), `${statsLines.join('\n')}\n`);
      }
      if (argv.json) {
        const result = {
          tamkit: {
            version: VERSION,
            command: 'gate',
            date: new Date().toISOString(),
            inputs,
            parameters: { gates: gatesFile, compensation: argv.compensation, statsScale: scale },
          },
          kind: 'gate',
          files: entries,
          populations: reportPopulations(entries),
        };
        ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
      }
    },
  );
}
