import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { parseFcs, scaleDataset } from '@tamkit/fcs';
import { countWithBeads } from '@tamkit/transwell';
import type { CountWithBeadsOptions } from '@tamkit/transwell';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { errorLine, formatError } from '../io/format-error.js';
import { envelope, num, sha256, textTable, warningJson, warningLines } from './transwell-output.js';

const PREFIX = 'tamkit transwell beads';

/** `tamkit transwell beads FILE... --beads-added N [--volume-ul V] [--well-volume-ul W] [--bead-channel NAME] [--json]` */
export function transwellBeadsCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'beads <files..>',
    'Absolute cell counts from counting beads in FCS files (beads and cells gated automatically)',
    (y) =>
      y
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'FCS files, one tube each' })
        .option('beads-added', { type: 'number', demandOption: true, describe: 'counting beads added to each tube' })
        .option('volume-ul', { type: 'number', describe: 'tube volume the beads were added to, µL (gives cells/µL)' })
        .option('well-volume-ul', { type: 'number', describe: 'lower-well volume, µL (gives cells per well volume)' })
        .option('bead-channel', { type: 'string', describe: 'channel the beads are brightest in (default: found automatically)' })
        .option('min-scatter', { type: 'number', describe: 'forward-scatter debris cut, scale units (default: the valley)' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON document on stdout' })
        .example('tamkit transwell beads wells/*.fcs --beads-added 50000 --volume-ul 300', 'cells per tube and per µL'),
    (argv) => {
      const beadsAdded = argv['beads-added'];
      if (!Number.isFinite(beadsAdded) || beadsAdded <= 0) {
        ctx.io.err(`${PREFIX}: --beads-added ${String(beadsAdded)}: expected a positive number of beads\n`);
        ctx.exitCode = EXIT.usage;
        return;
      }
      const options: CountWithBeadsOptions = {
        beadsAdded,
        ...(argv['volume-ul'] === undefined ? {} : { sampleVolumeUl: argv['volume-ul'] }),
        ...(argv['well-volume-ul'] === undefined ? {} : { wellVolumeUl: argv['well-volume-ul'] }),
        ...(argv['bead-channel'] === undefined ? {} : { beadChannel: argv['bead-channel'] }),
        ...(argv['min-scatter'] === undefined ? {} : { minScatter: argv['min-scatter'] }),
      };
      const results: Record<string, unknown>[] = [];
      const inputs: { file: string; sha256: string }[] = [];
      const rows: string[][] = [['file', 'bead events', 'cell events', 'cells in tube', 'cells/µL', 'cells/well', 'Poisson CV %', 'bead channel']];
      for (const file of argv.files ?? []) {
        try {
          const bytes = readFileSync(resolve(ctx.io.cwd, file));
          inputs.push({ file, sha256: sha256(bytes) });
          const parsed = parseFcs(bytes, { sourceName: basename(file) });
          const dataset = parsed.datasets[0]!;
          const r = countWithBeads(scaleDataset(dataset), options);
          const g = r.gating;
          const warnings = [...parsed.warnings, ...g.warnings];
          results.push({
            file,
            totalEvents: g.totalEvents,
            beadEvents: g.beadEvents,
            cellEvents: g.cellEvents,
            method: g.method,
            beadChannel: g.beadChannel,
            beadThreshold: g.beadThreshold,
            scatterChannel: g.scatterChannel,
            scatterThreshold: g.scatterThreshold,
            gates: g.gates,
            cellsInSample: r.count.cellsInSample,
            cellsPerUl: r.count.cellsPerUl,
            cellsPerWell: r.count.cellsPerWell,
            poissonRelativeSe: r.poissonRelativeSe,
            formula: r.count.formula,
            warnings: warnings.map(warningJson),
          });
          rows.push([
            file,
            String(g.beadEvents),
            String(g.cellEvents),
            num(r.count.cellsInSample, 5),
            num(r.count.cellsPerUl),
            num(r.count.cellsPerWell, 5),
            r.poissonRelativeSe === null ? '-' : num(r.poissonRelativeSe * 100, 3),
            g.beadChannel ?? '-',
          ]);
          ctx.io.err(warningLines(PREFIX, file, warnings));
        } catch (e) {
          results.push({ file, error: formatError(e) });
          ctx.io.err(`${PREFIX}: ${errorLine(file, e)}\n`);
          ctx.exitCode = EXIT.inputFailed;
        }
      }
      if (argv.json) {
        ctx.io.out(`${JSON.stringify({ ...envelope('transwell beads', 'transwell-beads', inputs, { ...options }), files: results }, null, 2)}\n`);
      } else if (rows.length > 1) {
        ctx.io.out(`${textTable(rows)}\n`);
      }
    },
  );
}
