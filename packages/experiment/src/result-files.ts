import { csvText } from './csv-text.js';
import { flowStatistics } from './flow-statistics.js';
import type { FlowStatistics } from './flow-statistics.js';
import type { RunRecord, TextFile } from './run-record.js';
import type { SampleResult } from './sample-result.js';

/** Classes of the phenotype columns, in order. */
const CLASSES = ['M1', 'M2', 'double_positive', 'double_negative'] as const;
const PREGATES = ['cells', 'singlets', 'live', 'macrophages'] as const;

const json = (v: unknown): string => `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x), 2)}\n`;

/** File name of a sample's applied gates. */
export function gatesFileName(id: string): string {
  return `gates/${id.replace(/[^A-Za-z0-9_.-]+/g, '_')}.gating-ml.xml`;
}

function markersOf(samples: readonly SampleResult[]): string[] {
  const markers: string[] = [];
  for (const s of samples) {
    for (const t of s.thresholds) {
      if (!markers.includes(t.marker)) {
        markers.push(t.marker);
      }
    }
  }
  return markers;
}

/** `samples.csv`: one row per stained sample (failed ones with `error`). Columns: docs/guide/results.md. */
export function samplesCsv(record: RunRecord): string {
  const markers = markersOf(record.samples);
  const header = [
    'sample', 'file', 'condition', 'donor', 'events',
    ...PREGATES.flatMap((g) => [`${g}_count`, `${g}_pct_parent`]),
    ...CLASSES.map((c) => `${c}_pct`), 'm1_m2_ratio', 'method',
    ...markers.flatMap((m) => [`${m}_threshold`, `${m}_threshold_linear`, `${m}_source`]),
    'warnings', 'error',
  ];
  const rows: (string | number | null)[][] = [];
  const all = [...record.samples.map((s) => ({ id: s.id, s })), ...record.failures.map((f) => ({ id: f.id, f }))].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const entry of all) {
    if ('f' in entry) {
      const f = entry.f;
      rows.push([f.id, f.file, ...new Array<null>(header.length - 3).fill(null), `${f.error.code}: ${f.error.message}`]);
      continue;
    }
    const s = entry.s;
    const gate = (id: string): (number | null)[] => {
      const p = s.pregates.find((x) => x.id === id);
      return p === undefined ? [null, null] : [p.count, p.percentOfParent];
    };
    rows.push([
      s.id, s.file, s.condition, s.donor, s.eventCount,
      ...PREGATES.flatMap(gate),
      ...CLASSES.map((c) => s.percent[c] ?? null), s.m1m2Ratio, s.method,
      ...markers.flatMap((m) => {
        const t = s.thresholds.find((x) => x.marker === m);
        return t === undefined ? [null, null, null] : [t.value, t.linearValue, t.source];
      }),
      [...new Set(s.warnings.map((w) => w.code))].join(';'), null,
    ]);
  }
  return csvText(header, rows);
}

/** `populations.csv`: long format, one row per sample and population (pre-gates, then classes, then the experiment's own gates). */
export function populationsCsv(samples: readonly SampleResult[]): string {
  const rows: (string | number | null)[][] = [];
  for (const s of samples) {
    for (const p of s.pregates) {
      rows.push([s.id, s.condition, 'pregate', p.id, p.parent, p.count, p.percentOfParent, p.percentOfTotal]);
    }
    const parent = s.pregates.at(-1)?.id ?? null;
    for (const c of CLASSES) {
      const count = s.counts[c] ?? null;
      rows.push([s.id, s.condition, 'class', c, parent, count, s.percent[c] ?? null, count === null ? null : (100 * count) / s.eventCount]);
    }
    for (const p of s.populations ?? []) {
      rows.push([s.id, s.condition, 'gating', p.population, p.parent, p.count, p.percentOfParent, (100 * p.count) / s.eventCount]);
    }
  }
  return csvText(['sample', 'condition', 'kind', 'population', 'parent', 'count', 'pct_parent', 'pct_total'], rows);
}

/** `markers.csv`: per sample, marker and class the median MFI and stain index. */
export function markersCsv(samples: readonly SampleResult[]): string {
  const rows: (string | number | null)[][] = [];
  for (const s of samples) {
    for (const m of s.markers) {
      for (const c of CLASSES) {
        const k = m.classes[c];
        rows.push([s.id, m.channel, m.marker, m.role, c, k.count, k.median, k.ratioToControl, k.stainIndex, m.control?.median ?? null]);
      }
    }
  }
  return csvText(['sample', 'channel', 'marker', 'role', 'class', 'count', 'median', 'ratio_to_control', 'stain_index', 'control_median'], rows);
}

