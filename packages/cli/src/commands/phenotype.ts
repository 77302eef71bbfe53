import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { EventTable } from '@tamkit/core';
import { scaleDataset } from '@tamkit/fcs';
import type { SpilloverMatrix } from '@tamkit/fcs';
import { readFcsFile } from '@tamkit/fcs/node';
import { guessSample } from '@tamkit/experiment';
import { detectPanel, parsePanelFile, phenotypeSample } from '@tamkit/gating';
import type { PanelOverrides } from '@tamkit/gating';
import type { CommandContext } from '../main.js';
import { EXIT } from '../exit.js';
import { writeChunksAtomic, writeFileAtomic } from '../io/atomic-write.js';
import { errorLine, formatError } from '../io/format-error.js';
import type { PhenotypeDisplay, PhenotypeResult } from '@tamkit/gating';
import { csvField } from '../io/csv.js';

/** One file's entry in `tamkit phenotype --json` (a scripting contract: keep it stable). */
export type PhenotypeFileJson =
  | (Omit<PhenotypeResult, 'codes' | 'name'> & {
      readonly file: string;
      readonly ratio: number | null;
      /** The sample's condition (`--conditions-from-names`), which `tamkit report` groups by. */
      readonly condition?: string;
      /** Binned plot data for reports (`phenotypeDisplay`); absent with --no-display. */
      readonly display?: PhenotypeDisplay;
    })
  | { readonly file: string; readonly error: { readonly code: string; readonly message: string } };

/**
 * The JSON entry of a phenotyped file: the result without per-event codes, plus `file` and `ratio`
 * (and `display`, the binned plot data, when the result has it).
 */
export function phenotypeJson(file: string, r: PhenotypeResult, condition: string | null = null): PhenotypeFileJson {
  const entry: Record<string, unknown> = { file, ...(condition === null ? {} : { condition }) };
  for (const [key, value] of Object.entries(r)) {
    if (key !== 'codes' && key !== 'name') {
      entry[key] = value;
    }
  }
  entry.ratio = r.percentages.m1m2Ratio;
  return entry as PhenotypeFileJson;
}

/**
 * Why one set of controls may not fit every sample, from the donor tokens of the file names (`D1`,
 * `donor2`, `exp3`, as `tamkit init` reads them), or null: samples of several donors, or samples of a
 * donor the controls do not come from. tamkit run matches controls per donor; this command cannot.
 *
 * @example controlsAcrossDonors(['D1_M1.fcs', 'D2_M1.fcs'], ['D1_FMO-CD86.fcs']) // 'controls from donor D1 ...'
 */
export function controlsAcrossDonors(samples: readonly string[], controls: readonly string[]): string | null {
  if (controls.length === 0) {
    return null;
  }
  const donors = (files: readonly string[]): string[] => [...new Set(files.map((f) => guessSample(f, []).donor).filter((d): d is string => d !== null))].sort();
  const sampleDonors = donors(samples);
  const controlDonors = donors(controls);
  const foreign = sampleDonors.filter((d) => controlDonors.length > 0 && !controlDonors.includes(d));
  if (sampleDonors.length < 2 && foreign.length === 0) {
    return null;
  }
  return `controls${controlDonors.length > 0 ? ` from donor ${controlDonors.join(', ')}` : ''} applied to samples of donor${sampleDonors.length > 1 ? 's' : ''} ${sampleDonors.join(', ')} (read from the file names); thresholds from one donor's controls may not fit another's: use tamkit run with an experiment file, which matches controls per donor`;
}

/** Class names by code, for `--events-out`; 255 is `excluded`. */
const CLASS_NAMES = ['M1', 'M2', 'double_positive', 'double_negative'];
const ROWS_PER_CHUNK = 16384;

/** CSV chunks `event,class`: one row per event in file order, `event` 0-based. */
export function* eventsCsv(codes: Uint8Array): Generator<string> {
  yield 'event,class\n';
  for (let start = 0; start < codes.length; start += ROWS_PER_CHUNK) {
    const end = Math.min(codes.length, start + ROWS_PER_CHUNK);
    const rows: string[] = [];
    for (let i = start; i < end; i++) {
      rows.push(`${i},${CLASS_NAMES[codes[i]!] ?? 'excluded'}`);
    }
    yield `${rows.join('\n')}\n`;
  }
}

const num = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);

/**
 * The `--out` CSV: one row per input file. Columns: `file`, `events`, the count and % of parent of
 * every pre-gate (`cells_count`, `cells_pct_parent`, ...), `M1_pct`, `M2_pct`,
 * `double_positive_pct`, `double_negative_pct`, `m1_m2_ratio`, then per marker (union over files, in
 * order of appearance) `<marker>_threshold` (display scale), `<marker>_threshold_linear` and
 * `<marker>_source`, then `warnings` (codes joined by `;`) and `error` (`CODE: message`).
 */
