import { basename, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { fsum } from '@tamkit/core';
import { getKeyword } from '@tamkit/fcs';
import type { FcsDataset } from '@tamkit/fcs';
import { readFcsFile } from '@tamkit/fcs/node';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { fcsLeniencies, withFcsLeniencyOptions } from '../io/fcs-options.js';
import { errorLine, formatError } from '../io/format-error.js';

/** Per-channel statistics over the stored values (bit mask applied), NaN skipped. */
export interface ChannelStats {
  readonly min: number | null;
  readonly max: number | null;
  readonly sum: number;
}

/** The `tamkit info --json` document for one data set (a scripting contract: keep it stable). */
export interface DatasetInfo {
  readonly version: string;
  readonly events: number;
  readonly parameters: number;
  readonly datatype: string;
  readonly byteOrder: string;
  readonly keywords: Readonly<Record<string, string>>;
  readonly channels: readonly {
    readonly index: number;
    readonly name: string;
    readonly label: string;
    readonly bits: number;
    readonly range: number;
    readonly stats?: ChannelStats;
  }[];
  readonly spillover?: { readonly detectors: readonly string[]; readonly matrix: number[][] };
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export type FileInfo =
  | { readonly file: string; readonly datasets: readonly DatasetInfo[] }
  | { readonly file: string; readonly error: { readonly code: string; readonly message: string } };

function columnStats(col: ArrayLike<number>): ChannelStats {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
  }
  const finite = min <= max;
  return { min: finite ? min : null, max: finite ? max : null, sum: fsum(nanFree(col)) };
}

function nanFree(col: ArrayLike<number>): ArrayLike<number> {
  for (let i = 0; i < col.length; i++) {
    if (Number.isNaN(col[i]!)) {
      return Array.from(col).filter((v) => !Number.isNaN(v));
    }
  }
  return col;
}

/** Builds the info document of one data set. */
export function datasetInfo(ds: FcsDataset, withStats: boolean): DatasetInfo {
  const spill = ds.spillover;
  const n = spill?.detectors.length ?? 0;
  return {
    version: ds.version,
    // Metadata-only reads decode no events: report $TOT then.
    events: withStats ? ds.eventCount : Number(getKeyword(ds.keywords, '$TOT') ?? ds.eventCount),
    parameters: ds.parameters.length,
    datatype: ds.dataType,
    byteOrder: ds.byteOrder,
    keywords: ds.keywords,
    channels: ds.parameters.map((p, i) => ({
      index: p.n,
      name: p.name,
      label: p.label,
      bits: p.bits,
      range: p.range,
      ...(withStats && ds.table.columns[i] ? { stats: columnStats(ds.table.columns[i]) } : {}),
    })),
    ...(spill
      ? {
          spillover: {
            detectors: spill.detectors,
            matrix: Array.from({ length: n }, (_, r) => Array.from(spill.values.subarray(r * n, r * n + n))),
          },
        }
      : {}),
    warnings: ds.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

function human(info: FileInfo): string {
  if ('error' in info) {
    return '';
  }
  const lines: string[] = [];
  info.datasets.forEach((d, k) => {
    const title = info.datasets.length > 1 ? `${info.file} (data set ${k + 1} of ${info.datasets.length})` : info.file;
    const kw = (key: string): string => d.keywords[key]?.trim() ?? '';
    lines.push(title);
    lines.push(`  version     ${d.version}   data type ${d.datatype}   byte order ${d.byteOrder}`);
    const inst = [kw('$CYT'), kw('$CYTSN')].filter(Boolean).join(' ');
    if (inst) {
      lines.push(`  instrument  ${inst}`);
    }
    const date = [kw('$DATE'), kw('$BTIM')].filter(Boolean).join(' ');
    if (date) {
      lines.push(`  acquired    ${date}`);
    }
    lines.push(`  events      ${d.events.toLocaleString('en-US')}`);
    lines.push(`  channels    ${d.parameters}`);
    const rows = d.channels.map((c) => [
      String(c.index),
      c.name,
      c.label,
      String(c.bits),
      String(c.range),
      ...(c.stats ? [fmt(c.stats.min), fmt(c.stats.max)] : []),
    ]);
    const head = ['#', '$PnN', '$PnS', 'bits', 'range', ...(d.channels[0]?.stats ? ['min', 'max'] : [])];
    lines.push(...table([head, ...rows]).map((l) => `    ${l}`));
    if (d.spillover) {
      lines.push(`  spillover   ${d.spillover.detectors.length}x${d.spillover.detectors.length}: ${d.spillover.detectors.join(', ')}`);
    } else {
      lines.push('  spillover   none');
    }
    for (const w of d.warnings) {
      lines.push(`  warning     ${w.code}: ${w.message}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

function fmt(v: number | null): string {
  return v === null ? '-' : String(v);
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
}

/** `tamkit info FILE... [--json] [--stats]` */
export function infoCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'info <files..>',
    'Describe FCS files: version, instrument, events, channels, spillover, warnings',
    (y) =>
      withFcsLeniencyOptions(y)
        .positional('files', { type: 'string', array: true, demandOption: true, describe: 'FCS files' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON document on stdout' })
        .option('stats', {
          type: 'boolean',
          default: false,
          describe: 'decode DATA and add per-channel min, max and sum of the stored values',
        })
        .example('tamkit info sample.fcs', 'summary of one file')
        .example('tamkit info *.fcs --json --stats', 'machine-readable summary with channel statistics'),
    (argv) => {
      const files = (argv.files as string[] | undefined) ?? [];
      const results: FileInfo[] = [];
      for (const file of files) {
        try {
          const parsed = readFcsFile(resolve(ctx.io.cwd, file), {
            ...fcsLeniencies(argv),
            sourceName: basename(file),
            textOnly: !argv.stats,
          });
          const info: FileInfo = { file, datasets: parsed.datasets.map((d) => datasetInfo(d, argv.stats)) };
          results.push(info);
          if (!argv.json) {
            ctx.io.out(human(info));
          }
        } catch (e) {
          results.push({ file, error: formatError(e) });
          ctx.io.err(`tamkit info: ${errorLine(file, e)}\n`);
          ctx.exitCode = EXIT.inputFailed;
        }
      }
      if (argv.json) {
        ctx.io.out(`${JSON.stringify({ files: results }, null, 2)}\n`);
      }
    },
  );
}