/** `statistics.csv`: per class and condition the summary, then the tests (one row each). */
export function statisticsCsv(stats: FlowStatistics): string {
  const rows: (string | number | null)[][] = [
    ...stats.summaries.map((s) => ['summary', s.className, s.condition, null, 'mean and SD', s.n, s.mean, s.sd, null, null, null, null, null, null]),
    ...stats.tests.map((t) => ['test', t.className, t.condition, t.reference, t.test, null, null, null, t.difference, t.statistic, t.df, t.pValue, t.adjusted ? 'yes' : 'no', t.pUnadjusted]),
    ...stats.skipped.map((k) => ['skipped', k.className, null, null, k.reason, null, null, null, null, null, null, null, null, null]),
  ];
  return csvText(['row', 'class', 'condition', 'reference', 'test', 'n', 'mean_pct', 'sd_pct', 'difference', 'statistic', 'df', 'p_value', 'adjusted', 'p_unadjusted'], rows);
}

/** The envelope of every JSON result: no date and no absolute path, so results are byte-identical across runs. */
function envelope(record: RunRecord, kind: string): Record<string, unknown> {
  return {
    tamkit: { version: record.version, command: 'run', inputs: record.inputs, parameters: record.parameters, seeds: { experiment: record.seed } },
    kind,
  };
}

/**
 * `phenotype.json` in the `phenotype` result kind `@tamkit/report` reads; with the flow statistics'
 * tests when they have any (the report's table of % M1 and % M2 against the control).
 */
export function phenotypeResultJson(record: RunRecord, stats?: FlowStatistics): Record<string, unknown> {
  const control = (record.parameters.statistics as { control?: string | null } | undefined)?.control ?? null;
  return {
    ...envelope(record, 'phenotype'),
    samples: record.samples.map((s) => ({
      sample: s.id,
      ...(s.condition === null ? {} : { condition: s.condition }),
      file: s.file,
      events: s.eventCount,
      populations: s.pregates.map((p) => ({ population: p.id, events: p.count })),
      thresholds: s.thresholds.map((t) => ({ marker: t.marker, value: t.linearValue, method: `${t.method} (${t.source})`, control: t.source === 'data' ? null : (s.controls[t.source === 'fmo' ? `fmo:${t.marker}` : t.source] ?? t.source) })),
      warnings: s.warnings,
    })),
    composition: {
      // Display labels (the report shows them as they are): 'double positive', not 'double_positive'.
      classes: CLASSES.map((c) => c.replace('_', ' ')),
      samples: record.samples.map((s) => ({ sample: s.id, condition: s.condition ?? '', percents: CLASSES.map((c) => s.percent[c] ?? 0) })),
    },
    ...(stats !== undefined && control !== null && stats.tests.length > 0 ? { statistics: { control, tests: stats.tests } } : {}),
  };
}

/**
 * Every result file of a run record except the report and `timing.json`: `samples.csv`,
 * `populations.csv`, `markers.csv`, `statistics.csv`, `results.json` (everything, for scripts),
 * `phenotype.json` (for `tamkit report`), `manifest.json` (version, seed, inputs with SHA-256,
 * parameters), one Gating-ML file per sample under `gates/`, and the transwell files. A pure
 * function of the record: the same record always gives the same bytes.
 *
 * @example for (const f of resultFiles(record)) writeFileSync(join(out, f.name), f.text);
 */
export function resultFiles(record: RunRecord): TextFile[] {
  const statistics = record.parameters.statistics as { control: string | null; test: 'anova-dunnett' | 'welch' | null; adjust?: 'holm' | 'none' } | undefined;
  const stats = flowStatistics(record.samples, statistics?.control ?? null, statistics?.test ?? null, statistics?.adjust ?? 'holm');
  const files: TextFile[] = [
    { name: 'samples.csv', text: samplesCsv(record) },
    { name: 'populations.csv', text: populationsCsv(record.samples) },
    { name: 'markers.csv', text: markersCsv(record.samples) },
    { name: 'statistics.csv', text: statisticsCsv(stats) },
    { name: 'phenotype.json', text: json(phenotypeResultJson(record, stats)) },
    {
      name: 'results.json',
      text: json({
        ...envelope(record, 'experiment'),
        experiment: record.experiment,
        samples: record.samples.map((s) => ({ ...s, gatingMl: undefined, display: undefined, gates: gatesFileName(s.id) })),
        failures: record.failures,
        statistics: stats,
        transwell: record.transwell === null ? null : { files: record.transwell.files.map((f) => f.name), failure: record.transwell.failure },
      }),
    },
    {
      name: 'manifest.json',
      text: json({ tamkit: record.version, experiment: record.experiment, seed: record.seed, inputs: record.inputs, parameters: record.parameters, samples: record.sampleIds, failed: record.failures.map((f) => f.id) }),
    },
    ...record.samples.map((s) => ({ name: gatesFileName(s.id), text: s.gatingMl })),
  ];
  if (record.transwell !== null) {
    files.push(...record.transwell.files);
    if (record.transwell.failure === null && record.transwell.result.readouts !== undefined) {
      files.push({ name: 'transwell.json', text: json({ ...envelope(record, 'transwell'), ...record.transwell.result }) });
    }
  }
  return files;
}