export function resultsCsv(entries: readonly PhenotypeFileJson[]): string {
  const gates = ['cells', 'singlets', 'live', 'macrophages'];
  const markers: string[] = [];
  for (const e of entries) {
    if (!('error' in e)) {
      for (const t of e.thresholds) {
        if (!markers.includes(t.marker)) {
          markers.push(t.marker);
        }
      }
    }
  }
  const header = [
    'file',
    'events',
    ...gates.flatMap((g) => [`${g}_count`, `${g}_pct_parent`]),
    'M1_pct',
    'M2_pct',
    'double_positive_pct',
    'double_negative_pct',
    'm1_m2_ratio',
    ...markers.flatMap((m) => [`${m}_threshold`, `${m}_threshold_linear`, `${m}_source`]),
    'warnings',
    'error',
  ];
  const rows = [header.map(csvField).join(',')];
  for (const e of entries) {
    if ('error' in e) {
      const blanks = header.length - 2;
      rows.push(
        [
          csvField(e.file),
          ...new Array<string>(blanks).fill(''),
          csvField(`${e.error.code}: ${e.error.message}`),
        ].join(','),
      );
      continue;
    }
    const gate = (id: string): string[] => {
      const p = e.pregates.find((x) => x.id === id);
      return p === undefined ? ['', ''] : [String(p.count), num(p.percentOfParent)];
    };
    const pct = e.percentages.percent;
    const cells = [
      csvField(e.file),
      String(e.eventCount),
      ...gates.flatMap(gate),
      num(pct.M1),
      num(pct.M2),
      num(pct.double_positive),
      num(pct.double_negative),
      num(e.ratio),
      ...markers.flatMap((m) => {
        const t = e.thresholds.find((x) => x.marker === m);
        return t === undefined ? ['', '', ''] : [num(t.value), num(t.linearValue), t.source];
      }),
      csvField([...new Set(e.warnings.map((w) => w.code))].join(';')),
      '',
    ];
    rows.push(cells.join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** A short human summary of one result. */
export function phenotypeSummary(file: string, r: PhenotypeResult): string {
  const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '-');
  const lines = [
    `${file}  (${r.eventCount.toLocaleString('en-US')} events, ${r.method}, seed ${r.seed})`,
  ];
  for (const p of r.pregates) {
    lines.push(
      `  ${p.id.padEnd(12)} ${String(p.count).padStart(9)}  ${f(p.percentOfParent).padStart(5)}% of parent`,
    );
  }
  for (const t of r.thresholds) {
    lines.push(
      `  ${t.marker.padEnd(12)} threshold ${t.value.toFixed(3)} (display), ${t.linearValue.toPrecision(4)} (linear), from ${t.source}`,
    );
  }
  const p = r.percentages.percent;
  lines.push(
    `  M1 ${f(p.M1)}%  M2 ${f(p.M2)}%  double+ ${f(p.double_positive)}%  double- ${f(p.double_negative)}%  M1/M2 ${r.percentages.m1m2Ratio === null ? '-' : r.percentages.m1m2Ratio.toFixed(2)}`,
  );
  for (const code of [...new Set(r.warnings.map((w) => w.code))]) {
    const first = r.warnings.find((w) => w.code === code)!;
    const n = r.warnings.filter((w) => w.code === code).length;
    lines.push(`  warning ${code}${n > 1 ? ` (x${n})` : ''}: ${first.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function readTable(
  cwd: string,
  file: string,
): { table: EventTable; spillover: SpilloverMatrix | null } {
  const parsed = readFcsFile(resolve(cwd, file), { sourceName: basename(file) });
  const ds = parsed.datasets[0]!;
  return { table: scaleDataset(ds), spillover: ds.spillover ?? null };
}

/**
 * Where `--events-out` writes for one input: OUT itself with a single input, else OUT with the input's
 * base name inserted before the extension (`events.csv` + `D1_M1.fcs` → `events.D1_M1.csv`).
 */
export function eventsPath(out: string, input: string, inputCount: number): string {
  if (inputCount === 1) {
    return out;
  }
  const ext = extname(out);
  const stem = basename(out, ext);
  return join(dirname(out), `${stem}.${basename(input, extname(input))}${ext || '.csv'}`);
}

/** `tamkit phenotype FILE... [--panel P] [--fmo MARKER=FILE ...] [--unstained F] [--method rules|kmeans] ...` */
export function phenotypeCommand(cli: Argv, ctx: CommandContext): Argv {
  return cli.command(
    'phenotype <files..>',
    'Pre-gate macrophages and classify them M1 / M2 / double positive / double negative',
    (y) =>
      y
        .positional('files', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'stained sample FCS files',
        })
        .option('panel', {
          type: 'string',
          describe: 'panel file (YAML/JSON) naming channels and roles',
        })
        .option('fmo', {
          type: 'string',
          array: true,
          default: [],
          describe: 'FMO control as MARKER=FILE (repeatable)',
        })
        .option('unstained', { type: 'string', describe: 'unstained control FCS file' })
        .option('isotype', { type: 'string', describe: 'isotype control FCS file' })
        .option('method', {
          choices: ['rules', 'kmeans'] as const,
          default: 'rules' as const,
          describe: 'classification method',
        })
        .option('k', { type: 'number', describe: 'clusters for --method kmeans (default 8)' })
        .option('seed', { type: 'number', default: 1, describe: 'seed of every random step' })
        .option('json', {
          type: 'boolean',
          default: false,
          describe: 'print one JSON document on stdout',
        })
        .option('display', {
          type: 'boolean',
          default: true,
          describe:
            'with --json, add each sample\'s binned display data (pre-gate densities, marker histograms) that tamkit report draws; --no-display keeps the JSON lean',
        })
        .option('conditions-from-names', {
          type: 'boolean',
          default: false,
          describe: "with --json, name each sample's condition from its file name as tamkit init does (D1_TCM.fcs: TCM), so tamkit report groups by condition",
        })
        .option('out', { type: 'string', describe: 'write one CSV row per sample to this file' })
        .option('events-out', {
          type: 'string',
          describe: 'write event,class per event (several inputs: OUT.<sample>.csv)',
        })
        .example(
          'tamkit phenotype D1_M1.fcs --fmo CD206=D1_FMO-CD206.fcs --unstained D1_unstained.fcs',
          'one sample with controls',
        )
        .example(
          'tamkit phenotype D1_*.fcs --method kmeans --seed 7 --json --out results.csv',
          'several samples, clustering',
        ),
    (argv) => {
      // yargs still calls the handler when validation failed (main() reports it): do nothing then.
      if ((argv.method !== 'rules' && argv.method !== 'kmeans') || !Number.isFinite(argv.seed)) {
        return;
      }
      const files = (argv.files as string[] | undefined) ?? [];
      let overrides: PanelOverrides | undefined;
      const controls: {
        fmo: Record<string, EventTable>;
        unstained?: EventTable;
        isotype?: EventTable;
      } = { fmo: {} };
      try {
        if (argv.panel !== undefined) {
          overrides = parsePanelFile(
            readFileSync(resolve(ctx.io.cwd, argv.panel), 'utf8'),
            basename(argv.panel),
          );
        }
        for (const spec of argv.fmo) {
          const eq = spec.indexOf('=');
          if (eq <= 0 || eq === spec.length - 1) {
            ctx.io.err(`tamkit phenotype: --fmo '${spec}': expected MARKER=FILE\n`);
            ctx.exitCode = EXIT.usage;
            return;
          }
          controls.fmo[spec.slice(0, eq)] = readTable(ctx.io.cwd, spec.slice(eq + 1)).table;
        }
        if (argv.unstained !== undefined) {
          controls.unstained = readTable(ctx.io.cwd, argv.unstained).table;
        }
        if (argv.isotype !== undefined) {
          controls.isotype = readTable(ctx.io.cwd, argv.isotype).table;
        }
      } catch (e) {
        ctx.io.err(`tamkit phenotype: ${errorLine(null, e)}\n`);
        ctx.exitCode = EXIT.inputFailed;
        return;
      }
      const warning = controlsAcrossDonors(files, [...argv.fmo.map((spec) => spec.slice(spec.indexOf('=') + 1)), ...(argv.unstained === undefined ? [] : [argv.unstained]), ...(argv.isotype === undefined ? [] : [argv.isotype])]);
      if (warning !== null) {
        ctx.io.err(`tamkit phenotype: warning PHENOTYPE_CONTROLS_ACROSS_DONORS: ${warning}\n`);
      }
      const entries: PhenotypeFileJson[] = [];
      for (const file of files) {
        try {
          const { table, spillover } = readTable(ctx.io.cwd, file);
          const panel = detectPanel(table.channels, overrides);
          const result = phenotypeSample(
            { table, spillover, name: basename(file) },
            {
              seed: argv.seed,
              panel,
              controls,
              method: argv.method,
              ...(argv.k === undefined ? {} : { k: argv.k }),
              display: argv.json && argv.display,
            },
          );
          entries.push(phenotypeJson(file, result, argv['conditions-from-names'] ? guessSample(file, []).condition : null));
          if (argv['events-out'] !== undefined) {
            writeChunksAtomic(
              resolve(ctx.io.cwd, eventsPath(argv['events-out'], file, files.length)),
              eventsCsv(result.codes),
            );
          }
          if (!argv.json) {
            ctx.io.out(phenotypeSummary(file, result));
          }
        } catch (e) {
          entries.push({ file, error: formatError(e) });
          ctx.io.err(`tamkit phenotype: ${errorLine(file, e)}\n`);
          ctx.exitCode = EXIT.inputFailed;
        }
      }
      if (argv.out !== undefined) {
        writeFileAtomic(resolve(ctx.io.cwd, argv.out), resultsCsv(entries));
      }
      if (argv.json) {
        ctx.io.out(`${JSON.stringify({ files: entries }, null, 2)}\n`);
      }
    },
  );
}
